import type { Candidate } from '../candidate.js';
import type { CompiledRuleSet } from '../compiled.js';

/**
 * `true`: break after the candidate's punctuation and closers; `false`: no break;
 * a number: break at that index instead; `undefined`: this rule has no opinion.
 */
export type Verdict = boolean | number | undefined;

/** One named contextual rule; the scanner asks them in order and the first opinion wins. */
export interface Decision {
  id: string;
  decide(c: Candidate, rules: CompiledRuleSet): Verdict;
}
