/**
 * The built CLI speaks the editor's language: --ui-lang, else LC_ALL / LC_MESSAGES / LANG, else
 * English — in --help, yargs' own messages, input errors, summaries and reports. Machine output
 * (--json, exit codes) does not change with the language.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { ID } from '../checks/bundled.js';
import { REPO, SHARED, copyProject, editTranslation, tessera } from '../helpers/project.js';

const cli = (lang: string): Record<string, unknown> => JSON.parse(readFileSync(join(REPO, `src/i18n/cli/${lang}.json`), 'utf8'));
const en = cli('en') as { help: { global: Record<string, string> }; yargs: Record<string, string>; errors: Record<string, string> };
const it_ = cli('it') as typeof en;
const fr = cli('fr') as typeof en;
const ar = cli('ar') as typeof en;

/** Env with no locale but the one given (the helper sets LC_ALL=C.UTF-8 by default). */
const locale = (vars: Record<string, string>): Record<string, string> => ({ LC_ALL: '', LC_MESSAGES: '', LANG: '', ...vars });
const FSI = '\u2068';
const PDI = '\u2069';

let root: string;
beforeAll(() => {
  root = copyProject();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--ui-lang and the locale', () => {
  it('translates --help, yargs included', () => {
    const r = tessera(['--ui-lang', 'it', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(it_.help.global.root);
    expect(r.stdout).toContain(it_.yargs.options);
    expect(r.stdout).toContain(it_.yargs.showHelp);
    expect(r.stdout).not.toContain(en.help.global.root);
    expect(r.stdout).not.toContain('Options:');
  });

  it("takes the language from LANG, and a command's --help too", () => {
    const r = tessera(['export', '--help'], { env: locale({ LANG: 'fr_FR.UTF-8' }) });
    expect(r.stdout).toContain((fr as unknown as { help: { export: Record<string, string> } }).help.export.describe);
    expect(r.stdout).toContain('Options :');
    // LC_ALL wins over LANG; the flag wins over both.
    expect(tessera(['--help'], { env: locale({ LC_ALL: 'ar_EG.UTF-8', LANG: 'fr_FR.UTF-8' }) }).stdout).toContain(ar.yargs.options);
    expect(tessera(['--ui-lang=it', '--help'], { env: locale({ LC_ALL: 'ar_EG.UTF-8' }) }).stdout).toContain(it_.yargs.options);
  });

  it('stays English by default and for an unknown locale', () => {
    expect(tessera(['--help']).stdout).toContain(en.help.global.root);
    expect(tessera(['--help'], { env: locale({ LANG: 'de_DE.UTF-8' }) }).stdout).toContain('Options:');
  });

  it("translates yargs' failures, in Arabic too (yargs has no Arabic of its own)", () => {
    const r = tessera(['--ui-lang', 'ar', 'status', '--bogus'], { env: { LC_ALL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('وسيط غير معروف');
    expect(r.stderr).not.toContain('Unknown argument');
    const f = tessera(['frobnicate'], { env: locale({ LANG: 'fr_FR.UTF-8' }) });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('Lancez « tessera --help »');
  });

  it('translates input errors and their hints', () => {
    const r = tessera(['--root', root, '--ui-lang', 'it', 'import', 'missing.xlf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`missing.xlf: errore: ${it_.errors.noSuchFile}\n  ${it_.errors.checkPath}\n`);
    const fr_ = tessera(['--root', root, 'status', '--min-reviewed', 'lots'], { env: locale({ LANG: 'fr_FR.UTF-8' }) });
    expect(fr_.code).toBe(2);
    expect(fr_.stderr).toContain('erreur : min-reviewed : « lots » n’est pas un pourcentage'.replace('’', "'"));
  });

  it('isolates Latin runs (paths, options) in Arabic messages', () => {
    const r = tessera(['--root', root, '--ui-lang', 'ar', 'import', 'missing.xlf']);
    expect(r.stderr).toContain(`${FSI}missing.xlf${PDI}`);
    expect(r.stderr).toContain('الملف غير موجود');
  });

  it('translates summaries, with plurals', () => {
    const itExport = tessera(['--root', root, '--ui-lang', 'it', 'export', '--all', '--lang', 'it', '--out', 'out/x-it']);
    expect(itExport.code).toBe(0);
    expect(itExport.stderr).toMatch(/^export: 1 file \(xliff12\), 1 modificati\n {2}out\/x-it\/it\/palermo-conference\.xlf: \d+ unità/);
    const arExport = tessera(['--root', root, '--ui-lang', 'ar', 'export', '--all', '--lang', 'ar,fr', '--out', 'out/x-ar']);
    // Two files: the Arabic dual, not "2 files".
    expect(arExport.stderr.split('\n')[0]).toContain('ملفان');
    const enExport = tessera(['--root', root, 'export', '--all', '--lang', 'ar,fr', '--out', 'out/x-en']);
    expect(enExport.stderr.split('\n')[0]).toBe('export: 2 files (xliff12), 2 changed');
  });

  it('keeps `status --ui-lang` working, for the report and the gate message', () => {
    const r = tessera(['--root', root, 'status', '--ui-lang', 'it']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Articolo');
  });

  it('keeps --json the same in every language', () => {
    const json = (lang: string): string => tessera(['--root', root, '--ui-lang', lang, 'status', '--json']).stdout;
    expect(json('ar')).toBe(json('en'));
    expect(json('fr')).toBe(json('en'));
  });
});

/** The QA checks' strings: `cli.checks.<id>.*` and the `check` framing. */
type ChecksStrings = Record<string, Record<string, string | Record<string, string>>>;
const checksOf = (r: Record<string, unknown>): ChecksStrings => r.checks as ChecksStrings;
const diag = (r: Record<string, unknown>): Record<string, string> => r.diagnostic as Record<string, string>;
const str = (r: Record<string, unknown>, id: string, key: string): string => checksOf(r)[id]![key] as string;
/** The fixed words of a template (what surrounds its {{values}}), each long enough to mean something. */
const fixedParts = (template: string): string[] =>
  template
    .split(/\{\{\s*[\w.]+\s*\}\}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 3);
/** A template with its values filled in, as i18next does it. */
const fill = (template: string, values: Record<string, string>): string => template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k: string) => values[k] ?? `{{${k}}}`);
/** Every isolate of a line is closed on that line. */
const balanced = (line: string): boolean => [...line].filter((c) => c === FSI || c === '\u2066' || c === '\u2067').length === [...line].filter((c) => c === PDI).length;

describe('the QA checks in the editor\'s language', () => {
  let proj: string;
  beforeAll(() => {
    proj = copyProject();
    // Seeded mistakes: a changed year in Italian, a translated hashtag in Arabic.
    const seed = (lang: string, id: string, from: string, to: string): void => editTranslation(proj, lang, id, from, to);
    seed('it', ID.year2011, '2011', '2012');
    seed('ar', ID.hashtag, '#Libya', '#ليبيا');
  });
  afterAll(() => rmSync(proj, { recursive: true, force: true }));

  it('check --list --ui-lang it: every title and explanation in Italian', () => {
    const r = tessera(['--root', proj, 'check', '--list', '--ui-lang', 'it']);
    expect(r.code, r.stderr).toBe(0);
    for (const c of CHECKS) {
      expect(r.stdout).toContain(`${c.id} (${diag(it_)[c.severity]}): ${str(it_, c.id, 'title')}`);
      expect(r.stdout.replace(/\n {2}/g, ' ')).toContain(str(it_, c.id, 'explanation').slice(0, 60));
      expect(r.stdout).not.toContain(c.title === str(it_, c.id, 'title') ? '\u0000' : c.title);
    }
    const lengthRatio = fill(str(it_, 'length-ratio', 'explanation'), { it: '1.14', fr: '1.17', ar: '0.82', low: '0.55', high: '1.65', itLow: '0.63', itHigh: '1.88', min: '40' });
    expect(r.stdout.replace(/\n {2}/g, ' ')).toContain(lengthRatio);
  });

  it('check --list --ui-lang ar: Arabic titles, Latin runs isolated line by line', () => {
    const r = tessera(['--root', proj, 'check', '--list', '--ui-lang', 'ar']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(str(ar, 'untranslated', 'title'));
    expect(r.stdout).toContain(`${FSI}untranslated${PDI}`);
    for (const part of fixedParts(str(ar, 'doubled-words', 'explanation')).flatMap((p) => p.split(/[^\p{Script=Arabic}\s،؛]+/u)).filter((p) => p.trim().length > 12)) {
      expect(r.stdout.replace(/\n {2}/g, ' ')).toContain(part.trim());
    }
    for (const line of r.stdout.split('\n')) expect(balanced(line), line).toBe(true);
  });

  it('check --ui-lang it: a changed year reported in Italian, --json unchanged', () => {
    const r = tessera(['--root', proj, 'check', '--lang', 'it', '--ui-lang', 'it']);
    expect(r.code).toBe(1);
    const number = (text: string): string => fill(str(it_, 'numbers', 'number'), { text });
    const message = fill(str(it_, 'numbers', 'mismatch'), { expected: number('2011'), found: number('2012') });
    expect(r.stderr).toContain(`: ${diag(it_).error}: [numbers] palermo-conference (it) ${ID.year2011}: ${message}\n  en: "`);
    expect(r.stderr).not.toContain('expected "2011"');
    const json = (lang: string): string => tessera(['--root', proj, '--ui-lang', lang, 'check', '--lang', 'it', '--json']).stdout;
    expect(json('it')).toBe(json('en'));
    expect(json('it')).toContain('"message": "expected \\"2011\\"; found \\"2012\\""');
  });

  it('check --ui-lang ar: a translated hashtag reported in Arabic, the tokens isolated', () => {
    const r = tessera(['--root', proj, 'check', '--lang', 'ar', '--ui-lang', 'ar']);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('hashtags'))!;
    expect(line).toContain(diag(ar).error);
    for (const part of fixedParts(str(ar, 'hashtags', 'altered'))) expect(line).toContain(part);
    expect(line).toContain('#ليبيا');
    expect(line).not.toContain('expected the hashtag');
    expect(balanced(line)).toBe(true);
  });
});

/** `tessera validate` on the OASIS test suite's invalid samples (../shared), in the editor's language. */
const INVALID = join(SHARED, 'xliff-testsuite/invalid');
const HAVE_INVALID = existsSync(INVALID);
if (!HAVE_INVALID) {
  const reason = `${INVALID} is absent (../shared is not checked out beside the project)`;
  if (process.env.CI === 'true') describe('validate in the editor\'s language: prerequisites', () => it('the OASIS XLIFF test suite is present (required under CI=true)', () => expect.fail(reason)));
  else {
    console.warn(`tests/i18n/cli.test.ts: validate in the editor's language skipped: ${reason}`);
    describe('validate in the editor\'s language: prerequisites', () => it.skip(`skipped: ${reason}`, () => {}));
  }
}

describe.runIf(HAVE_INVALID)('validate in the editor\'s language', () => {
  type Strings = Record<string, Record<string, string>>;
  const v = (r: Record<string, unknown>): Strings => r.validate as Strings;
  const ecBeforeSc = join(INVALID, 'bad_EcBeforeSc.xlf');
  const noUnit = join(INVALID, 'bad_NoUnitOrGroupInFile.xlf');

  it('validate --ui-lang it: the message, its nested scope and its hint in Italian; --json unchanged', () => {
    const r = tessera(['validate', '--ui-lang', 'it', ecBeforeSc]);
    expect(r.code).toBe(2);
    const s = v(it_);
    const scope = fill(s.scope!.side!, { scope: fill(s.scope!.unit!, { id: '"1"' }), side: 'source' });
    expect(r.stderr).toContain(`${diag(it_).error}: ${fill(s.pairing!.ecBeforeSc!, { el: '<ec>', id: '"1"', line: '9', scope })}`);
    expect(r.stderr).toContain(`\n  ${s.pairing!.ecBeforeScHint}\n`);
    expect(r.stderr).not.toContain('comes before its');
    const json = (lang: string): string => tessera(['validate', '--json', '--ui-lang', lang, ecBeforeSc]).stdout;
    expect(json('it')).toBe(json('en'));
    expect(json('it')).toContain('"message": "<ec> comes before its <sc id=\\"1\\"> (line 9) in unit \\"1\\" (source)"');
  });

  it('validate --ui-lang ar: a content model in Arabic, the element names isolated', () => {
    const r = tessera(['validate', '--ui-lang', 'ar', noUnit]);
    expect(r.code).toBe(2);
    const s = v(ar);
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('bad_NoUnitOrGroupInFile.xlf'));
    expect(at, r.stderr).toBeGreaterThanOrEqual(0);
    const [line, hint] = [lines[at]!, lines[at + 1]!];
    expect(line).toContain(diag(ar).error);
    for (const part of fixedParts(s.structure!.mustContain!)) expect(line).toContain(part);
    for (const part of fixedParts(s.structure!.expectedContent!)) expect(hint).toContain(part);
    expect(hint).toContain(s.model!.other);
    expect(hint).toContain(`${FSI}skeleton${PDI}`);
    expect(r.stderr).not.toContain('must contain');
    expect(r.stderr).not.toContain('other namespaces');
    for (const l of [line, hint]) expect(balanced(l)).toBe(true);
  });
});
