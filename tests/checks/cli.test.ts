/**
 * `tessera check` and the `check` pipeline step, driven through the built binary on a copy of
 * the bundled project: exit codes (0 clean or warnings only, 1 an error, 2 usage), text, JSON,
 * JUnit and --list.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { copyProject, editTranslation, tessera } from '../helpers/project.js';

let dir: string;
beforeEach(() => {
  dir = copyProject();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const check = (...args: string[]) => tessera(['--root', dir, 'check', ...args]);

/** Edits one translation of the copy. */
const edit = (lang: string, id: string, from: string, to: string): void => editTranslation(dir, lang, id, from, to);

describe('tessera check', () => {
  it('the bundled translations pass clean: exit 0, no error, no warning', () => {
    const r = check();
    expect(r.stderr).toBe('check: 75 segments in 3 article × language pairs, 15 checks: 0 errors, 0 warnings\n');
    expect(r.stdout).toBe('');
    expect(r.code, r.stderr).toBe(0);
  });

  it('an error: exit 1, with file:line, the check, what was expected and found, source and target', () => {
    edit('it', 's960704886d', '2011', '2012');
    edit('fr', 'sec2edb9075', ' (@AlistairBurtUK)', '');
    const r = check();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('locales/it/palermo-conference.json:24: error: [numbers] palermo-conference (it) s960704886d: expected "2011"; found "2012"\n  en: "Libya plunged');
    expect(r.stderr).toContain('locales/fr/palermo-conference.json:13: error: [handles] palermo-conference (fr) sec2edb9075: expected the handle @AlistairBurtUK exactly as in the source; not found in the translation');
    expect(r.stderr).toMatch(/2 errors, 0 warnings\n$/);
  });

  it('warnings alone exit 0; with --fail-on warning, 1', () => {
    edit('it', 'sb58e4bd7ca', 'Haftar', 'Hafter');
    const r = check('--lang', 'it');
    expect(r.stderr).toContain('warning: [names] palermo-conference (it) sb58e4bd7ca: expected "Haftar" for Haftar, as in 9 of 9 other reviewed segment(s); found "Hafter"');
    expect(r.code, r.stderr).toBe(0);
    expect(check('--lang', 'it', '--fail-on', 'warning').code).toBe(1);
  });

  it('--json: the results on stdout (tessera-check/1)', () => {
    edit('ar', 's8419a03ba2', '#Libya', '#ليبيا');
    const r = check('--json', '--lang', 'ar');
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as { schema: string; results: { lang: string; problems: { check: string; line: number; expected: string; found: string }[] }[] };
    expect(j.schema).toBe('tessera-check/1');
    expect(j.results.map((x) => x.lang)).toEqual(['ar']);
    expect(j.results[0]!.problems).toMatchObject([{ check: 'hashtags', line: 11, expected: '#Libya', found: '#ليبيا' }]);
  });

  it('--junit FILE: a JUnit report, written beside the usual output', () => {
    edit('fr', 's6029743a82', '«\u00a0', '');
    const r = check('--junit', 'out/check.xml');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('JUnit report in out/check.xml');
    const xml = readFileSync(join(dir, 'out/check.xml'), 'utf8');
    const failures: string[] = [];
    const p = new SaxesParser();
    p.on('opentag', (t) => {
      if (t.name === 'failure') failures.push(String(t.attributes.type));
    });
    p.write(xml).close();
    expect(failures).toEqual(['quotes-balanced']);
    expect(xml).toContain('<testsuite name="palermo-conference (fr)" tests="15" failures="1"');
  });

  it('--list: every check with its id, severity and explanation; --list --json for scripts', () => {
    const r = check('--list');
    expect(r.code, r.stderr).toBe(0);
    for (const c of CHECKS) expect(r.stdout).toContain(`${c.id} (${c.severity}): ${c.title}`);
    const j = JSON.parse(check('--list', '--json').stdout) as { checks: { id: string; severity: string; explanation: string }[] };
    expect(j.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  });

  it('usage and input errors exit 2', () => {
    const lang = check('--lang', 'de');
    expect(lang.code, lang.stderr).toBe(2);
    expect(lang.stderr).toContain('unknown language "de"');
    expect(check('no-such-article').code).toBe(2);
    expect(check('--fail-on', 'fatal').code).toBe(2);
  });

  it('--help documents every option', () => {
    const r = check('--help');
    for (const o of ['--lang', '--json', '--junit', '--list', '--fail-on']) expect(r.stdout).toContain(o);
  });
});

describe('the check pipeline step', () => {
  const pipeline = (name: string, yaml: string): void => {
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    writeFileSync(join(dir, 'pipelines', `${name}.yaml`), yaml);
  };

  it('runs like the command, with fail-on and junit', () => {
    pipeline('qa', 'description: QA gate\nsteps:\n  - check:\n      lang: [it]\n      fail-on: warning\n      junit: out/qa.xml\n');
    const clean = tessera(['--root', dir, 'run', 'qa']);
    expect(clean.code, clean.stderr).toBe(0);
    edit('it', 'sb58e4bd7ca', 'Haftar', 'Hafter');
    const r = tessera(['--root', dir, 'run', 'qa']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('step 1 (check) failed');
    expect(readFileSync(join(dir, 'out/qa.xml'), 'utf8')).toContain('<failure type="names"');
  });

  it('an unknown option is reported before anything runs', () => {
    pipeline('bad', 'description: bad\nsteps:\n  - check:\n      fail_on: warning\n');
    const r = tessera(['--root', dir, 'run', 'bad']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('step "check" has no option "fail_on"');
  });
});
