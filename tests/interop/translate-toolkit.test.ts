/**
 * Interoperability with Translate Toolkit (Debian translate-toolkit), driving the built binary
 * on a copy of the bundled project:
 *  - pocount counts our XLIFF 1.2 files as `tessera status --json` does (units, translated,
 *    untranslated), for a fully reviewed project, a partial one and one with a stale sentence;
 *  - xliff2po sees every unit of an export, translate="no" ones included, with its source.
 * Word counts differ by design (pocount keeps hyphenated compounds whole and counts a lone
 * dash as a word; Tessera counts Intl.Segmenter words): they are printed, not compared.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project.js';
import { ARTICLE, missingCommands, parsePo, pocount, prerequisites, readJson, run, tesseraOk, writeJson } from './tools.js';

const LANGS = ['it', 'fr', 'ar'] as const;
type Lang = (typeof LANGS)[number];
type ByState = Record<'total' | 'new' | 'stale' | 'translated' | 'reviewed' | 'final', number>;
interface Cell {
  segments: ByState;
  words: ByState;
}

const READY = prerequisites('Translate Toolkit', missingCommands({ pocount: 'translate-toolkit', xliff2po: 'translate-toolkit' }));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function project(): string {
  const dir = copyProject();
  dirs.push(dir);
  return dir;
}

const localeFile = (dir: string, lang: string, kind = ''): string => join(dir, 'locales', lang, `${ARTICLE}${kind}.json`);

/** Removes the translations at the given positions (document order) from a language's resources. */
function untranslate(dir: string, lang: Lang, positions: number[]): void {
  const res = readJson(localeFile(dir, lang));
  const ids = Object.keys(res);
  for (const i of positions) delete res[ids[i]!];
  writeJson(localeFile(dir, lang), res);
}

/** Sets the state of the segments at the given positions (document order). */
function setState(dir: string, lang: Lang, positions: number[], state: string): void {
  const st = readJson<{ segments: Record<string, { state: string }> }>(localeFile(dir, lang, '.state'));
  const ids = Object.keys(st.segments);
  for (const i of positions) st.segments[ids[i]!]!.state = state;
  writeJson(localeFile(dir, lang, '.state'), st);
}

/** `tessera status --json` for the bundled article, by language. */
function status(dir: string): Record<Lang, Cell> {
  const report = JSON.parse(tesseraOk(dir, ['status', '--json']).stdout) as { articles: { article: string; languages: Record<Lang, Cell> }[] };
  return report.articles.find((a) => a.article === ARTICLE)!.languages;
}

const scenarios: { name: string; prepare: (dir: string) => void; expectState: (cell: Cell, lang: Lang) => void }[] = [
  {
    name: 'full: the bundled project, everything reviewed',
    prepare: () => {},
    expectState: (c) => expect(c.segments.reviewed).toBe(c.segments.total),
  },
  {
    name: 'partial: translations removed; some units translated or final rather than reviewed',
    prepare: (dir) => {
      untranslate(dir, 'it', [0, 1, 2, 3, 4]);
      untranslate(dir, 'fr', [10, 11]);
      setState(dir, 'ar', [5, 6, 7], 'translated');
      setState(dir, 'ar', [8], 'final');
      untranslate(dir, 'ar', [20]);
    },
    expectState: (c, lang) => {
      expect(c.segments.new).toBe({ it: 5, fr: 2, ar: 1 }[lang]);
      if (lang === 'ar') expect([c.segments.translated, c.segments.final]).toEqual([3, 1]);
    },
  },
  {
    name: 'stale: one source sentence edited, then `tessera segment`',
    prepare: (dir) => {
      const md = join(dir, `source/${ARTICLE}.md`);
      const text = readFileSync(md, 'utf8');
      const edited = text.replace('posed for the final conference group photo.', 'posed for the conference group photo.');
      expect(edited).not.toBe(text);
      writeFileSync(md, edited);
      tesseraOk(dir, ['segment']);
    },
    expectState: (c) => expect(c.segments.stale).toBe(1),
  },
];

