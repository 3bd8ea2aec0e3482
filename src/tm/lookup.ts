/**
 * Looking a sentence up in a memory: exact matches (the same sentence once white space is
 * normalised) and fuzzy matches (similarity ≥ a threshold, tm/similarity.ts), best first.
 *
 * A lookup never computes the edit distance to every entry. Three exact filters, all consequences
 * of "distance d ≤ (1 − t) · max(n, m)" for a query of n tokens, an entry of m and a threshold t:
 *
 *  1. length: |n − m| ≤ d, so t · max(n, m) ≤ min(n, m);
 *  2. shared tokens: an alignment with d edits leaves at least max(n, m) − d tokens matched, so the
 *     two token multisets share at least ⌈t · max(n, m)⌉ ≥ ⌈t · n⌉ tokens (multisets are made
 *     sets by numbering repeats: "the#1", "the#2");
 *  3. prefix: a candidate sharing ⌈t · n⌉ of the query's n tokens shares at least one of ANY
 *     n − ⌈t · n⌉ + 1 of them — so only the posting lists of the query's rarest tokens are read
 *     (the inverted index maps each numbered token to the entries that hold it). Common words,
 *     whose lists are long, are never scanned.
 *
 * Candidates from the prefix lists go through the length and shared-token checks (a merge of two
 * sorted id lists), and only the survivors get the banded edit distance. The result is exactly
 * what comparing the query with every entry would give (tests/tm/lookup.test.ts checks that
 * against a brute-force scan), at a fraction of the cost (tm/bench.ts).
 */
import { tmStateRank, normalise, compareStrings, type TmEntry } from './memory.js';
import { distance, FUZZY_MIN, normalisedTokens, scoreOf } from './similarity.js';

export interface TmMatch {
  entry: TmEntry;
  /** 0–100; 100 only for an exact match. */
  score: number;
  exact: boolean;
}

export interface LookupOptions {
  /** Lowest similarity offered, 1–100 (default 75). */
  min?: number;
  /** At most this many matches (default: all). */
  limit?: number;
}

/** Best first: score, then the better state, then more articles, then source and target (stable). */
export function compareMatches(a: TmMatch, b: TmMatch): number {
  return (
    b.score - a.score ||
    tmStateRank(b.entry.state) - tmStateRank(a.entry.state) ||
    b.entry.articles.length - a.entry.articles.length ||
    compareStrings(a.entry.source, b.entry.source) ||
    compareStrings(a.entry.target, b.entry.target)
  );
}

export interface LookupStats {
  /** Entries whose posting lists were read (prefix filter). */
  candidates: number;
  /** Entries that passed the length and shared-token filters and got an edit distance. */
  verified: number;
}

