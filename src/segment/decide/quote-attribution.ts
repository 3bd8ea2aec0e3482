import type { Decision } from './types.js';

/** Lower-case name particles that may sit between the capitalised parts of a name. */
const PARTICLES = new Set(['al', 'el', 'de', 'di', 'da', 'del', 'della', 'van', 'von', 'bin', 'ibn', 'le', 'la', 'du', 'dos', 'der']);
const EDGE_PUNCT = /^[“"‘'«(\[]+|[”"’'»)\].,;:!?]+$/gu;

const strip = (w: string): string => w.replace(EDGE_PUNCT, '');

/**
 * `“We will win!” Haftar said.` / `«Siamo pronti!» Conte ha detto.` / `«…؟» قال الوزير.`:
 * a capitalised name (or nothing) followed by a speech verb after a closing quote is the
 * quotation's attribution, not a new sentence. After a plain `.` the attribution must end
 * there (`… Conte said.`), since `“….” Conte said the talks…` is two sentences.
 */
export const quoteAttribution: Decision = {
  id: 'quote-attribution',
  decide(c, rules) {
    if (!c.quoteClosed || (c.nextKind !== 'upper' && c.nextKind !== 'caseless')) return undefined;
    const MAX = 8;
    const words = c.nextWords(MAX);
    let k = 0;
    while (k < 4 && k < words.length) {
      const w = words[k]!;
      const bare = strip(w);
      const isName = /^\p{Lu}/u.test(bare);
      const isTitle = w.endsWith('.') && rules.prefix.has(bare);
      if (!(isName || isTitle || (k > 0 && PARTICLES.has(bare)))) break;
      k++;
    }
    for (const verb of rules.speechVerbs) {
      if (k + verb.length > words.length) continue;
      if (!verb.every((v, i) => strip(words[k + i]!).toLowerCase() === v)) continue;
      if (c.strong || c.dots > 1) return false;
      const last = words[k + verb.length - 1]!;
      if ((k + verb.length === words.length && words.length < MAX) || /[.,]["”’»)]*$/u.test(last)) return false;
    }
    return undefined;
  },
};
