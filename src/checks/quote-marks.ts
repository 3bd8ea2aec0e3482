/**
 * Reading the quotation marks of a sentence: which open, which close, how they pair. Shared by
 * quotes-balanced and quotes-style. Pure.
 *
 * Double marks only: “ ” « » „ and the straight ", plus the single guillemets ‹ ›. The single
 * curly marks ‘ ’ are left out of the pairing because ’ is also the apostrophe (Italy’s, l’ONU).
 * A straight " opens at the start of the text or after a space, a bracket, a dash or another
 * opening mark, and closes elsewhere.
 */
import { scanVerbatim, stripBidiControls } from './text.js';

export interface Mark {
  char: string;
  at: number;
  /** Quotation depth before an opening mark / after a closing one (0 = outside any quotation). */
  depth: number;
  open: boolean;
}

export interface QuoteReading {
  marks: Mark[];
  /** Closing marks with nothing open before them (the sentence continues an earlier quotation). */
  unopened: Mark[];
  /** Opening marks never closed in the sentence. */
  unclosed: Mark[];
  /** Pairs whose marks do not belong together: « closed by ”. */
  mismatched: [Mark, Mark][];
}

const OPEN: Record<string, string> = { '“': '”', '«': '»', '„': '“”', '‹': '›' };
const CLOSE = new Set(['”', '»', '›']);

export function readQuotes(text: string): QuoteReading {
  const t = scanVerbatim(stripBidiControls(text)).masked;
  const marks: Mark[] = [];
  const unopened: Mark[] = [];
  const mismatched: [Mark, Mark][] = [];
  const stack: Mark[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    let open: boolean;
    if (c === '"') open = i === 0 || /[\s([{\-–—“«‹„]/u.test(t[i - 1]!);
    else if (c === '“' && stack.at(-1)?.char === '„') open = false; // German „…“ (closing “)
    else if (c in OPEN) open = true;
    else if (CLOSE.has(c)) open = false;
    else continue;
    const mark: Mark = { char: c, at: i, depth: stack.length, open };
    marks.push(mark);
    if (open) {
      stack.push(mark);
      continue;
    }
    const top = stack.pop();
    if (!top) {
      unopened.push(mark);
      continue;
    }
    mark.depth = stack.length;
    const ok = top.char === '"' ? c === '"' : (OPEN[top.char] ?? '').includes(c);
    if (!ok) mismatched.push([top, mark]);
  }
  return { marks, unopened, unclosed: stack, mismatched };
}
