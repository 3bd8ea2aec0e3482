/**
 * The article × language matrix behind `tessera status`. Pure. Counts segments, source
 * words and source characters per state; segments that need no translation (bare links) are
 * left out of every count, as Translate Toolkit's pocount leaves out translate="no" units.
 */
import { countChars, countWords } from './counts.js';
import type { LocaleData } from './reconcile.js';
import { STATES, isTranslated, stateRank, type Doc, type Lang, type State } from './types.js';
import { withoutPseudo } from '../pseudo/publish.js';

export type ByState = Record<State, number> & { total: number };

export interface Counts {
  segments: ByState;
  words: ByState;
  chars: ByState;
}

export interface Cell extends Counts {
  /** Percent (0–100, one decimal) of source words at least translated / reviewed. */
  translatedWords: number;
  reviewedWords: number;
  translatedSegments: number;
  reviewedSegments: number;
}

export interface StatusRow {
  article: string;
  headline: string;
  languages: Partial<Record<Lang, Cell>>;
}

export interface StatusReport {
  schema: 'tessera-status/1';
  sourceLanguage: 'en';
  languages: Lang[];
  articles: StatusRow[];
  totals: Partial<Record<Lang, Cell>>;
  /** Segments still needing work (state below translated), when asked for. */
  remaining?: { article: string; lang: Lang; id: string; state: State; source: string }[];
}

function zero(): ByState {
  const z = { total: 0 } as ByState;
  for (const s of STATES) z[s] = 0;
  return z;
}

export function emptyCounts(): Counts {
  return { segments: zero(), words: zero(), chars: zero() };
}

function pct(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10;
}

export function toCell(c: Counts): Cell {
  const atLeast = (b: ByState, min: number): number => STATES.filter((s) => stateRank(s) >= min).reduce((n, s) => n + b[s], 0);
  return {
    ...c,
    translatedWords: pct(atLeast(c.words, 1), c.words.total),
    reviewedWords: pct(atLeast(c.words, 2), c.words.total),
    translatedSegments: pct(atLeast(c.segments, 1), c.segments.total),
    reviewedSegments: pct(atLeast(c.segments, 2), c.segments.total),
  };
}

function add(into: Counts, from: Counts): void {
  for (const k of ['segments', 'words', 'chars'] as const) {
    for (const s of [...STATES, 'total'] as const) into[k][s] += from[k][s];
  }
}

/** Source words and characters per segment, counted once per article for every language. */
export interface Sizes {
  words: number[];
  chars: number[];
}

export function segmentSizes(doc: Doc): Sizes {
  return { words: doc.segments.map((s) => countWords(s.source, doc.meta.lang)), chars: doc.segments.map((s) => countChars(s.source)) };
}

export function articleCounts(doc: Doc, data: LocaleData, sizes: Sizes = segmentSizes(doc)): Counts {
  const c = emptyCounts();
  for (const [i, seg] of doc.segments.entries()) {
    if (!seg.translate) continue;
    const state: State = data.units[seg.id]?.state ?? 'new';
    const w = sizes.words[i]!;
    const ch = sizes.chars[i]!;
    c.segments[state]++;
    c.segments.total++;
    c.words[state] += w;
    c.words.total += w;
    c.chars[state] += ch;
    c.chars.total += ch;
  }
  return c;
}

/** One article's row and the segments it still needs, in every language asked for. */
export interface ArticleStatus {
  row: StatusRow;
  remaining: NonNullable<StatusReport['remaining']>;
}

export function articleStatus(doc: Doc, langs: readonly Lang[], locale: (lang: Lang) => LocaleData): ArticleStatus {
  const row: StatusRow = { article: doc.meta.slug, headline: doc.meta.headline, languages: {} };
  const remaining: ArticleStatus['remaining'] = [];
  const sizes = segmentSizes(doc);
  for (const lang of langs) {
    // Issue 8: a pseudo-translation in a real language is not a translation (pseudo/publish.ts).
    const data = withoutPseudo(locale(lang), lang);
    row.languages[lang] = toCell(articleCounts(doc, data, sizes));
    for (const seg of doc.segments) {
      const state = data.units[seg.id]?.state ?? 'new';
      if (seg.translate && !isTranslated(state)) remaining.push({ article: doc.meta.slug, lang, id: seg.id, state, source: seg.source });
    }
  }
  return { row, remaining };
}

/** The report from each article's status, in the order given; totals add the rows up. */
export function combineStatus(parts: readonly ArticleStatus[], langs: readonly Lang[], options: { details?: boolean } = {}): StatusReport {
  const totals: Partial<Record<Lang, Counts>> = {};
  for (const p of parts) {
    for (const lang of langs) {
      const c = p.row.languages[lang];
      if (c) add((totals[lang] ??= emptyCounts()), c);
    }
  }
  const report: StatusReport = {
    schema: 'tessera-status/1',
    sourceLanguage: 'en',
    languages: [...langs],
    articles: parts.map((p) => p.row),
    totals: Object.fromEntries(langs.map((l) => [l, toCell(totals[l] ?? emptyCounts())])),
  };
  if (options.details) report.remaining = parts.flatMap((p) => p.remaining);
  return report;
}

export function buildStatus(
  articles: readonly { slug: string; doc: Doc }[],
  langs: readonly Lang[],
  locale: (slug: string, lang: Lang) => LocaleData,
  options: { details?: boolean } = {},
): StatusReport {
  return combineStatus(
    articles.map((a) => articleStatus(a.doc, langs, (lang) => locale(a.slug, lang))),
    langs,
    options,
  );
}
