import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countChars, countWords } from '../../src/core/counts.js';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { articleCounts, buildStatus, emptyCounts, toCell, type ByState } from '../../src/core/status.js';
import { STATES, type Doc, type Lang } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';

const ARTICLE = readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8');

const fm = (slug: string, headline: string): string => `---\nslug: ${slug}\nlang: en\nheadline: ${headline}\ndate: 2018-11-13\n---\n\n`;

// Hand-counted: "Talks end" = 2 words / 9 chars; "The cat sat on the mat." = 6 / 23;
// "The dog ran away quickly." = 5 / 25; the bare link needs no translation and is not counted.
const small = parseArticle(`${fm('small', 'Talks end')}The cat sat on the mat. The dog ran away quickly.\n\nhttps://example.com/x\n`, 'small.md');
const seg = (doc: Doc, source: string) => {
  const s = doc.segments.find((x) => x.source === source);
  if (!s) throw new Error(`no segment ${JSON.stringify(source)}`);
  return s;
};

function sum(b: ByState): number {
  return STATES.reduce((n, s) => n + b[s], 0);
}

describe('counts', () => {
  it('counts words with Intl.Segmenter: hyphenated parts separately, apostrophes inside a word', () => {
    expect(countWords('The cat sat on the mat.')).toBe(6);
    expect(countWords('Turkish Vice-President Fuat Oktay')).toBe(5);
    expect(countWords("Libya's rival leaders")).toBe(3);
    expect(countWords('Libya’s rival leaders')).toBe(3);
    expect(countWords('— 13, 2018 — …')).toBe(2);
    expect(countWords('')).toBe(0);
  });

  it('counts characters as code points', () => {
    expect(countChars('Talks end')).toBe(9);
    expect(countChars('\u{1F44D}')).toBe(1);
    expect(countChars('e\u0301')).toBe(2);
    expect(countChars('ليبيا')).toBe(5);
  });
});

describe('articleCounts', () => {
  it('has the link segment, but leaves it out of every count', () => {
    expect(small.segments.some((s) => !s.translate && s.source === 'https://example.com/x')).toBe(true);
    const c = articleCounts(small, emptyLocale());
    expect(c.segments.total).toBe(3);
    expect(c.words.total).toBe(13);
    expect(c.chars.total).toBe(9 + 23 + 25);
    expect(c.segments.new).toBe(3);
  });

  it('counts by state, and each state column adds up to the total', () => {
    const data: LocaleData = emptyLocale();
    data.units[small.segments[0]!.id] = { state: 'reviewed' };
    data.units[seg(small, 'The cat sat on the mat.').id] = { state: 'translated' };
    data.units[seg(small, 'https://example.com/x').id] = { state: 'final' }; // excluded anyway
    const c = articleCounts(small, data);
    expect(c.segments).toEqual({ new: 1, stale: 0, translated: 1, reviewed: 1, final: 0, total: 3 });
    expect(c.words).toEqual({ new: 5, stale: 0, translated: 6, reviewed: 2, final: 0, total: 13 });
    expect(c.chars).toEqual({ new: 25, stale: 0, translated: 23, reviewed: 9, final: 0, total: 57 });
    for (const k of ['segments', 'words', 'chars'] as const) expect(sum(c[k])).toBe(c[k].total);
  });

  it('percentages: by words and segments, floored to one decimal; stale is not translated', () => {
    const data: LocaleData = emptyLocale();
    data.units[small.segments[0]!.id] = { state: 'reviewed' };
    data.units[seg(small, 'The cat sat on the mat.').id] = { state: 'translated' };
    data.units[seg(small, 'The dog ran away quickly.').id] = { state: 'stale', suggestion: 'x', previousSource: 'y' };
    const cell = toCell(articleCounts(small, data));
    expect(cell.translatedWords).toBe(61.5); // 8 / 13 = 61.54 %
    expect(cell.reviewedWords).toBe(15.3); // 2 / 13 = 15.38 %
    expect(cell.translatedSegments).toBe(66.6); // 2 / 3
    expect(cell.reviewedSegments).toBe(33.3); // 1 / 3
    expect(cell.segments.stale).toBe(1);
  });

  it('is 100% when everything is final, and 100% of nothing when there is nothing to translate', () => {
    const data: LocaleData = emptyLocale();
    for (const s of small.segments) data.units[s.id] = { state: 'final' };
    const all = toCell(articleCounts(small, data));
    expect(all).toMatchObject({ translatedWords: 100, reviewedWords: 100, translatedSegments: 100, reviewedSegments: 100 });
    const none = toCell(emptyCounts());
    expect(none).toMatchObject({ translatedWords: 100, reviewedWords: 100, translatedSegments: 100, reviewedSegments: 100 });
  });
});

