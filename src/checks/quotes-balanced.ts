/** quotes-balanced: quotation marks open and close in the translation as in the source. */
import { about, msg, problem } from './problem.js';
import type { Check, Problem } from './types.js';
import { readQuotes } from './quote-marks.js';

export const quotesBalanced: Check = {
  id: 'quotes-balanced',
  severity: 'error',
  ...about(msg('checks.quotes-balanced.title'), msg('checks.quotes-balanced.explanation')),
  run(source, target) {
    const s = readQuotes(source);
    const t = readQuotes(target);
    const problems: Problem[] = [];
    if (t.unclosed.length > s.unclosed.length) {
      const m = t.unclosed[s.unclosed.length]!;
      problems.push(problem(msg('checks.quotes-balanced.unclosed', { mark: m.char, at: m.at + 1 }), { found: m.char }));
    } else if (t.unclosed.length < s.unclosed.length) {
      const m = s.unclosed[t.unclosed.length]!;
      problems.push(problem(msg('checks.quotes-balanced.noOpening', { mark: m.char }), { expected: m.char }));
    }
    if (t.unopened.length > s.unopened.length) {
      const m = t.unopened[s.unopened.length]!;
      problems.push(problem(msg('checks.quotes-balanced.unopened', { mark: m.char, at: m.at + 1 }), { found: m.char }));
    } else if (t.unopened.length < s.unopened.length) {
      const m = s.unopened[t.unopened.length]!;
      problems.push(problem(msg('checks.quotes-balanced.noClosing', { mark: m.char }), { expected: m.char }));
    }
    for (const [open, close] of t.mismatched) {
      problems.push(problem(msg('checks.quotes-balanced.mismatched', { open: open.char, close: close.char }), { found: `${open.char}…${close.char}` }));
    }
    return problems;
  },
};
