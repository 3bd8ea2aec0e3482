/** Turns break indices into sentence spans without surrounding whitespace. */
import { isSpace } from './chars.js';

export interface Span {
  start: number;
  end: number;
}

export function toSpans(text: string, breaks: readonly number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (let k = 0; k <= breaks.length; k++) {
    const to = k < breaks.length ? breaks[k]! : text.length;
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    from = to;
  }
  return spans;
}
