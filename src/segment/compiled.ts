/** A rule set turned into the lookups the scanner uses at each candidate boundary. */
import { compileRegexRule, RuleMatcher, type CompiledRegexRule } from './regex-rules.js';
import type { RuleSet } from './types.js';
import { WordList } from './word-list.js';

export interface CompiledRuleSet {
  source: RuleSet;
  regexRules: CompiledRegexRule[];
  /** The regex rules tested together at a position. */
  matcher: RuleMatcher;
  prefix: WordList;
  numeric: WordList;
  ambiguous: WordList;
  /** Starters compared as written (`The`, `L'`); apostrophes normalised to `'`. */
  starters: Set<string>;
  /** Speech verbs split into words, lower-cased (`['ha', 'detto']`). */
  speechVerbs: string[][];
}

export function compileRuleSet(rules: RuleSet): CompiledRuleSet {
  const regexRules = rules.rules.map(compileRegexRule);
  return {
    source: rules,
    regexRules,
    matcher: new RuleMatcher(regexRules),
    prefix: new WordList(rules.abbreviations.prefix),
    numeric: new WordList(rules.abbreviations.numeric),
    ambiguous: new WordList(rules.abbreviations.ambiguous),
    starters: new Set(rules.sentenceStarters.map((s) => s.replace(/’/g, "'"))),
    speechVerbs: rules.speechVerbs.map((v) => v.toLowerCase().split(/\s+/)),
  };
}
