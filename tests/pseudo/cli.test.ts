/**
 * End to end: `tessera pseudo` on a copy of the bundled project, driven through the built binary.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeInline } from '../../src/formats/inline.js';
import { copyProject, snapshot, tessera, type Run } from '../helpers/project.js';

const SLUG = 'palermo-conference';
const dirs: string[] = [];
let dir: string;
let realBefore: Record<string, string>;
let first: Run;
let second: Run;
let secondFiles: Record<string, string>;

const read = (p: string, root = dir): string => readFileSync(join(root, p), 'utf8');
const json = <T>(p: string, root = dir): T => JSON.parse(read(p, root)) as T;
const resources = (lang: string, root = dir): Record<string, string> => json(`locales/${lang}/${SLUG}.json`, root);
const states = (lang: string, root = dir): Record<string, { state: string; provenance?: string }> =>
  json<{ segments: Record<string, { state: string; provenance?: string }> }>(`locales/${lang}/${SLUG}.state.json`, root).segments;
const codes = (text: string): unknown[] => encodeInline(text).flatMap((p) => (typeof p === 'string' ? [] : [[p.kind, p.type, p.data]]));
/** The real languages' files (and the English source sentences). */
const realLocales = (root: string): Record<string, string> => Object.fromEntries(['en', 'it', 'fr', 'ar'].flatMap((l) => Object.entries(snapshot(join(root, 'locales', l))).map(([f, h]) => [`${l}/${f}`, h])));
const pseudoLocales = (root: string): Record<string, string> => ({ ...snapshot(join(root, 'locales/qps-ploc')), ...Object.fromEntries(Object.entries(snapshot(join(root, 'locales/qps-plocm'))).map(([f, h]) => [`m/${f}`, h])) });

