/** quotes-style: the translation uses its language's quotation marks. */
import type { Lang, Message } from '../core/types.js';
import { about, msg, problem } from './problem.js';
import type { Check, Problem } from './types.js';
import { readQuotes } from './quote-marks.js';

/** Marks a language writes at the outer level and inside a quotation. */
const STYLE: Record<Lang, { outer: string; inner: string; name: Message }> = {
  en: { outer: '“”', inner: '“”', name: msg('checks.quotes-style.style.en') },
  it: { outer: '«»“”', inner: '«»“”', name: msg('checks.quotes-style.style.it') },
  fr: { outer: '«»', inner: '«»“”‹›', name: msg('checks.quotes-style.style.fr') },
  ar: { outer: '«»“”', inner: '«»“”', name: msg('checks.quotes-style.style.ar') },
};

export const quotesStyle: Check = {
  id: 'quotes-style',
  severity: 'warning',
  ...about(msg('checks.quotes-style.title'), msg('checks.quotes-style.explanation')),
  run(_source, target, ctx) {
    const style = STYLE[ctx.tgtLang];
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const m of readQuotes(target).marks) {
      const allowed = (m.depth === 0 ? style.outer : style.inner).includes(m.char);
      if (allowed || seen.has(m.char)) continue;
      seen.add(m.char);
      const params = { style: style.name, mark: m.char };
      problems.push(problem(m.depth > 0 ? msg('checks.quotes-style.foundInside', params) : msg('checks.quotes-style.found', params), { expected: style.outer.slice(0, 2), found: m.char }));
    }
    return problems;
  },
};
