/**
 * bidi-controls: bidirectional control characters in a translation — stray, unbalanced, or
 * of the legacy kinds that reorder text.
 */
import { about, msg, problem } from './problem.js';
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
  ...about(msg('checks.bidi-controls.title'), msg('checks.bidi-controls.explanation')),
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
    for (const c of stack) problems.push(problem(msg('checks.bidi-controls.unclosed', { label: label(c) }), { expected: 'PDI (U+2069)', found: label(c) }));
    if (strayPdi) problems.push(problem(msg('checks.bidi-controls.strayPdi', { n: strayPdi }), { found: label('\u2069') }));
    for (const [c, count] of embedding) {
      problems.push(problem(msg('checks.bidi-controls.embedding', { n: count, label: label(c) }), { expected: 'no embedding or override', found: label(c) }));
    }
    for (const [c, count] of marks) {
      problems.push(problem(msg('checks.bidi-controls.marks', { n: count, label: label(c) }), { expected: 'no directional marks', found: label(c) }));
    }
    if (balanced) problems.push(problem(msg('checks.bidi-controls.isolates', { n: balanced }), { expected: 'no isolates', found: `${balanced} isolate(s)` }));
    return problems;
  },
};
