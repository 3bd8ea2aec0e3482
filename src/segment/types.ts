/** The shapes of segmentation rule data (`rules/*.json`) and of a resolved rule set. */

/**
 * One SRX 2.0-style rule. At a position where `before` matches the text ending there and
 * `after` matches the text starting there, the rule decides: break (`true`) or not.
 * Rules are tried in order and the first that matches wins, as in SRX.
 * Patterns are JavaScript RegExp sources compiled with the `u` flag; `''` matches anywhere.
 * Keep look-behinds bounded (no `.*`): a rule is tested at every candidate boundary.
 */
export interface RegexRule {
  /** Stable name, shown in SRX comments and in test failures. */
  id: string;
  break: boolean;
  before: string;
  after: string;
  /** Why the rule exists. */
  note?: string;
}

/**
 * Words that end in a full stop without (necessarily) ending a sentence. Entries are written
 * without the final period; an entry in lower case matches any case (`co` → `co.`, `Co.`,
 * `CO.`), an entry with capitals matches as written or in capitals (`Gen` → `Gen.`, `GEN.`).
 */
export interface Abbreviations {
  /** Titles and other words that always lead into what follows: never end a sentence. */
  prefix: string[];
  /** Words that lead into a number (`No. 5`, `p. 55`, `Nov. 13`): no break before a digit. */
  numeric: string[];
  /** Words that may end a sentence (`Inc.`, `a.m.`): break only before a sentence starter. */
  ambiguous: string[];
}

/** A file in `rules/`: one language's rules, extending another file's (usually `base`). */
export interface RuleFile {
  name: string;
  /** Name of the rule file this one extends; its rules come after this file's. */
  extends?: string;
  description?: string;
  rules: RegexRule[];
  abbreviations?: Partial<Abbreviations>;
  /** Capitalised words that typically open a sentence (`The`, `However`, `Il`, `Le`). */
  sentenceStarters?: string[];
  /** Speech verbs of an attribution after a closing quote (`said`, `ha detto`, `قال`). */
  speechVerbs?: string[];
}

/** A language's rules with the cascade applied: its own first, then those it extends. */
export interface RuleSet {
  name: string;
  /** Names of the rule files merged, most specific first (`['en', 'base']`). */
  cascade: string[];
  rules: RegexRule[];
  abbreviations: Abbreviations;
  sentenceStarters: string[];
  speechVerbs: string[];
  /**
   * Whether Tessera's contextual rules (abbreviation lists, quotations, links, lists) decide
   * where no regex rule matches. `false` gives plain SRX semantics: break only where a break
   * rule matches and no earlier rule forbids it. Default `true`.
   */
  contextual?: boolean;
}
