/**
 * Resolves rule files into rule sets: a language's file extends another (usually `base`),
 * like SRX cascading — the language's regex rules are tried before the ones it extends, and
 * its word lists add to theirs.
 */
import type { Abbreviations, RuleFile, RuleSet } from './types.js';
import base from './rules/base.json' with { type: 'json' };
import en from './rules/en.json' with { type: 'json' };
import it from './rules/it.json' with { type: 'json' };
import fr from './rules/fr.json' with { type: 'json' };
import ar from './rules/ar.json' with { type: 'json' };

/** The rule files shipped with Tessera, by name. */
export const RULE_FILES: Readonly<Record<string, RuleFile>> = { base, en, it, fr, ar };

/**
 * Merges `file` with the files it extends (looked up in `files`), most specific first.
 * Throws when an `extends` names a missing file or the chain loops.
 */
export function resolveRuleSet(file: RuleFile, files: Readonly<Record<string, RuleFile>> = RULE_FILES): RuleSet {
  const chain: RuleFile[] = [];
  for (let f: RuleFile | undefined = file; f; ) {
    if (chain.some((c) => c.name === f!.name)) {
      throw new Error(`rule file "${file.name}": "extends" loops back to "${f.name}" (chain: ${chain.map((c) => c.name).join(' → ')})`);
    }
    chain.push(f);
    if (f.extends === undefined) break;
    const next: RuleFile | undefined = files[f.extends];
    if (!next) throw new Error(`rule file "${f.name}" extends "${f.extends}", which is not one of: ${Object.keys(files).join(', ')}`);
    f = next;
  }
  const list = (pick: (f: RuleFile) => string[] | undefined): string[] => [...new Set(chain.flatMap((f) => pick(f) ?? []))];
  const abbreviations: Abbreviations = {
    prefix: list((f) => f.abbreviations?.prefix),
    numeric: list((f) => f.abbreviations?.numeric),
    ambiguous: list((f) => f.abbreviations?.ambiguous),
  };
  return {
    name: file.name,
    cascade: chain.map((f) => f.name),
    rules: chain.flatMap((f) => f.rules),
    abbreviations,
    sentenceStarters: list((f) => f.sentenceStarters),
    speechVerbs: list((f) => f.speechVerbs),
  };
}