describe('buildStatus', () => {
  const palermo = parseArticle(ARTICLE, 'source/palermo-conference.md');
  const langs: Lang[] = ['it', 'fr', 'ar'];
  // it: first half reviewed; fr: every other segment translated; ar: nothing.
  const locales: Record<string, Partial<Record<Lang, LocaleData>>> = { 'palermo-conference': {}, small: {} };
  for (const [slug, doc] of [['palermo-conference', palermo], ['small', small]] as const) {
    const it = emptyLocale();
    const fr = emptyLocale();
    doc.segments.forEach((s, i) => {
      if (i < doc.segments.length / 2) {
        it.resources[s.id] = 'x';
        it.units[s.id] = { state: 'reviewed' };
      }
      if (i % 2 === 0) {
        fr.resources[s.id] = 'y';
        fr.units[s.id] = { state: 'translated' };
      }
    });
    locales[slug] = { it, fr, ar: emptyLocale() };
  }
  const report = buildStatus(
    [
      { slug: 'palermo-conference', doc: palermo },
      { slug: 'small', doc: small },
    ],
    langs,
    (slug, lang) => locales[slug]![lang]!,
    { details: true },
  );

  it('has the documented header fields', () => {
    expect(report.schema).toBe('tessera-status/1');
    expect(report.sourceLanguage).toBe('en');
    expect(report.languages).toEqual(langs);
    expect(report.articles.map((a) => a.article)).toEqual(['palermo-conference', 'small']);
    expect(report.articles[0]!.headline).toBe(palermo.meta.headline);
  });

  it('counts only segments that need translation', () => {
    const translatable = palermo.segments.filter((s) => s.translate);
    const cell = report.articles[0]!.languages.ar!;
    expect(cell.segments.total).toBe(translatable.length);
    expect(cell.words.total).toBe(translatable.reduce((n, s) => n + countWords(s.source), 0));
    expect(cell.chars.total).toBe(translatable.reduce((n, s) => n + countChars(s.source), 0));
    expect(cell.translatedWords).toBe(0);
  });

  it('per-state sums equal totals in every cell, and totals are the sums of the rows', () => {
    for (const lang of langs) {
      const rows = report.articles.map((a) => a.languages[lang]!);
      const total = report.totals[lang]!;
      for (const k of ['segments', 'words', 'chars'] as const) {
        for (const cell of [...rows, total]) expect(sum(cell[k])).toBe(cell[k].total);
        for (const s of [...STATES, 'total'] as const) {
          expect(total[k][s], `${lang} ${k} ${s}`).toBe(rows.reduce((n, r) => n + r[k][s], 0));
        }
      }
    }
  });

  it('total percentages are computed on the summed words, not averaged', () => {
    const t = report.totals.it!;
    const words = t.words.reviewed + t.words.final;
    expect(t.reviewedWords).toBe(Math.floor((words * 1000) / t.words.total) / 10);
  });

  it('lists the segments still to translate when asked, and only those', () => {
    const remaining = report.remaining!;
    const expected: string[] = [];
    for (const [slug, doc] of [['palermo-conference', palermo], ['small', small]] as const) {
      for (const lang of langs) {
        for (const s of doc.segments) {
          if (s.translate && !locales[slug]![lang]!.resources[s.id]) expected.push(`${slug}/${lang}/${s.id}`);
        }
      }
    }
    expect(remaining.map((r) => `${r.article}/${r.lang}/${r.id}`)).toEqual(expected);
    expect(remaining.every((r) => r.state === 'new')).toBe(true);
    expect(buildStatus([{ slug: 'small', doc: small }], langs, () => emptyLocale()).remaining).toBeUndefined();
  });
});
