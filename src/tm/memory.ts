/**
 * The translation memory of one language pair (en → it, fr or ar): every (source, target)
 * sentence pair the project has known, once each. Pure data.
 *
 * An entry's `state` says how far the pair got: `translated`, `reviewed` or `final` when it was
 * a live translation; `stale` when it was kept only as a suggestion because its source sentence
 * was edited; `retired` when its sentence left the article. Both of the last two are still
 * correct translations of their own source, so they feed fuzzy (and exact) matches too.
 * Texts are Markdown inline text, as in locales/ (inline codes are Markdown: see formats/inline.ts).
 */
import { normaliseForId } from '../core/ids.js';

/** Ordered by preference: a better state wins when two entries offer the same match. */
export const TM_STATES = ['retired', 'stale', 'translated', 'reviewed', 'final'] as const;
export type TmState = (typeof TM_STATES)[number];

export function isTmState(value: unknown): value is TmState {
  return typeof value === 'string' && (TM_STATES as readonly string[]).includes(value);
}

export function tmStateRank(state: TmState): number {
  return TM_STATES.indexOf(state);
}

export interface TmEntry {
  /** English sentence (Markdown inline text). */
  source: string;
  /** Its translation (Markdown inline text). */
  target: string;
  /** The best state the pair reached (see above). */
  state: TmState;
  /** Slugs of the articles the pair came from, sorted; empty for pairs only known from a TMX file. */
  articles: string[];
}

/** Whitespace-normalised (NFC, runs of white space as one space, trimmed): what "the same sentence" means. */
export function normalise(text: string): string {
  return normaliseForId(text);
}

/** Identity of an entry: its normalised source and target. */
export function entryKey(e: { source: string; target: string }): string {
  return `${normalise(e.source)}\u0000${normalise(e.target)}`;
}

/** Code-unit order (locale-independent, so every machine sorts alike). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: TmEntry, b: TmEntry): number {
  return compareStrings(a.source, b.source) || compareStrings(a.target, b.target);
}

/**
 * Merges entry lists into one memory: one entry per normalised (source, target), with the union
 * of their articles and the best of their states; sorted by source, then target. When two
 * spellings differ only in white space, the first in sort order is kept (so the result does not
 * depend on the order of the inputs).
 */
export function mergeEntries(...lists: readonly (readonly TmEntry[])[]): TmEntry[] {
  const byKey = new Map<string, TmEntry>();
  for (const list of lists) {
    for (const e of list) {
      if (normalise(e.source) === '' || normalise(e.target) === '') continue;
      const key = entryKey(e);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { source: e.source, target: e.target, state: e.state, articles: [...new Set(e.articles)].sort(compareStrings) });
        continue;
      }
      const spelling = compareEntries(e, seen) < 0 ? e : seen;
      byKey.set(key, {
        source: spelling.source,
        target: spelling.target,
        state: tmStateRank(e.state) > tmStateRank(seen.state) ? e.state : seen.state,
        articles: [...new Set([...seen.articles, ...e.articles])].sort(compareStrings),
      });
    }
  }
  return [...byKey.values()].sort(compareEntries);
}

/** How many of `incoming` a memory does not hold yet, by key. */
export function countNew(memory: readonly TmEntry[], incoming: readonly TmEntry[]): number {
  const keys = new Set(memory.map(entryKey));
  const fresh = new Set<string>();
  for (const e of incoming) if (normalise(e.source) !== '' && normalise(e.target) !== '' && !keys.has(entryKey(e))) fresh.add(entryKey(e));
  return fresh.size;
}
