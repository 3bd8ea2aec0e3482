/**
 * The article × language matrix behind `tessera status`. Pure. Counts segments, source
 * words and source characters per state; segments that need no translation (bare links) are
 * left out of every count, as Translate Toolkit's pocount leaves out translate="no" units.
 */
import { countChars, countWords } from './counts.js';
import { liveUnit, type LocaleData } from './reconcile.js';
import { STATES, isPseudoLang, isTranslated, stateRank, type Doc, type Lang, type State } from './types.js';
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

/** States at or above each rank (1 translated, 2 reviewed), computed once. */
const AT_LEAST = [0, 1, 2].map((min) => STATES.filter((s) => stateRank(s) >= min));

function atLeast(b: ByState, min: number): number {
  let n = 0;
  for (const s of AT_LEAST[min]!) n += b[s];
  return n;
}

export function toCell(c: Counts): Cell {
  return {
    segments: c.segments,
    words: c.words,
    chars: c.chars,
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
  return countStates(doc.segments, (id) => data.units[id]?.state ?? 'new', sizes);
}

/** A segment's state in one language, by id. */
export type StateOf = (id: string) => State;

function countStates(segments: readonly { id: string; translate: boolean }[], stateOf: StateOf, sizes: Sizes): Counts {
  const c = emptyCounts();
  for (const [i, seg] of segments.entries()) {
    if (!seg.translate) continue;
    const state = stateOf(seg.id);
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

/**
 * All that counting needs of an article's source: its segments' ids, sizes and whether they
 * are translated — no text, no structure. Small enough to keep for every article between runs
 * (pipeline/steps/status.ts), so that a status after an import reads only the changed
 * locale files, not the articles.
 */
export interface SourceProfile {
  headline: string;
  ids: string[];
  words: number[];
  chars: number[];
  /** Indexes of segments that need no translation (bare links). */
  skip: number[];
}

export function sourceProfile(doc: Doc): SourceProfile {
  const sizes = segmentSizes(doc);
  const skip: number[] = [];
  doc.segments.forEach((s, i) => {
    if (!s.translate) skip.push(i);
  });
  return { headline: doc.meta.headline, ids: doc.segments.map((s) => s.id), words: sizes.words, chars: sizes.chars, skip };
}

/** The segments of a profile, as counting and reconciling see them. */
export function profileSegments(p: SourceProfile): { id: string; translate: boolean }[] {
  const skip = new Set(p.skip);
  return p.ids.map((id, i) => ({ id, translate: !skip.has(i) }));
}

/**
 * An article's status from its profile; `states(lang)` gives each segment's state in a language
 * (pseudo-translations already counted as not translated). `sources` (id → source sentence) is
 * needed only for the list of remaining segments; without it that list stays empty.
 */
export function profileStatus(slug: string, p: SourceProfile, langs: readonly Lang[], states: (lang: Lang) => StateOf, sources?: Record<string, string>): ArticleStatus {
  const row: StatusRow = { article: slug, headline: p.headline, languages: {} };
  const remaining: ArticleStatus['remaining'] = [];
  const segments = profileSegments(p);
  for (const lang of langs) {
    const stateOf = states(lang);
    row.languages[lang] = toCell(countStates(segments, stateOf, p));
    if (!sources) continue;
    for (const seg of segments) {
      const state = stateOf(seg.id);
      if (seg.translate && !isTranslated(state)) remaining.push({ article: slug, lang, id: seg.id, state, source: sources[seg.id] ?? '' });
    }
  }
  return { row, remaining };
}

export function articleStatus(doc: Doc, langs: readonly Lang[], locale: (lang: Lang) => LocaleData): ArticleStatus {
  const sources: Record<string, string> = {};
  for (const s of doc.segments) sources[s.id] = s.source;
  return profileStatus(doc.meta.slug, sourceProfile(doc), langs, (lang) => {
    // Issue 8: a pseudo-translation in a real language is not a translation (pseudo/publish.ts).
    const data = withoutPseudo(locale(lang), lang);
    return (id) => data.units[id]?.state ?? 'new';
  }, sources);
}

/**
 * States straight from a language's stored files, for an article whose English resources
 * match it (nothing to reconcile: no edit to pair), without building the reconciled data —
 * the same states `reconcile` then `withoutPseudo` give (tests/scale compares the two).
 */
export function storedStates(data: LocaleData, lang: string): StateOf {
  const real = !isPseudoLang(lang);
  return (id) => {
    const u = liveUnit(data.resources[id], data.units[id]);
    return u && !(real && u.provenance === 'pseudo') ? u.state : 'new';
  };
}

/**
 * A row in a few numbers, for caches: per language the segments, words and characters in each
 * state (STATES order); totals and percentages follow from them.
 */
const KINDS = ['segments', 'words', 'chars'] as const;

export interface PackedRow {
  headline: string;
  counts: Partial<Record<Lang, number[]>>;
}

export function packRow(row: StatusRow): PackedRow {
  const counts: PackedRow['counts'] = {};
  for (const [lang, c] of Object.entries(row.languages) as [Lang, Cell][]) {
    const n: number[] = [];
    for (const k of KINDS) for (const s of STATES) n.push(c[k][s]);
    counts[lang] = n;
  }
  return { headline: row.headline, counts };
}

export function unpackRow(article: string, p: PackedRow): StatusRow {
  const row: StatusRow = { article, headline: p.headline, languages: {} };
  for (const [lang, n] of Object.entries(p.counts) as [Lang, number[]][]) {
    const c = emptyCounts();
    let i = 0;
    for (const k of KINDS) {
      for (const s of STATES) {
        c[k][s] = n[i++]!;
        c[k].total += c[k][s];
      }
    }
    row.languages[lang] = toCell(c);
  }
  return row;
}

/** True when a row has a segment below translated in some language (it has remaining work). */
export function hasWorkLeft(row: StatusRow): boolean {
  return Object.values(row.languages).some((c) => c !== undefined && c.translatedSegments < 100);
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
