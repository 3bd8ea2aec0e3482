/**
 * A candidate boundary: a run of sentence-final punctuation (`.`, `?!`, `. . .`, `!».`) with
 * the closing quotes or brackets after it, plus what the decision rules need to know about
 * the word before it and the word after it. Look-arounds are bounded, so a candidate costs
 * O(1) however long the text is.
 */
import { charAt, isAbbreviationCode, isCaseless, isDigit, isLower, isOpener, isSpace, isUpper, isWordChar } from './chars.js';

/** How far the rules look back for the word before a stop, and ahead for the next word. */
const LOOK = 48;

export type NextKind = 'end' | 'upper' | 'lower' | 'caseless' | 'digit' | 'link' | 'other';

const DASHES = '—–-';
const LINK_START = /(?:https?:\/\/|www\.|pic\.(?:twitter|x)\.com\/|[#@][\p{L}\p{N}_])/uy;

export class Candidate {
  /** Inside a quotation of verse (lines separated by ` / `). */
  inVerse = false;
  private wordCache: string | undefined;
  private nextWordCache: string | undefined;
  private nextWordEndCache = -1;
  private nextKindCache: NextKind | undefined;

  constructor(
    readonly text: string,
    /** Index of the first terminator. */
    readonly start: number,
    /** Index just after the first run of terminators: where closers, if any, begin (`[...]`). */
    readonly stopEnd: number,
    /** Index just after the closers: where the sentence ends if the rules break here. */
    readonly end: number,
    /** Index of the next non-space character (`text.length` at the end). */
    readonly next: number,
    /** Where the current segment began (after the last break). */
    readonly segStart: number,
    /** Number of `.` in the run, counting an ellipsis character as three. */
    readonly dots: number,
    /** The run holds `?`, `!`, `؟` or the like. */
    readonly strong: boolean,
    /** The run spans whitespace (`. . .`, French `prêts !`). */
    readonly spaced: boolean,
    /** A closing quotation mark follows the punctuation. */
    readonly quoteClosed: boolean,
  ) {}

  /** No whitespace between the punctuation (and closers) and what follows. */
  get glued(): boolean {
    return this.next === this.end && this.end < this.text.length;
  }

  /** The word the punctuation is attached to (`U.S`, `Sig.ra`, `100.00`), `''` if none. */
  get word(): string {
    if (this.wordCache === undefined) {
      const t = this.text;
      let i = this.start;
      const stop = Math.max(this.segStart, this.start - LOOK);
      while (i > stop && isAbbreviationCode(t.charCodeAt(i - 1))) i--;
      while (i < this.start && (t.charCodeAt(i) === 46 || t.charCodeAt(i) === 45)) i++;
      this.wordCache = t.slice(i, this.start);
    }
    return this.wordCache;
  }

  /** Index where the attached word starts. */
  get wordStart(): number {
    return this.start - this.word.length;
  }

  /**
   * The first character after any opening quotes or brackets, from `next`; also past a
   * spaced dash (`—`, `--`), so `who pays? — was left open` sees the lower-case `was`.
   */
  private get nextLetterIndex(): number {
    const t = this.text;
    let i = this.next;
    let d = i;
    while (d < t.length && d < i + 3 && DASHES.includes(t[d]!)) d++;
    if (d > i && isSpace(t.charCodeAt(d))) {
      i = d;
      while (i < t.length && i < d + 4 && isSpace(t.charCodeAt(i))) i++;
    }
    const from = i;
    // Opening quotes and brackets, and Markdown emphasis (`**Then**`, `_Breaking_`).
    while (i < t.length && i < from + 4 && (isOpener(t.charCodeAt(i)) || t[i] === '*' || t[i] === '_')) i++;
    return i;
  }

  get nextKind(): NextKind {
    if (this.nextKindCache === undefined) this.nextKindCache = this.computeNextKind();
    return this.nextKindCache;
  }

  private computeNextKind(): NextKind {
    if (this.next >= this.text.length) return 'end';
    LINK_START.lastIndex = this.next;
    if (LINK_START.test(this.text)) return 'link';
    const ch = charAt(this.text, this.nextLetterIndex);
    if (ch === '') return 'other';
    if (isUpper(ch)) return 'upper';
    if (isLower(ch)) return 'lower';
    if (isCaseless(ch)) return 'caseless';
    if (isDigit(ch)) return 'digit';
    return 'other';
  }

  /** The next word (letters, marks, apostrophes, hyphens), after any opening marks. */
  get nextWord(): string {
    if (this.nextWordCache === undefined) {
      const t = this.text;
      const s = this.nextLetterIndex;
      let i = s;
      while (i < t.length && i < s + LOOK && (isWordChar(t[i]!) || t[i] === "'" || t[i] === '’' || t[i] === '-')) i++;
      this.nextWordCache = t.slice(s, i).replace(/’/g, "'");
      this.nextWordEndCache = i;
    }
    return this.nextWordCache;
  }

  /** The character right after the next word (`.` after `Mr`), `''` at the end. */
  get afterNextWord(): string {
    void this.nextWord;
    return this.text[this.nextWordEndCache] ?? '';
  }

  /**
   * Up to `max` whitespace-separated words after the boundary, stripped of surrounding
   * punctuation except a final period kept on abbreviations (`Mr.`).
   */
  nextWords(max: number): string[] {
    const t = this.text;
    const words: string[] = [];
    let i = this.next;
    const limit = Math.min(t.length, this.next + max * LOOK);
    while (words.length < max && i < limit) {
      let j = i;
      while (j < limit && !isSpace(t.charCodeAt(j))) j++;
      words.push(t.slice(i, j));
      while (j < limit && isSpace(t.charCodeAt(j))) j++;
      i = j;
    }
    return words;
  }

  /** Only whitespace, bullets, dashes or opening marks lie between the segment start and the word. */
  get wordOpensSegment(): boolean {
    const t = this.text;
    const ws = this.wordStart;
    if (ws - this.segStart > LOOK) return false;
    for (let i = this.segStart; i < ws; i++) {
      const c = t.charCodeAt(i);
      if (!(isSpace(c) || isOpener(c) || '•⁃◦▪‣●-–—*'.includes(t[i]!))) return false;
    }
    return true;
  }
}
