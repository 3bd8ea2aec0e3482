/** untranslated: the translation is empty, or is the English source left as it was. */
import { MONTHS } from './locale-data.js';
import type { Check } from './types.js';
import { ARABIC_LETTER, normalise, scanVerbatim, words } from './text.js';

const MONTH_NAMES = new Set(MONTHS.en.flat());
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/**
 * Whether the source has words a translator would translate: a lower-case word of two letters or
 * more, or a month or weekday name. A sentence of names, numbers, links and handles only
 * ("Fayez Al-Sarraj", "pic.twitter.com/…", "@UNSMILibya") may rightly stay as it is.
 */
export function hasTranslatableWords(source: string): boolean {
  return words(scanVerbatim(source).masked).some((w) => /^\p{Ll}\p{L}/u.test(w.text) || w.text.split(/['’-]/).some((p) => MONTH_NAMES.has(p) || WEEKDAYS.has(p)));
}

/** Letters and digits only, lower case: "Hello, world!" and "hello world" are the same text. */
const skeleton = (s: string): string => normalise(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export const untranslated: Check = {
  id: 'untranslated',
  severity: 'error',
  title: 'translated at all',
  explanation:
    'The translation is empty, or it is the English source left as it was (identical once case, spacing and punctuation are set aside), ' +
    'or, for Arabic, it has no Arabic letter at all. Only sentences with words to translate count: a lower-case word or a month or weekday name; ' +
    'a sentence made only of names, numbers, links and handles may rightly stay the same in every language.',
  onEmptyTarget: true,
  run(source, target, ctx) {
    if (normalise(target) === '') return [{ expected: 'a translation', found: '', message: 'expected a translation; found an empty target' }];
    if (!hasTranslatableWords(source)) return [];
    if (skeleton(target) === skeleton(source)) {
      return [{ expected: `a ${ctx.tgtLang} translation`, found: target, message: `expected a translation into ${ctx.tgtLang}; found the ${ctx.srcLang} source unchanged` }];
    }
    if (ctx.tgtLang === 'ar' && !ARABIC_LETTER.test(scanVerbatim(target).masked)) {
      return [{ expected: 'Arabic script', found: target, message: 'expected an Arabic translation; found no Arabic letter in it' }];
    }
    return [];
  },
};
