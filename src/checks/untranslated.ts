/** untranslated: the translation is empty, or is the English source left as it was. */
import { MONTHS } from './locale-data.js';
import { about, msg, problem } from './problem.js';
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
  ...about(msg('checks.untranslated.title'), msg('checks.untranslated.explanation')),
  onEmptyTarget: true,
  run(source, target, ctx) {
    if (normalise(target) === '') return [problem(msg('checks.untranslated.empty'), { expected: 'a translation', found: '' })];
    if (!hasTranslatableWords(source)) return [];
    if (skeleton(target) === skeleton(source)) {
      return [problem(msg('checks.untranslated.unchanged', { lang: ctx.tgtLang, source: ctx.srcLang }), { expected: `a ${ctx.tgtLang} translation`, found: target })];
    }
    if (ctx.tgtLang === 'ar' && !ARABIC_LETTER.test(scanVerbatim(target).masked)) {
      return [problem(msg('checks.untranslated.noArabic'), { expected: 'Arabic script', found: target })];
    }
    return [];
  },
};
