/**
 * The names to offer when a name is not known. A newsroom's corpus has thousands of articles:
 * the hint lists them all only while they are few, else the handful nearest to what was
 * asked (by edit distance), and how many there are.
 */
import { msg } from './errors.js';
import type { Message } from './types.js';

/** Names listed in full up to this many; past it, this many nearest. */
export const NAMES_SHOWN = 12;

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The `n` names nearest to `asked`, nearest first (ties in the names' order). */
export function nearest(names: readonly string[], asked: string, n = NAMES_SHOWN): string[] {
  return names
    .map((name, i) => ({ name, i, d: editDistance(asked, name) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.name);
}

/** The hint for an unknown article: every known one while they are few, else the nearest. */
export function knownArticlesHint(known: Iterable<string>, asked: string): Message {
  const names = [...known];
  if (names.length <= NAMES_SHOWN) return msg('errors.knownArticles', { list: names });
  return msg('errors.knownArticlesNearest', { total: names.length, list: nearest(names, asked) });
}
