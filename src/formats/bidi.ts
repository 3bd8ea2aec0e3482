/**
 * Bidirectional text in right-to-left editions. Pure.
 *
 * A run of Latin script inside Arabic text (a URL, an @handle, a #hashtag, a Latin name, a code
 * such as "pic.twitter.com/g5bbaN5LzK") is *isolated* so that the Unicode Bidirectional
 * Algorithm lays it out left to right, in one piece, and it cannot reorder the text around it:
 * FSI (U+2068) … PDI (U+2069) in text and Markdown, `<bdi>` in HTML (UAX #9, isolates; HTML's
 * `bdi` element).
 *
 * A run is maximal: Latin letters and digits, the punctuation inside them (. / @ # _ - : ? = & % + ~ '),
 * and the spaces between Latin words ("Fayez Al-Sarraj" is one run, not two that the RTL
 * paragraph would swap). Digits that stand alone (2011, 14:30, ١٣) are not isolated: the
 * algorithm already handles numbers, and they are written as the translation gives them.
 * Text already isolated (FSI/LRI/RLI … PDI) or embedded (LRE/RLE/LRO/RLO … PDF) is left as it
 * is, so isolating twice is isolating once.
 */

export const LRI = '\u2066';
export const RLI = '\u2067';
export const FSI = '\u2068';
export const PDI = '\u2069';
const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
const LRO = '\u202d';
const RLO = '\u202e';

const ISOLATE_OPEN = new Set([LRI, RLI, FSI]);
const EMBED_OPEN = new Set([LRE, RLE, LRO, RLO]);
const OPENERS = /[\u2066-\u2068\u202a\u202b\u202d\u202e]/;

export type Piece =
  /** Text to leave as it is (in HTML: escaped). */
  | { kind: 'text'; text: string }
  /** A Latin run found here, to isolate. */
  | { kind: 'run'; text: string }
  /** An isolate already in the text: `open` is LRI, RLI or FSI; `text` the inside; `closed` false when no PDI ends it. */
  | { kind: 'isolate'; open: string; text: string; closed: boolean }
  /** An embedding or override already in the text, kept verbatim. */
  | { kind: 'embedding'; text: string };

export interface IsolateOptions {
  /**
   * Leave Markdown syntax alone: code spans, autolinks and HTML tags, and link destinations
   * `](…)`, where a control character would break the link.
   */
  markdown?: boolean;
}

