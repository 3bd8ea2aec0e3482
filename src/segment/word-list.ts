/**
 * A set of words with the case convention of the rule files: an entry written in lower case
 * matches in any case (`co` → `co`, `Co`, `CO`); an entry with capitals matches as written or
 * in capitals (`Gen` → `Gen`, `GEN`, but not `gen`, which in Italian is January).
 */
export class WordList {
  private readonly exact = new Set<string>();
  private readonly folded = new Set<string>();

  constructor(entries: Iterable<string>) {
    for (const e of entries) {
      if (e === e.toLowerCase()) this.folded.add(e);
      else {
        this.exact.add(e);
        this.exact.add(e.toUpperCase());
      }
    }
  }

  has(word: string): boolean {
    return this.exact.has(word) || this.folded.has(word.toLowerCase());
  }
}
