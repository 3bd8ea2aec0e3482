/**
 * How fast a memory lookup is, on a generated memory of `entries` sentence pairs (deterministic:
 * same size, same corpus). For the benchmark (src/bench) and for tests; it reads the clock, so
 * it is the one module of tm/ that is not pure.
 *
 * The corpus: news-like sentences of 8–40 tokens drawn from a 20,000-word vocabulary with
 * Zipf's law (a few very common words, a long tail), with a fifth of the entries being edited
 * copies of earlier ones (1–4 tokens changed), as revisions of wire copy are. Queries are half
 * edited copies of entries (so fuzzy matches exist) and half fresh sentences; every lookup asks
 * for all matches of 75% and more. A brute-force scan (edit distance to every entry) runs on a
 * few queries for comparison and to check that the index finds exactly the same matches.
 */
import { rng } from '../bench/corpus.js';
import type { TmEntry } from './memory.js';
import { TmIndex } from './lookup.js';
import { distance, FUZZY_MIN, scoreOf, tokens } from './similarity.js';

export interface TmBench {
  entries: number;
  /** Building the index (tokenising every entry included). */
  buildMs: number;
  lookups: number;
  lookupsPerSec: number;
  /** Mean per lookup: entries read from posting lists, and entries that got an edit distance. */
  meanCandidates: number;
  meanVerified: number;
  /** Share of lookups that found at least one match. */
  hitRate: number;
  /** The same lookups by a scan of every entry (on a sample). */
  bruteForceLookupsPerSec: number;
  /** Did the index return exactly the brute-force matches on the sample? */
  sameAsBruteForce: boolean;
}

function syllableWord(r: () => number): string {
  const syl = ['ka', 'lo', 'mi', 'ter', 'san', 'ru', 'vel', 'di', 'pra', 'zo', 'ne', 'tas', 'qu', 'bi', 'hor', 'el', 'an', 'si', 'gu', 'mar'];
  let w = '';
  const n = 1 + Math.floor(r() * 4); // 20 + 20² + 20³ + 20⁴ possible words
  for (let i = 0; i < n; i++) w += syl[Math.floor(r() * syl.length)];
  return w;
}

/** A deterministic memory of `size` pairs and `queries` sentences to look up. */
export function tmCorpus(size: number, queries: number, seed = 2018): { entries: TmEntry[]; queries: string[] } {
  const r = rng(seed);
  const vocab: string[] = [];
  const seen = new Set<string>();
  while (vocab.length < 20_000) {
    const w = syllableWord(r);
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  // Zipf: P(rank k) ∝ 1/k, sampled through the cumulative weights.
  const cum = new Float64Array(vocab.length);
  let total = 0;
  for (let k = 0; k < vocab.length; k++) cum[k] = total += 1 / (k + 1);
  const word = (): string => {
    const x = r() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const fresh = (): string[] => {
    const n = 8 + Math.floor(r() * 33);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(word());
    ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
    return ws;
  };
  const edit = (ws: string[]): string[] => {
    const out = [...ws];
    const k = 1 + Math.floor(r() * 4);
    for (let i = 0; i < k; i++) {
      const at = Math.floor(r() * out.length);
      const op = Math.floor(r() * 3);
      if (op === 0) out[at] = word();
      else if (op === 1 && out.length > 2) out.splice(at, 1);
      else out.splice(at, 0, word());
    }
    return out;
  };
  const text = (ws: string[]): string => `${ws.join(' ')}.`;
  const made: string[][] = [];
  const entries: TmEntry[] = [];
  for (let i = 0; i < size; i++) {
    const ws = made.length > 0 && r() < 0.2 ? edit(made[Math.floor(r() * made.length)]!) : fresh();
    made.push(ws);
    entries.push({ source: text(ws), target: `[it] ${text(ws)}`, state: 'translated', articles: [`story-${String(i % 1000).padStart(5, '0')}`] });
  }
  const qs: string[] = [];
  for (let i = 0; i < queries; i++) qs.push(text(i % 2 === 0 && made.length > 0 ? edit(made[Math.floor(r() * made.length)]!) : fresh()));
  return { entries, queries: qs };
}

/** Matches by comparing the query with every entry: the reference the index must equal. */
export function bruteForce(entries: readonly TmEntry[], query: string, min = FUZZY_MIN): { source: string; score: number }[] {
  const q = tokens(query);
  const out: { source: string; score: number }[] = [];
  for (const e of entries) {
    const t = tokens(e.source);
    const s = Math.min(99, scoreOf(distance(q, t), q.length, t.length));
    if (s >= min) out.push({ source: e.source, score: s });
  }
  return out;
}

export function benchTm(entries: number, options: { queries?: number; bruteForceSample?: number } = {}): TmBench {
  const { entries: memory, queries } = tmCorpus(entries, options.queries ?? 2000);
  const t0 = performance.now();
  const index = new TmIndex(memory);
  const buildMs = performance.now() - t0;
  index.lookup(queries[0]!); // warm-up
  index.stats.candidates = 0;
  index.stats.verified = 0;
  let hits = 0;
  const t1 = performance.now();
  for (const q of queries) if (index.lookup(q).length > 0) hits++;
  const ms = performance.now() - t1;
  const sample = queries.slice(0, options.bruteForceSample ?? 10);
  let same = true;
  const t2 = performance.now();
  const brute = sample.map((q) => bruteForce(memory, q));
  const bruteMs = performance.now() - t2;
  sample.forEach((q, i) => {
    const a = index
      .lookup(q)
      .map((m) => `${m.score}\u0000${m.entry.source}`)
      .sort();
    const b = brute[i]!.map((m) => `${m.score}\u0000${m.source}`).sort();
    if (a.join('\n') !== b.join('\n')) same = false;
  });
  return {
    entries,
    buildMs: Math.round(buildMs),
    lookups: queries.length,
    lookupsPerSec: Math.round(queries.length / (ms / 1000)),
    meanCandidates: Math.round(index.stats.candidates / queries.length),
    meanVerified: Math.round(index.stats.verified / queries.length),
    hitRate: hits / queries.length,
    bruteForceLookupsPerSec: Number((sample.length / (bruteMs / 1000)).toFixed(2)),
    sameAsBruteForce: same,
  };
}
