import type { CompiledRuleSet } from '../compiled.js';
import type { Decision } from './types.js';

/** Lower-case particles that may sit between the capitalised parts of a name (`Abdel al-…`). */
const PARTICLES = new Set(['al', 'el', 'de', 'di', 'da', 'del', 'della', 'van', 'von', 'bin', 'ibn', 'le', 'la', 'du', 'dos', 'der']);
/** Words looked at after the quote: a name of up to four words, then the verb and one more. */
const MAX_WORDS = 8;
const MAX_NAME = 4;
const EDGE_PUNCT = /^[“"‘'«(\[]+|[”"’'»)\].,;:!?]+$/gu;

const strip = (w: string): string => w.replace(EDGE_PUNCT, '');

/** How many of `words` form a speaker's name (`Gen. Khalifa Haftar`, `Fuat Oktay`). */
function nameLength(words: string[], rules: CompiledRuleSet): number {
  let k = 0;
  for (; k < MAX_NAME && k < words.length; k++) {
    const w = words[k]!;
    const bare = strip(w);
    const capitalised = /^\p{Lu}/u.test(bare);
    const title = w.endsWith('.') && rules.prefix.has(bare);
    if (!(capitalised || title || (k > 0 && PARTICLES.has(bare)))) break;
  }
  return k;
}

/**
 * `“We will win!” Haftar said.` / `«Siamo pronti!» Conte ha detto.` / `«…؟» قال الوزير.`:
 * after a closing quote, a capitalised name (or nothing, as in Arabic's verb-first order)
 * followed by a speech verb is the quotation's attribution, not a new sentence. After a
 * plain `.` the attribution must end with the verb (`… Conte said.`): `“….” Conte said the
 * talks…` is two sentences.
 */
export const quoteAttribution: Decision = {
  id: 'quote-attribution',
  decide(c, rules) {
    if (!c.quoteClosed || (c.nextKind !== 'upper' && c.nextKind !== 'caseless')) return undefined;
    const words = c.nextWords(MAX_WORDS);
    const atEnd = words.length < MAX_WORDS;
    const k = nameLength(words, rules);
    for (const verb of rules.speechVerbs) {
      if (k + verb.length > words.length) continue;
      if (!verb.every((v, i) => strip(words[k + i]!).toLowerCase() === v)) continue;
      if (c.strong || c.dots > 1) return false;
      const last = words[k + verb.length - 1]!;
      if ((atEnd && k + verb.length === words.length) || /[.,]["”’»)]*$/u.test(last)) return false;
    }
    return undefined;
  },
};
