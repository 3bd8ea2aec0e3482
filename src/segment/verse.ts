/**
 * Quotations of verse, whose lines are separated by ` / `: the full stops inside them are
 * the poem's, and the quotation is cited whole (`"Ei fu. Siccome immobile / dato il…"`).
 */
import { isOpener, isSpace } from './chars.js';

/** `[open, close]` index pairs of quotations containing ` / `, sorted by `open`. */
const NONE: ReadonlyArray<readonly [number, number]> = [];

export function verseRanges(text: string): ReadonlyArray<readonly [number, number]> {
  if (!text.includes(' / ')) return NONE;
  const slashes: number[] = [];
  for (let i = text.indexOf(' / '); i >= 0; i = text.indexOf(' / ', i + 1)) slashes.push(i);
  const quotes: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
    if (ch === '“' || ch === '«' || ch === '„' || (ch === '"' && (isSpace(prev) || isOpener(prev) || i === 0))) stack.push(i);
    else if ((ch === '”' || ch === '»' || ch === '"') && stack.length > 0) {
      const open = stack.pop()!;
      if (stack.length === 0) quotes.push([open, i]);
    }
  }
  return quotes.filter(([open, close]) => {
    let lo = 0;
    let hi = slashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slashes[mid]! < open) lo = mid + 1;
      else hi = mid;
    }
    return lo < slashes.length && slashes[lo]! < close;
  });
}
