/** Whether what follows an ambiguous abbreviation (`Inc.`, `U.S.`, `a.m.`) opens a sentence. */
import type { Candidate } from '../candidate.js';
import type { CompiledRuleSet } from '../compiled.js';

export function opensSentenceAfterAbbreviation(c: Candidate, rules: CompiledRuleSet): boolean {
  switch (c.nextKind) {
    case 'caseless':
    case 'link':
    case 'other':
      return true;
    case 'upper': {
      const w = c.nextWord;
      if (rules.starters.has(w)) return true;
      const apostrophe = w.indexOf("'");
      if (apostrophe > 0 && rules.starters.has(w.slice(0, apostrophe + 1))) return true;
      // A title (`… at 6 P.M. Mr. Smith then…`) opens a new sentence's subject.
      return c.afterNextWord === '.' && rules.prefix.has(w);
    }
    default:
      return false;
  }
}