/** A growable Int32Array (the index holds millions of ids: no per-entry arrays). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class TmIndex {
  readonly entries: readonly TmEntry[];
  private readonly exact = new Map<string, number[]>();
  /** Token text → id (for the sequences compared by edit distance). */
  private readonly vocab = new Map<string, number>();
  /** occurrences[id][k − 1]: the id of the k-th occurrence of token id in a sentence ("the#2"). */
  private readonly occurrences: number[][] = [];
  private numberedCount = 0;
  /** Occurrences per token id while numbering one sentence (reset after each). */
  private counts = new Int32Array(1024);
  /** Inverted index, compressed: the entries holding numbered token t are postings[start[t] … start[t + 1]). */
  private readonly postings: Int32Array;
  private readonly start: Int32Array;
  /** Per entry: offset into `seqs` / `sets`, and token count. */
  private readonly offsets: Int32Array;
  private readonly lengths: Int32Array;
  /** Token ids in order (edit distance). */
  private readonly seqs: Int32Array;
  /** Numbered token ids, sorted (shared-token count). */
  private readonly sets: Int32Array;
  private readonly stamp: Uint32Array;
  private epoch = 0;
  readonly stats: LookupStats = { candidates: 0, verified: 0 };

  constructor(entries: readonly TmEntry[]) {
    this.entries = entries;
    const n = entries.length;
    this.offsets = new Int32Array(n + 1);
    this.lengths = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    const seqs = new IntList();
    const sets = new IntList();
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      const key = normalise(e.source);
      const same = this.exact.get(key);
      if (same) same.push(i);
      else this.exact.set(key, [i]);
      const ids = this.ids(normalisedTokens(key), true);
      this.offsets[i] = seqs.length;
      this.lengths[i] = ids.seq.length;
      for (const t of ids.seq) seqs.push(t);
      for (const t of ids.set.sort((x, y) => x - y)) sets.push(t);
    }
    this.offsets[n] = seqs.length;
    this.seqs = seqs.done();
    this.sets = sets.done();
    // Postings in entry order: count, prefix sums, fill.
    this.start = new Int32Array(this.numberedCount + 1);
    for (const t of this.sets) this.start[t + 1]!++;
    for (let t = 0; t < this.numberedCount; t++) this.start[t + 1]! += this.start[t]!;
    const fill = this.start.slice(0, this.numberedCount);
    this.postings = new Int32Array(this.sets.length);
    for (let i = 0; i < n; i++) {
      for (let j = this.offsets[i]!; j < this.offsets[i + 1]!; j++) this.postings[fill[this.sets[j]!]!++] = i;
    }
  }

  private df(t: number): number {
    return this.start[t + 1]! - this.start[t]!;
  }

  /** Token ids of a sentence; unknown tokens get -1 (they can match nothing) unless `add`. */
  private ids(toks: readonly string[], add: boolean): { seq: number[]; set: number[] } {
    const seq: number[] = [];
    const set: number[] = [];
    for (const tok of toks) {
      let id = this.vocab.get(tok);
      if (id === undefined && add) {
        this.vocab.set(tok, (id = this.vocab.size));
        this.occurrences.push([]);
      }
      if (id === undefined) {
        seq.push(-1);
        set.push(-1);
        continue;
      }
      seq.push(id);
      if (id >= this.counts.length) {
        const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
        grown.set(this.counts);
        this.counts = grown;
      }
      const k = this.counts[id]!++;
      const occ = this.occurrences[id]!;
      if (k >= occ.length && add) occ.push(this.numberedCount++);
      set.push(occ[k] ?? -1);
    }
    for (const id of seq) if (id >= 0) this.counts[id] = 0;
    return { seq, set };
  }

  /** Matches for a sentence, best first (see compareMatches). */
  lookup(source: string, options: LookupOptions = {}): TmMatch[] {
    // At least 1: a match must share a token with the query (the index finds nothing else).
    const min = Math.min(100, Math.max(1, Math.ceil(options.min ?? FUZZY_MIN)));
    const out: TmMatch[] = [];
    const key = normalise(source);
    const exact = new Set(this.exact.get(key) ?? []);
    for (const i of exact) out.push({ entry: this.entries[i]!, score: 100, exact: true });
    const toks = normalisedTokens(key);
    const n = toks.length;
    if (n > 0 && min <= 100) {
      const q = this.ids(toks, false);
      // Unknown tokens distinguish the query from every entry: their slots are still tokens of
      // the query (they count in n) but share nothing.
      const known = q.set.filter((t) => t >= 0);
      const need = Math.ceil((min * n) / 100);
      const prefix = n - need + 1;
      const unknown = n - known.length;
      const rare = known.sort((x, y) => this.df(x) - this.df(y) || x - y).slice(0, Math.max(0, prefix - unknown));
      const sortedQuery = Int32Array.from(known).sort();
      const lo = need;
      const hi = Math.floor((100 * n) / min);
      const epoch = ++this.epoch === 0xffffffff ? this.reset() : this.epoch;
      for (const i of exact) this.stamp[i] = epoch;
      const qseq = Int32Array.from(q.seq);
      for (const t of rare) {
        for (let p = this.start[t]!; p < this.start[t + 1]!; p++) {
          const i = this.postings[p]!;
          if (this.stamp[i] === epoch) continue;
          this.stamp[i] = epoch;
          const m = this.lengths[i]!;
          if (m < lo || m > hi) continue;
          this.stats.candidates++;
          const longest = Math.max(n, m);
          // Shared tokens needed: ⌈t · max(n, m)⌉.
          if (this.shared(sortedQuery, i) * 100 < min * longest) continue;
          const maxD = Math.floor((longest * (100 - min)) / 100);
          this.stats.verified++;
          const d = distance(qseq, this.seqs.subarray(this.offsets[i]!, this.offsets[i]! + m), maxD);
          if (d > maxD) continue;
          const score = Math.min(99, scoreOf(d, n, m));
          if (score >= min) out.push({ entry: this.entries[i]!, score, exact: false });
        }
      }
    }
    out.sort(compareMatches);
    return options.limit !== undefined ? out.slice(0, options.limit) : out;
  }

  private reset(): number {
    this.stamp.fill(0);
    this.epoch = 1;
    return 1;
  }

  /** Size of the intersection of the sorted query set and entry i's sorted set. */
  private shared(query: Int32Array, i: number): number {
    const set = this.sets;
    let a = 0;
    let b = this.offsets[i]!;
    const end = b + this.lengths[i]!;
    let c = 0;
    while (a < query.length && b < end) {
      const x = query[a]!;
      const y = set[b]!;
      if (x === y) {
        c++;
        a++;
        b++;
      } else if (x < y) a++;
      else b++;
    }
    return c;
  }
}