/** Measured figures, printed at the end (words differ by design, so they are reported, not asserted). */
const figures: string[] = [];

describe.runIf(READY)('pocount counts our XLIFF 1.2 files as `tessera status` does', () => {
  afterAll(() => {
    if (figures.length) console.info(['pocount vs tessera status (units: total/translated/untranslated; source words: total/translated/untranslated)', ...figures].join('\n'));
  });

  for (const s of scenarios) {
    it(s.name, () => {
      const dir = project();
      s.prepare(dir);
      const out = join(dir, 'out/xliff-all');
      tesseraOk(dir, ['export', '--lang', LANGS.join(','), '--all', '--out', out]);
      const cells = status(dir);
      const files = LANGS.map((l) => join(out, l, `${ARTICLE}.xlf`));
      const counted = pocount(files);
      LANGS.forEach((lang, i) => {
        const c = cells[lang];
        s.expectState(c, lang);
        const p = counted.get(files[i]!);
        expect(p, `pocount printed no row for ${files[i]}`).toBeDefined();
        const done = (b: ByState): number => b.translated + b.reviewed + b.final;
        const todo = (b: ByState): number => b.new + b.stale;
        expect({ total: p!.total, translated: p!.translated, fuzzy: p!.fuzzy, untranslated: p!.untranslated }, `${s.name}: ${lang}`).toEqual({
          total: c.segments.total,
          translated: done(c.segments),
          fuzzy: 0,
          untranslated: todo(c.segments),
        });
        figures.push(
          `  ${s.name.split(':')[0]} ${lang}: units pocount ${p!.total}/${p!.translated}/${p!.untranslated}, tessera ${c.segments.total}/${done(c.segments)}/${todo(c.segments)}; ` +
            `words pocount ${p!.totalWords}/${p!.translatedWords}/${p!.untranslatedWords}, tessera ${c.words.total}/${done(c.words)}/${todo(c.words)}`,
        );
      });
    });
  }
});

describe.runIf(READY)('xliff2po reads our XLIFF 1.2 export', () => {
  it('sees every unit, translate="no" ones included, each with its source text and translation', () => {
    const dir = project();
    const out = join(dir, 'out/xliff-all');
    tesseraOk(dir, ['export', '--lang', LANGS.join(','), '--all', '--out', out]);
    const en = readJson(localeFile(dir, 'en'));
    for (const lang of LANGS) {
      const xlf = join(out, lang, `${ARTICLE}.xlf`);
      const xml = readFileSync(xlf, 'utf8');
      const units = xml.match(/<trans-unit /g)?.length ?? 0;
      expect(units, 'every segment is exported with --all').toBe(Object.keys(en).length);
      expect(xml, 'the export holds a translate="no" unit (the link)').toContain('translate="no"');

      const po = join(dir, `out/${lang}.po`);
      const r = run('xliff2po', ['--progress=none', xlf, po]);
      expect(r.code, r.stderr).toBe(0);
      const messages = parsePo(readFileSync(po, 'utf8'));
      expect(messages.length, `${lang}: PO messages vs trans-units`).toBe(units);
      const sources: Record<string, string> = {};
      const targets: Record<string, string> = {};
      for (const m of messages) {
        expect(m.refs, `${lang}: one location per message`).toHaveLength(1);
        sources[m.refs[0]!] = m.msgid;
        if (m.msgstr !== '') targets[m.refs[0]!] = m.msgstr;
        expect(m.flags, `${lang} ${m.refs[0]}: a reviewed translation is not fuzzy`).not.toContain('fuzzy');
      }
      expect(sources, `${lang}: each unit's source`).toEqual(en);
      expect(targets, `${lang}: each unit's translation`).toEqual(readJson(localeFile(dir, lang)));
    }
  });
});
