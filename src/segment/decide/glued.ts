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
    // What follows decides most cases, and costs least to look at.
    const first = charAt(c.text, c.next);
    const second = charAt(c.text, c.next + first.length);
    const caseless = isCaseless(first);
    if (caseless ? !isCaseless(second) : !(isUpper(first) && isLower(second))) return false;
    const w = c.word;
    if (w.length < 2 || w.length > 32 || w.includes('.') || (caseless && !isCaseless(w[0]!))) return false;
    const cls = classifyWord(w, rules);
    return !(cls.prefix || cls.numeric || cls.ambiguous);
  },
};
