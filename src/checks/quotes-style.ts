/** quotes-style: the translation uses its language's quotation marks. */
import type { Lang } from '../core/types.js';
import type { Check, Problem } from './types.js';
import { readQuotes } from './quote-marks.js';

/** Marks a language writes at the outer level and inside a quotation. */
const STYLE: Record<Lang, { outer: string; inner: string; name: string }> = {
  en: { outer: '“”', inner: '“”', name: 'English “ ” (‘ ’ inside)' },
  it: { outer: '«»“”', inner: '«»“”', name: 'Italian « » or “ ”' },
  fr: { outer: '«»', inner: '«»“”‹›', name: 'French « » (“ ” inside)' },
  ar: { outer: '«»“”', inner: '«»“”', name: 'Arabic « » or “ ”' },
};

export const quotesStyle: Check = {
  id: 'quotes-style',
  severity: 'warning',
  title: "the language's quotation marks",
  explanation:
    'The translation quotes with its own language\'s marks: French « » (with “ ” or ‹ › for a quotation inside a quotation), Italian « » or “ ”, ' +
    'Arabic « » or “ ”. Straight " marks and German „ marks are flagged in every language. French spacing inside « » is not required: the ' +
    'build adds the no-break spaces itself (formats/typography.ts). Single marks ‘ ’ are not looked at, since ’ is also the apostrophe.',
  run(_source, target, ctx) {
    const style = STYLE[ctx.tgtLang];
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const m of readQuotes(target).marks) {
      const allowed = (m.depth === 0 ? style.outer : style.inner).includes(m.char);
      if (allowed || seen.has(m.char)) continue;
      seen.add(m.char);
      problems.push({
        expected: style.outer.slice(0, 2),
        found: m.char,
        message: `expected ${style.name} quotation marks; found ${m.char}${m.depth > 0 ? ' inside a quotation' : ''}`,
      });
    }
    return problems;
  },
};
