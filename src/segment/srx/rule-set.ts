/** Turns an SRX document into the rule set for one language, following its map rules. */
import type { RuleSet } from '../types.js';
import type { SrxDocument } from './parse.js';

/**
 * The rules SRX applies to `lang`: the language rules of every map whose pattern matches
 * (all of them, in order, with cascading; else the first). The result has plain SRX
 * semantics (`contextual: false`). Throws when no map matches.
 */
export function srxRuleSet(doc: SrxDocument, lang: string): RuleSet {
  const names: string[] = [];
  for (const m of doc.mapRules) {
    if (!new RegExp(`^(?:${m.pattern})$`, 'iu').test(lang)) continue;
    names.push(m.languageRule);
    if (!doc.cascade) break;
  }
  if (names.length === 0) {
    throw new Error(`SRX: no <languagemap> matches language "${lang}" (patterns: ${doc.mapRules.map((m) => m.pattern).join(', ') || 'none'})`);
  }
  return {
    name: lang,
    cascade: names,
    rules: names.flatMap((n) => doc.languageRules[n]!),
    abbreviations: { prefix: [], numeric: [], ambiguous: [] },
    sentenceStarters: [],
    speechVerbs: [],
    contextual: false,
  };
}
