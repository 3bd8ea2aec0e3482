/**
 * The built CLI speaks the editor's language: --ui-lang, else LC_ALL / LC_MESSAGES / LANG, else
 * English — in --help, yargs' own messages, input errors, summaries and reports. Machine output
 * (--json, exit codes) does not change with the language.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, copyProject, tessera } from '../helpers/project.js';

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
