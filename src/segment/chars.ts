/**
 * Character classes the scanner needs. Code-unit tests rather than regexes, because the
 * scanner looks at every character once and this is its hot path.
 */

/** Whitespace as JavaScript's `\s` sees it (includes NBSP and the narrow NBSP of French typography). */
function spaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Sentence-ending punctuation: . ! ? … and the Arabic question mark, plus their fused forms. */
function terminatorCode(c: number): boolean {
  return (
    c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */ ||
    c === 0x061f /* ؟ */ || c === 0x06d4 /* ۔ */ || c === 0x203c /* ‼ */ ||
    (c >= 0x2047 && c <= 0x2049) /* ⁇ ⁈ ⁉ */ || c === 0x3002 || c === 0xff01 || c === 0xff1f
  );
}

/** Terminators that end a sentence whatever word precedes them (no abbreviation ends in `?`). */
export function isStrongTerminator(c: number): boolean {
  return isTerminator(c) && c !== 46 && c !== 0x2026;
}

/** Marks that may close a quotation or parenthesis after a sentence's final punctuation. */
function closerCode(c: number): boolean {
  return (
    c === 0x201d /* ” */ || c === 34 /* " */ || c === 0x2019 /* ’ */ || c === 39 /* ' */ ||
    c === 0xbb /* » */ || c === 0x203a /* › */ || c === 41 /* ) */ || c === 93 /* ] */ ||
    c === 125 /* } */ || c === 0x300d || c === 0x300f
  );
}

/** Closers that are quotation marks (as opposed to brackets). */
export function isQuoteCloser(c: number): boolean {
  return c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 0xbb || c === 0x203a;
}

/** Marks that may open a quotation or parenthesis before a sentence's first word. */
function openerCode(c: number): boolean {
  return (
    c === 0x201c /* “ */ || c === 34 || c === 0x2018 /* ‘ */ || c === 39 || c === 0xab /* « */ ||
    c === 0x2039 /* ‹ */ || c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */ ||
    c === 0x201e /* „ */ || c === 0xbf /* ¿ */ || c === 0xa1 /* ¡ */ || c === 0x300c
  );
}

/** Punctuation that continues a sentence when it directly follows a terminator: `etc.,` `“Why?”,`. */
export function isContinuation(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 0x060c /* ، */ || c === 0x061b /* ؛ */;
}

// The scanner asks these for every character: one table lookup instead of a chain of tests.
const SPACE = 1;
const TERMINATOR = 2;
const CLOSER = 4;
const OPENER = 8;
const ASCII_WORD = 16;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  CLASS[c] =
    (spaceCode(c) ? SPACE : 0) | (terminatorCode(c) ? TERMINATOR : 0) | (closerCode(c) ? CLOSER : 0) |
    (openerCode(c) ? OPENER : 0) | ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? ASCII_WORD : 0);
}

export const isSpace = (c: number): boolean => (CLASS[c]! & SPACE) !== 0;
export const isTerminator = (c: number): boolean => (CLASS[c]! & TERMINATOR) !== 0;
export const isCloser = (c: number): boolean => (CLASS[c]! & CLOSER) !== 0;
export const isOpener = (c: number): boolean => (CLASS[c]! & OPENER) !== 0;

/** Finds the next terminator from `lastIndex` (the regex engine skips plain text fastest). */
export const TERMINATOR_SEARCH = new RegExp(
  `[${[...CLASS.keys()].filter((c) => CLASS[c]! & TERMINATOR).map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const WORD = /[\p{L}\p{M}\p{Nd}]/u;

export const isUpper = (ch: string): boolean => UPPER.test(ch);
export const isLower = (ch: string): boolean => LOWER.test(ch);
export const isDigit = (ch: string): boolean => DIGIT.test(ch);
/** A letter of a script without case (Arabic): any such letter may start a sentence. */
export const isCaseless = (ch: string): boolean => LETTER.test(ch) && !UPPER.test(ch) && !LOWER.test(ch);
/** Characters of a word, for looking back at the word before a full stop. */
/** `isWordChar` by code unit, with `.` and `-` (the word before a stop: `U.S`, `c.-à-d`). */
export function isAbbreviationCode(c: number): boolean {
  if (c < 128) return (CLASS[c]! & ASCII_WORD) !== 0 || c === 46 || c === 45;
  return isWordChar(String.fromCharCode(c));
}

export function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (CLASS[c]! & ASCII_WORD) !== 0;
  return WORD.test(ch) || ch === '°' || ch === 'º' || ch === 'ª';
}

/** The code point at `i` as a string (a lone surrogate stays as it is). */
export function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
