/**
 * bidi-controls: bidirectional control characters in a translation — stray, unbalanced, or
 * of the legacy kinds that reorder text.
 */
import type { Check, Problem } from './types.js';

const NAME: Record<string, string> = {
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u061c': 'ALM',
};
const hex = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const label = (c: string): string => `${NAME[c]} (${hex(c)})`;

export const bidiControls: Check = {
  id: 'bidi-controls',
  severity: 'warning',
  title: 'no bidi control characters',
  explanation:
    'The build isolates every Latin run of an Arabic edition itself (FSI … PDI in text and Markdown, <bdi> in HTML; see formats/bidi.ts), ' +
    'so a translation needs no bidirectional control characters, and the ones a translator\'s tool leaves behind are invisible and hard to ' +
    'edit. Reported: an isolate (FSI, LRI, RLI) without its PDI or a PDI without an isolate — the missing half makes the rest of the ' +
    'paragraph isolated or ends an isolate the build opened —; an embedding or override (LRE, RLE, LRO, RLO, PDF), deprecated since Unicode 6.3 ' +
    'and, for overrides, able to show text in an order other than the one stored; and directional marks (LRM, RLM, ALM), which the build\'s ' +
    'isolation makes unnecessary. Balanced isolates are reported too, once, as unnecessary. A warning: none of these changes the words.',
  run(_source, target) {
    const problems: Problem[] = [];
    const stack: string[] = [];
    let strayPdi = 0;
    let balanced = 0;
    const embedding = new Map<string, number>();
    const marks = new Map<string, number>();
    for (const c of target) {
      const n = NAME[c];
      if (!n) continue;
      if (n === 'LRI' || n === 'RLI' || n === 'FSI') stack.push(c);
      else if (n === 'PDI') {
        if (stack.pop() === undefined) strayPdi++;
        else balanced++;
      } else if (n === 'LRM' || n === 'RLM' || n === 'ALM') marks.set(c, (marks.get(c) ?? 0) + 1);
      else embedding.set(c, (embedding.get(c) ?? 0) + 1);
    }
    for (const c of stack) problems.push({ expected: 'PDI (U+2069)', found: label(c), message: `expected every isolate to end with PDI (U+2069); found ${label(c)} never closed` });
    if (strayPdi) problems.push({ found: label('\u2069'), message: `expected a PDI only after an isolate initiator; found ${strayPdi} PDI (U+2069) with no LRI, RLI or FSI before it` });
    for (const [c, count] of embedding) {
      problems.push({ expected: 'no embedding or override', found: label(c), message: `expected no bidi embeddings or overrides (deprecated; the build isolates Latin runs itself); found ${count} × ${label(c)}` });
    }
    for (const [c, count] of marks) {
      problems.push({ expected: 'no directional marks', found: label(c), message: `expected no directional marks (the build isolates Latin runs itself); found ${count} × ${label(c)}` });
    }
    if (balanced) problems.push({ expected: 'no isolates', found: `${balanced} isolate(s)`, message: `expected no bidi isolates (the build adds them itself); found ${balanced} balanced isolate(s) typed in the translation` });
    return problems;
  },
};
