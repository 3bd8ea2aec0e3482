/** quotes-balanced: quotation marks open and close in the translation as in the source. */
import type { Check, Problem } from './types.js';
import { readQuotes } from './quote-marks.js';

export const quotesBalanced: Check = {
  id: 'quotes-balanced',
  severity: 'error',
  title: 'quotation marks balanced',
  explanation:
    'Every quotation opened in the translation is closed, with the matching mark (« with », “ with ”, " with "), and nothing is closed that was ' +
    'not opened — unless the source does the same, as a sentence inside a quotation that spans several sentences does. A missing « or » ' +
    'leaves the edition with a quotation running to the end of the paragraph or a stray mark. Whatever the marks, only their balance is ' +
    'compared with the source, so “…” translated as «…» is fine here (quotes-style looks at the choice of marks). The single marks ‘ ’ ' +
    'are not counted, since ’ is also the apostrophe.',
  run(source, target) {
    const s = readQuotes(source);
    const t = readQuotes(target);
    const problems: Problem[] = [];
    if (t.unclosed.length > s.unclosed.length) {
      const m = t.unclosed[s.unclosed.length]!;
      problems.push({
        found: m.char,
        message: `expected every quotation to be closed, as in the source; found an opening ${m.char} at character ${m.at + 1} that is never closed`,
      });
    } else if (t.unclosed.length < s.unclosed.length) {
      const m = s.unclosed[t.unclosed.length]!;
      problems.push({ expected: m.char, message: `expected an opening quotation mark like the source's ${m.char} (the quotation continues in the next sentence); found none` });
    }
    if (t.unopened.length > s.unopened.length) {
      const m = t.unopened[s.unopened.length]!;
      problems.push({ found: m.char, message: `expected every closing quotation mark to close an opening one, as in the source; found a closing ${m.char} at character ${m.at + 1} with no opening mark before it` });
    } else if (t.unopened.length < s.unopened.length) {
      const m = s.unopened[t.unopened.length]!;
      problems.push({ expected: m.char, message: `expected a closing quotation mark like the source's ${m.char} (the quotation began in an earlier sentence); found none` });
    }
    for (const [open, close] of t.mismatched) {
      problems.push({ found: `${open.char}…${close.char}`, message: `expected a quotation opened with ${open.char} to close with its own mark; found ${open.char}…${close.char}` });
    }
    return problems;
  },
};
