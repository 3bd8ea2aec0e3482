/**
 * Writes a rule set's word lists and contextual defaults as SRX regex rules, so that tools
 * that only speak SRX (OmegaT, Okapi) segment close to the way Tessera does. This is an
 * approximation: quotations, numbered lists and trailing links need context no regex has.
 */
import type { RegexRule, RuleSet } from '../types.js';

// `-` and `/` stay bare: escaping them is an error under the `u` flag.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings a list entry matches (see `WordList`): `co` → co, Co, CO; `Gen` → Gen, GEN. */
function spellings(entry: string): string[] {
  const forms = new Set([entry, entry.toUpperCase()]);
  if (entry === entry.toLowerCase()) forms.add(entry.charAt(0).toUpperCase() + entry.slice(1));
  return [...forms];
}

/** `(?<![\p{L}\p{N}.])(?:Mr|Mrs)\.`: the words, whole, each followed by its period. */
function wordsBefore(words: string[]): string {
  const alts = [...new Set(words.flatMap(spellings))].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape);
  return `(?<![\\p{L}\\p{M}\\p{N}.])(?:${alts.join('|')})\\.`;
}

/** Rules for the lists of a resolved rule set, to put before its regex rules' fallbacks. */
export function listRules(rules: RuleSet): RegexRule[] {
  const { prefix, numeric, ambiguous } = rules.abbreviations;
  const out: RegexRule[] = [];
  const id = (what: string): string => `${rules.name}-${what}`;
  if (prefix.length) {
    out.push({ id: id('prefix-abbreviations'), break: false, before: wordsBefore(prefix), after: '\\s', note: 'Titles and other abbreviations that never end a sentence.' });
  }
  if (numeric.length) {
    out.push({ id: id('numeric-abbreviations'), break: false, before: wordsBefore(numeric), after: '\\s+\\p{Nd}', note: 'Abbreviations that never end a sentence before a number.' });
  }
  const starters = rules.sentenceStarters.map((w) => escape(w.replace(/’/g, "'")).replace(/'/g, "['’]"));
  const startsSentence = starters.length ? `\\s+[“"‘«(]*(?:${starters.join('|')})(?![\\p{L}\\p{M}])` : '';
  const initialism = '(?<![\\p{L}\\p{M}\\p{N}.])(?:\\p{L}\\.|\\p{L}{1,2}(?:\\.\\p{L}{1,2})+\\.)';
  for (const [what, before, note] of [
    ['ambiguous-abbreviations', ambiguous.length ? wordsBefore(ambiguous) : '', 'Abbreviations that end a sentence only before a typical sentence starter.'],
    ['initialisms', initialism, 'Initials and dotted acronyms end a sentence only before a typical sentence starter.'],
  ] as const) {
    if (!before) continue;
    if (startsSentence) out.push({ id: id(`${what}-end`), break: true, before, after: startsSentence, note });
    out.push({ id: id(what), break: false, before, after: '\\s', note });
  }
  return out;
}

/** The contextual defaults every language shares, as the last rules of the cascade. */
export const DEFAULT_RULES: readonly RegexRule[] = [
  { id: 'spaced-ellipsis', break: false, before: '\\s\\.\\s\\.\\s\\.', after: '\\s+[^.]', note: 'A spaced three-dot ellipsis marks an omission inside a sentence.' },
  { id: 'bracketed-ellipsis', break: false, before: '[\\[(](?:\\.{3}|…)[\\])]', after: '', note: '[...] marks an omission.' },
  { id: 'lower-case-after-stop', break: false, before: '[.!?…؟]+[”"’\'»)\\]]*', after: '\\s+[“"‘«(]*\\p{Ll}', note: 'A lower-case word after a stop continues the sentence.' },
  { id: 'stop', break: true, before: '[.!?…؟۔‼⁇⁈⁉]+[”"’\'»)\\]]*', after: '\\s', note: 'Any other sentence-final punctuation before a space ends the sentence.' },
];
