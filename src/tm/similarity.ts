/**
 * How alike two sentences are: a percentage, from a word-level edit distance.
 *
 * A sentence is cut into tokens: words (runs of letters, marks and digits), single punctuation
 * marks, and each inline code as one token standing for its own text (a link's address, a
 * hashtag — formats/inline.ts); white space only separates tokens. The distance is Levenshtein's
 * over the two token sequences (insert, delete or replace one token: cost 1), and
 *
 *     similarity = floor(100 × (1 − distance / max(tokens of a, tokens of b)))
 *
 * so 75 means at most one token in four differs. 100 is kept for sentences that are the same
 * once white space is normalised (an exact match); two sentences whose tokens agree but whose
 * spacing differs ("a , b" and "a, b") score 99.
 *
 * Why words and not characters: it is how translators count a change (OmegaT's fuzzy score is
 * word-based too), a long name replaced costs what a short one does, and a sentence is ~25
 * tokens instead of ~150 characters, which makes both the distance and the index
 * (tm/lookup.ts) fast. Case counts: "The" and "the" are different tokens.
 */
import { encodeInline } from '../formats/inline.js';
import { normalise } from './memory.js';

/** Default lowest similarity offered as a fuzzy match. */
export const FUZZY_MIN = 75;

const WORD = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Nothing encodeInline could turn into a code: no Markdown markup, no @, #, URL. */
const PLAIN = /^[^*_`[\]<>!\\\n@#]*$/;
const LINKISH = /https?:\/\/|www\.|pic\.twitter\.com/;

/** The sentence's tokens (see above). A code is "\uE000" + its text, so it never equals a word. */
export function tokens(markdown: string): string[] {
  return normalisedTokens(normalise(markdown));
}

/** tokens() of a text already normalised (tm/memory.ts normalise). */
export function normalisedTokens(text: string): string[] {
  if (PLAIN.test(text) && !LINKISH.test(text)) return text.match(WORD) ?? [];
  const out: string[] = [];
  for (const p of encodeInline(text)) {
    if (typeof p === 'string') {
      for (const m of p.matchAll(WORD)) out.push(m[0]);
    } else out.push(`\uE000${p.data}`);
  }
  return out;
}

let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * Levenshtein distance between two sequences (of token ids or strings). With `max`, only the
 * diagonal band |i − j| ≤ max is computed and max + 1 comes back as soon as the distance must
 * exceed it (Ukkonen's cut-off): O(n · max) instead of O(n · m).
 */
export function distance<T>(a: ArrayLike<T>, b: ArrayLike<T>, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const k = Math.min(max, Math.max(n, m));
  if (rowA.length < m + 1) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  const BIG = 0x3fffffff;
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : BIG;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[lo - 1] = lo - 1 === 0 ? i : BIG;
    let best = cur[lo - 1]!;
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < m) cur[hi + 1] = BIG;
    if (best > k) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m]!;
  return d > k ? max + 1 : d;
}

/** The percentage for a distance between sequences of n and m tokens. */
export function scoreOf(d: number, n: number, m: number): number {
  const longest = Math.max(n, m);
  if (longest === 0) return 100;
  return Math.max(0, Math.floor((100 * (longest - d)) / longest));
}

/** Similarity of two sentences, 0–100 (see above). */
export function similarity(a: string, b: string): number {
  if (normalise(a) === normalise(b)) return 100;
  const ta = tokens(a);
  const tb = tokens(b);
  return Math.min(99, scoreOf(distance(ta, tb), ta.length, tb.length));
}