beforeAll(() => {
  dir = copyProject();
  dirs.push(dir);
  realBefore = realLocales(dir);
  first = tessera(['--root', dir, 'pseudo']);
  secondFiles = pseudoLocales(dir);
  second = tessera(['--root', dir, 'pseudo']);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('tessera pseudo on the bundled article', () => {
  it('runs, and reports every translatable segment applied in both pseudo-locales', () => {
    expect(first.stderr).toContain(`${SLUG} (qps-ploc): 25 applied, 0 unchanged, 0 skipped, 1 needs no translation`);
    expect(first.stderr).toContain(`${SLUG} (qps-plocm): 25 applied, 0 unchanged, 0 skipped, 1 needs no translation`);
    expect(first.stderr).toContain('4 project files updated');
    expect(first.code).toBe(0);
  });

  it('writes locales/<pseudo-locale>/palermo-conference.{json,state.json}: every translatable segment translated, provenance pseudo', () => {
    const en = resources('en');
    const translatable = Object.keys(en).filter((id) => !en[id]!.startsWith('pic.twitter.com/'));
    expect(translatable).toHaveLength(25);
    for (const lang of ['qps-ploc', 'qps-plocm']) {
      const res = resources(lang);
      const st = states(lang);
      expect(Object.keys(res), lang).toEqual(translatable); // document order; the bare link needs no translation
      for (const id of translatable) {
        expect(st[id], `${lang} ${id}`).toEqual({ state: 'translated', provenance: 'pseudo' });
        expect(res[id], `${lang} ${id}`).not.toBe(en[id]);
        expect(res[id], `${lang} ${id}`).toMatch(/^\[[^]* ![! ]*\]$/u);
      }
    }
    expect(resources('qps-ploc').sec0f9538b1).toBe('[Îţåļý ƀŕîñĝš Ļîƀýå’š ŕîṽåļ ļéåðéŕš ţöĝéţĥéŕ îñ Þåļéŕɱö åš Ţûŕķéý ŵåļķš öûţ !!! !!! !!! !!! !!! !!!]');
    expect(resources('qps-plocm').sec0f9538b1).toContain('\u200F\u202EPalermo\u202C\u200F');
  });

  it('keeps every inline code: #Libya, @AlistairBurtUK, the digits', () => {
    const en = resources('en');
    for (const lang of ['qps-ploc', 'qps-plocm']) {
      const res = resources(lang);
      for (const [id, text] of Object.entries(res)) expect(codes(text), `${lang} ${id}`).toEqual(codes(en[id]!));
      expect(res.s8419a03ba2, lang).toMatch(/ #Libya /);
      expect(res.sec2edb9075, lang).toContain('(@AlistairBurtUK)');
      expect(res.sec2edb9075, lang).toContain(' 13, 2018 ');
    }
    expect(resources('qps-ploc').sec2edb9075).toBe('[— Åļîšţåîŕ Ɓûŕţ (@AlistairBurtUK) Ñöṽéɱƀéŕ 13, 2018 !!! !!! !!! !!!]');
  });

  it('status --lang qps-ploc shows it 100% translated (pseudo-locales are shown only when asked for)', () => {
    const r = tessera(['--root', dir, 'status', '--lang', 'qps-ploc,qps-plocm', '--min-translated', '100']);
    expect(r.stdout).toMatch(new RegExp(`${SLUG}\\s+qps-ploc\\s+█{10} 100\\.0%\\s+0\\.0%\\s+25\\s+0\\s+0\\s+25\\s+0\\s+0\\s+600`));
    expect(r.stdout).toMatch(new RegExp(`${SLUG}\\s+qps-plocm\\s+█{10} 100\\.0%`));
    expect(r.code).toBe(0);
    const plain = tessera(['--root', dir, 'status']);
    expect(plain.stdout).not.toContain('qps');
    expect(plain.code).toBe(0);
  });

  it('leaves the real languages (and the English file) byte for byte as they were', () => {
    expect(realLocales(dir)).toEqual(realBefore);
    const r = tessera(['--root', dir, 'status', '--json']);
    const report = JSON.parse(r.stdout) as { languages: string[]; articles: { languages: Record<string, { translatedWords: number; reviewedWords: number }> }[] };
    expect(report.languages).toEqual(['it', 'fr', 'ar']);
    for (const lang of ['it', 'fr', 'ar']) expect(report.articles[0]!.languages[lang]).toMatchObject({ translatedWords: 100, reviewedWords: 100 });
  });

  it('is idempotent: a second run changes nothing', () => {
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('0 project files updated');
    expect(second.stderr).toContain(`${SLUG} (qps-ploc): 0 applied, 25 unchanged, 0 skipped`);
    expect(pseudoLocales(dir)).toEqual(secondFiles);
  });

  it('is deterministic: another copy of the project gets the same bytes', () => {
    const other = copyProject();
    dirs.push(other);
    const r = tessera(['--root', other, 'pseudo', SLUG, '--lang', 'qps-plocm', '--lang', 'qps-ploc']);
    expect(r.code).toBe(0);
    expect(pseudoLocales(other)).toEqual(secondFiles);
  });

  it('fills only pseudo-locales: a real language is a usage error, nothing written', () => {
    const before = snapshot(join(dir, 'locales'));
    const r = tessera(['--root', dir, 'pseudo', '--lang', 'it']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"it" is not a pseudo-locale');
    expect(snapshot(join(dir, 'locales'))).toEqual(before);
  });

  it('neither the default build nor check ever touch a pseudo-locale', () => {
    const b = tessera(['--root', dir, 'build', '--format', 'txt']);
    expect(b.code).toBe(0);
    expect(b.stderr).not.toContain('qps');
    const c = tessera(['--root', dir, 'check', '--lang', 'qps-ploc']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('unknown language "qps-ploc"');
  });

  it('runs as a pipeline step', () => {
    writeFileSync(join(dir, 'pipelines/pseudo.yaml'), 'description: pseudo-locales for layout tests\nsteps:\n  - pseudo:\n      lang: qps-ploc\n  - status:\n      lang: [qps-ploc]\n      min-translated: 100\n');
    const r = tessera(['--root', dir, 'run', 'pseudo']);
    expect(r.stderr).toContain('✔ pipeline pseudo');
    expect(r.code).toBe(0);
  });
});

describe('a pseudo-translation smuggled into a real language', () => {
  let smuggled: string;
  beforeAll(() => {
    smuggled = copyProject();
    dirs.push(smuggled);
    expect(tessera(['--root', smuggled, 'pseudo', '--lang', 'qps-ploc']).code).toBe(0);
    // Copy one pseudo-translation into Italian, with its provenance, as someone might by hand.
    const res = resources('it', smuggled);
    res.s8419a03ba2 = resources('qps-ploc', smuggled).s8419a03ba2!;
    writeFileSync(join(smuggled, `locales/it/${SLUG}.json`), JSON.stringify(res, null, 2) + '\n');
    const state = json<{ segments: Record<string, unknown> }>(`locales/it/${SLUG}.state.json`, smuggled);
    state.segments.s8419a03ba2 = { state: 'translated', provenance: 'pseudo' };
    writeFileSync(join(smuggled, `locales/it/${SLUG}.state.json`), JSON.stringify(state, null, 2) + '\n');
  });

  it('is not counted as translated by status', () => {
    const r = tessera(['--root', smuggled, 'status', '--lang', 'it', '--json', '--details']);
    const report = JSON.parse(r.stdout) as {
      articles: { languages: Record<string, { segments: Record<string, number>; translatedWords: number }> }[];
      remaining: { id: string; state: string }[];
    };
    const it_ = report.articles[0]!.languages.it!;
    expect(it_.segments).toMatchObject({ total: 25, new: 1, translated: 0, reviewed: 24 });
    expect(it_.translatedWords).toBeLessThan(100);
    expect(report.remaining).toEqual([expect.objectContaining({ id: 's8419a03ba2', state: 'new' })]);
  });

  it('fails a status gate of 100%', () => {
    const r = tessera(['--root', smuggled, 'status', '--lang', 'it', '--min-translated', '100']);
    expect(r.stdout).not.toMatch(/palermo-conference\s+it\s+█{10} 100\.0%/);
    expect(r.stderr).toContain('gate failed: palermo-conference (it)');
    expect(r.code).toBe(1);
  });
});
