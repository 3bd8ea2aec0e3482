/** length-ratio: a translation much shorter or longer than its language usually is. */
import type { Lang } from '../core/types.js';
import { about, msg, problem } from './problem.js';
import type { Check } from './types.js';
import { normalise, scanVerbatim } from './text.js';

/**
 * Usual length of a translation from English, in characters, as a multiple of the source's.
 *
 * Italian and French run longer than English; IBM's globalization guidelines (as commonly
 * cited) plan for up to 30% more room for text over 70 characters and far more for short
 * strings. Arabic is shorter in characters: short vowels are not written, and articles,
 * prepositions and conjunctions attach to their word. The values are the medians of the
 * bundled article's reviewed translations, measured as this check measures (23 sentences of
 * 40 characters or more per language): Italian 1.14, French 1.17, Arabic 0.82.
 */
export const EXPECTED_RATIO: Partial<Record<Lang, number>> = { en: 1, it: 1.14, fr: 1.17, ar: 0.82 };

/**
 * The band allowed around the usual ratio: from 0.55× to 1.65× of it. The bundled reviewed
 * translations fall within 0.74×–1.25× of their usual ratio (Italian 1.03–1.42 of the source,
 * i.e. 0.90–1.25 of the usual; French 0.94–1.36, 0.80–1.16; Arabic 0.61–1.00, 0.74–1.22), so
 * the band leaves room for freer translations than these and still catches what matters: a
 * sentence that lost half its content (0.5×) or one pasted twice (2×).
 */
export const BAND = { low: 0.55, high: 1.65 } as const;

/** Sentences shorter than this (in source characters) are exempt: a few characters swing the ratio. */
export const MIN_SOURCE_CHARS = 40;

const measured = (text: string): number => [...normalise(scanVerbatim(text).masked).replace(/\s+/gu, ' ').trim()].length;

export const lengthRatio: Check = {
  id: 'length-ratio',
  severity: 'warning',
  ...about(msg('checks.length-ratio.title'), msg('checks.length-ratio.explanation', {
    it: EXPECTED_RATIO.it,
    fr: EXPECTED_RATIO.fr,
    ar: EXPECTED_RATIO.ar,
    low: BAND.low,
    high: BAND.high,
    itLow: (EXPECTED_RATIO.it! * BAND.low).toFixed(2),
    itHigh: (EXPECTED_RATIO.it! * BAND.high).toFixed(2),
    min: MIN_SOURCE_CHARS,
  })),
  run(source, target, ctx) {
    const s = measured(source);
    if (s < MIN_SOURCE_CHARS) return [];
    const t = measured(target);
    const usual = (EXPECTED_RATIO[ctx.tgtLang] ?? 1) / (EXPECTED_RATIO[ctx.srcLang] ?? 1);
    const low = usual * BAND.low;
    const high = usual * BAND.high;
    const ratio = t / s;
    if (ratio >= low && ratio <= high) return [];
    const expected = `${Math.ceil(s * low)}–${Math.floor(s * high)} characters`;
    const message = msg('checks.length-ratio.found', {
      min: Math.ceil(s * low),
      max: Math.floor(s * high),
      source: s,
      low: low.toFixed(2),
      high: high.toFixed(2),
      lang: ctx.tgtLang,
      found: t,
      ratio: ratio.toFixed(2),
      verdict: ratio < low ? msg('checks.length-ratio.tooShort') : msg('checks.length-ratio.tooLong'),
    });
    return [problem(message, { expected, found: `${t} characters` })];
  },
};