const W = String.raw`(?:[\p{Script=Latin}0-9]\p{M}*)`;
const INNER = String.raw`[._\-/@#:?=&%+~'’]`;
const TOKEN = String.raw`[@#]?${W}(?:${W}|${INNER}+(?=${W}))*\/?`;
const SPACE = String.raw`[ \u00A0\u202F]+`;
/** Tokens of Latin letters and digits joined by single spaces; trimmed of digit-only tokens below. */
const RUN = new RegExp(`${TOKEN}(?:${SPACE}${TOKEN})*`, 'gu');
const LATIN_LETTER = /\p{Script=Latin}/u;
const MARKDOWN = [/`[^`\n]*`/g, /<[^<>\s][^<>]*>/g, /\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/g];

/** The Latin runs of plain text (no controls in it), as pieces. */
function runsOf(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    // Drop the tokens without a Latin letter at either end: "2018 Google 2" isolates "Google".
    const tokens = [...m[0].matchAll(/\S+/gu)];
    let first = 0;
    let last = tokens.length - 1;
    while (first <= last && !LATIN_LETTER.test(tokens[first]![0])) first++;
    while (last >= first && !LATIN_LETTER.test(tokens[last]![0])) last--;
    if (first > last) continue;
    const start = m.index + tokens[first]!.index;
    const end = m.index + tokens[last]!.index + tokens[last]![0].length;
    if (start > at) out.push({ kind: 'text', text: text.slice(at, start) });
    out.push({ kind: 'run', text: text.slice(start, end) });
    at = end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Splits plain text around the Markdown syntax that must stay untouched. */
function runsOutsideMarkdown(text: string, markdown: boolean): Piece[] {
  if (!markdown) return runsOf(text);
  const spans: { start: number; end: number }[] = [];
  for (const re of MARKDOWN) for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  spans.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out.push(...runsOf(text.slice(at, s.start)), { kind: 'text', text: text.slice(s.start, s.end) });
    at = s.end;
  }
  out.push(...runsOf(text.slice(at)));
  return out;
}

/**
 * Cuts `text` into pieces: plain text, Latin runs to isolate, and the isolates and embeddings
 * the text already has (never looked into). Joining the pieces' texts (with their controls for
 * existing isolates) gives `text` back.
 */
export function latinRuns(text: string, options: IsolateOptions = {}): Piece[] {
  // Most text holds no isolate or embedding: all of it is plain (what the loop below finds).
  if (!OPENERS.test(text)) return merge(text ? runsOutsideMarkdown(text, options.markdown ?? false) : []);
  const out: Piece[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) out.push(...runsOutsideMarkdown(plain, options.markdown ?? false));
    plain = '';
  };
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (ISOLATE_OPEN.has(c) || EMBED_OPEN.has(c)) {
      flush();
      const isolate = ISOLATE_OPEN.has(c);
      // Find the matching close, counting nested openers of the same family (UAX #9, BD9).
      let depth = 1;
      let j = i + 1;
      for (; j < chars.length; j++) {
        const d = chars[j]!;
        if (isolate ? ISOLATE_OPEN.has(d) : EMBED_OPEN.has(d)) depth++;
        else if (d === (isolate ? PDI : PDF) && --depth === 0) break;
      }
      const closed = j < chars.length;
      const inner = chars.slice(i + 1, j).join('');
      if (isolate) out.push({ kind: 'isolate', open: c, text: inner, closed });
      else out.push({ kind: 'embedding', text: c + inner + (closed ? PDF : '') });
      i = j + 1;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return merge(out);
}

function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (p.kind === 'text' && last?.kind === 'text') last.text += p.text;
    else if (p.kind !== 'text' || p.text) out.push({ ...p });
  }
  return out;
}

/** Isolates the Latin runs of right-to-left text with FSI … PDI. Idempotent. */
export function isolateLatin(text: string, options: IsolateOptions = {}): string {
  return latinRuns(text, options)
    .map((p) => (p.kind === 'run' ? FSI + p.text + PDI : p.kind === 'isolate' ? p.open + p.text + (p.closed ? PDI : '') : p.text))
    .join('');
}

/**
 * The same in HTML: escapes `text` and marks each Latin run as `<bdi>`. Isolates already in
 * the text become `bdi` elements too (LRI → dir="ltr", RLI → dir="rtl", FSI → auto), so
 * `isolateLatinHtml(isolateLatin(s)) === isolateLatinHtml(s)`.
 */
export function isolateLatinHtml(text: string, escape: (s: string) => string): string {
  return latinRuns(text)
    .map((p) => {
      switch (p.kind) {
        case 'run':
          return `<bdi>${escape(p.text)}</bdi>`;
        case 'isolate':
          return `<bdi${p.open === LRI ? ' dir="ltr"' : p.open === RLI ? ' dir="rtl"' : ''}>${escape(p.text)}</bdi>`;
        default:
          return escape(p.text);
      }
    })
    .join('');
}

/**
 * Wraps a whole piece of text of known direction (a fallback sentence in the source language)
 * in LRI or RLI … PDI, unless it is already one isolate.
 */
export function isolateAs(text: string, dir: 'ltr' | 'rtl'): string {
  const pieces = latinRuns(text);
  if (pieces.length === 1 && pieces[0]!.kind === 'isolate' && pieces[0]!.closed) return text;
  return (dir === 'ltr' ? LRI : RLI) + text + PDI;
}

/** Removes every bidi control character (for comparisons and plain-text search). */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u2066-\u2069\u202a-\u202e\u200e\u200f\u061c]/g, '');
}
