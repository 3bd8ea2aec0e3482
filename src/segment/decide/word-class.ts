/** What kind of abbreviation, if any, the word before a full stop is. */
import type { CompiledRuleSet } from '../compiled.js';
import { isCaseless } from '../chars.js';

export interface WordClass {
  prefix: boolean;
  numeric: boolean;
  ambiguous: boolean;
}

/** One letter, or dotted groups of one or two letters: `E`, `U.S`, `F.B.I`, `a.m`, `Ph.D`. */
const INITIALISM = /^(?:\p{L}|\p{L}{1,2}(?:\.\p{L}{1,2})+)$/u;
const NONE: WordClass = { prefix: false, numeric: false, ambiguous: false };

/** Classes by word, per rule set; cleared when large, since texts bring unbounded words. */
const caches = new WeakMap<CompiledRuleSet, Map<string, WordClass>>();

export function classifyWord(word: string, rules: CompiledRuleSet): WordClass {
  if (word === '') return NONE;
  let cache = caches.get(rules);
  if (!cache) caches.set(rules, (cache = new Map()));
  let cls = cache.get(word);
  if (cls === undefined) {
    if (cache.size > 4096) cache.clear();
    cls = classify(word, rules);
    cache.set(word, cls);
  }
  return cls;
}

function classify(word: string, rules: CompiledRuleSet): WordClass {
  // `anti-U.S` is looked up as `U.S` too; `c.-à-d` only as a whole.
  const hyphen = word.lastIndexOf('-');
  const forms = hyphen > 0 && hyphen < word.length - 1 ? [word, word.slice(hyphen + 1)] : [word];
  const cls = { ...NONE };
  for (const w of forms) {
    cls.prefix ||= rules.prefix.has(w);
    cls.numeric ||= rules.numeric.has(w);
    cls.ambiguous ||= rules.ambiguous.has(w);
  }
  if (cls.prefix || cls.numeric || cls.ambiguous) return cls;
  const last = forms[forms.length - 1]!;
  if (INITIALISM.test(last)) {
    // Arabic has no capitals to tell a name from a new sentence, and its one-letter
    // abbreviations (د. م. أ.) are titles before a name.
    if (isCaseless(last[0]!)) cls.prefix = true;
    else cls.ambiguous = true;
  }
  return cls;
}
