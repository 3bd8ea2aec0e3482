import { charAt, isCaseless, isLower, isUpper } from '../chars.js';
import type { Decision } from './types.js';
import { classifyWord } from './word-class.js';

/**
 * No space after the stop: `world.Today`, `1,000.That` break; `Sig.ra`, `V.Cte`, `3.5`,
 * `1.gelato`, `Jr.'s` do not. A break needs a real word before and a capitalised word after.
 */
export const glued: Decision = {
  id: 'glued',
  decide(c, rules) {
    if (!c.glued) return undefined;
    if (c.dots > 1 && !c.strong) return false;
    const w = c.word;
    if ([...w].length < 2 || w.includes('.')) return false;
    const cls = classifyWord(w, rules);
    if (cls.prefix || cls.numeric || cls.ambiguous) return false;
    const first = charAt(c.text, c.next);
    if (isCaseless(first)) return isCaseless(w[0]!) && isCaseless(charAt(c.text, c.next + first.length));
    return isUpper(first) && isLower(charAt(c.text, c.next + first.length));
  },
};
