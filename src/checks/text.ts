/**
 * Text helpers shared by the checks. Pure.
 *
 * `scanVerbatim` finds what a translation must carry over unchanged — Markdown code spans and
 * link destinations, URLs, e-mail addresses, @handles and #hashtags — and `masked` blanks them
 * out (same length, so offsets still hold) for the checks that look at the words and numbers
 * around them.
 */
import { stripBidiControls } from '../formats/bidi.js';

export interface Found {
  text: string;
  start: number;
  end: number;
}

export interface Verbatim {
  /** Markdown code spans, backticks included. */
  code: Found[];
  /** Markdown link destinations `](…)` (the URL inside the parentheses) and autolinks `<…>`. */
  links: Found[];
  urls: Found[];
  emails: Found[];
  handles: Found[];
  hashtags: Found[];
  /** The text with all of the above replaced by spaces. */
  masked: string;
}

/** Bidi control characters: embeddings, overrides, isolates, marks (UAX #9). */
export const BIDI_CONTROL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export { stripBidiControls };

const CODE = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
const LINK_DEST = /\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\)/g;
const AUTOLINK = /<((?:[a-z][a-z0-9+.-]{1,31}:|mailto:)[^<>\s]*)>/gi;
// URLs stop at white space, at non-ASCII characters (Arabic text may follow with no space), at
// quotes and brackets; trailing sentence punctuation is not part of them.
// RFC 3986's characters; a URL may not end with sentence punctuation or a closing bracket.
const URL_CHARS = String.raw`[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]`;
const URL_END = String.raw`[A-Za-z0-9\-_~/#=&%+@*$]`;
const URLS = [
  new RegExp(String.raw`\b[a-z][a-z0-9+.-]*:\/\/${URL_CHARS}*${URL_END}`, 'gi'),
  new RegExp(String.raw`\bwww\.${URL_CHARS}*${URL_END}`, 'gi'),
  // A bare domain with a path: pic.twitter.com/g5bbaN5LzK, bit.ly/abc.
  new RegExp(String.raw`\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/${URL_CHARS}*${URL_END}`, 'gi'),
];
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;
const HANDLE = /(?<![\p{L}\p{N}_@.])@[A-Za-z0-9_]{1,50}(?![A-Za-z0-9_@])/gu;
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/])#[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu;

function blank(text: string, spans: readonly Found[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = ' ';
  return chars.join('');
}

function findAll(text: string, re: RegExp, group = 0): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(re)) {
    const t = m[group] ?? m[0];
    const start = m.index + (group ? m[0].indexOf(t) : 0);
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}

export function scanVerbatim(text: string): Verbatim {
  const code = findAll(text, CODE);
  let rest = blank(text, code);
  const links = [...findAll(rest, LINK_DEST, 1), ...findAll(rest, AUTOLINK, 1)].sort((a, b) => a.start - b.start);
  rest = blank(rest, links);
  const urls: Found[] = [];
  for (const re of URLS) {
    const found = findAll(rest, re);
    urls.push(...found);
    rest = blank(rest, found);
  }
  urls.sort((a, b) => a.start - b.start);
  const emails = findAll(rest, EMAIL);
  rest = blank(rest, emails);
  const handles = findAll(rest, HANDLE);
  rest = blank(rest, handles);
  const hashtags = findAll(rest, HASHTAG);
  rest = blank(rest, hashtags);
  return { code, links, urls, emails, handles, hashtags, masked: rest };
}

/** Counts of each string, for multiset comparisons. */
export function tally(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Items of `a` not matched in `b` (as a multiset), in `a`'s order. */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = tally(b);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** Words: letters, marks and digits, with inner apostrophes and hyphens. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

export function words(text: string): Found[] {
  return findAll(text, WORD);
}

/** Levenshtein distance over code points, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

/** Quotes a piece of text for a message, shortened to `max` code points. */
export function q(text: string, max = 40): string {
  const chars = [...text];
  return `"${chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text}"`;
}

/** Joins a list for a message: "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** NFC, bidi controls removed, white space collapsed and trimmed: for comparisons. */
export function normalise(text: string): string {
  return stripBidiControls(text.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}

export const ARABIC_LETTER = /\p{Script=Arabic}/u;
export const LATIN_LETTER = /\p{Script=Latin}/u;
