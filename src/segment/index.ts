/**
 * Tessera's sentence segmenter: rule-based, news-aware, for English, Italian, French and
 * Arabic. Rules are data (`rules/*.json`, SRX 2.0-style regex rules plus word lists), each
 * language extending a shared base; a single linear pass applies them.
 *
 * @example
 * ```ts
 * import { segmentText, splitSentences } from './segment/index.js';
 *
 * segmentText('“Haftar is committed,” Salame said. Gen. Haftar left at 5 p.m. Tuesday.', 'en');
 * // → ['“Haftar is committed,” Salame said.', 'Gen. Haftar left at 5 p.m. Tuesday.']
 *
 * splitSentences('Ciao! Come sta la Sig.ra Rossi?', 'it');
 * // → [{ start: 0, end: 5 }, { start: 6, end: 31 }]
 * ```
 */
import { compileRuleSet, type CompiledRuleSet } from './compiled.js';
import { RULE_FILES, resolveRuleSet } from './rule-set.js';
import { findBreaks } from './scanner.js';
import { toSpans, type Span } from './spans.js';
import type { RuleSet } from './types.js';
import { parseSrx } from './srx/parse.js';
import { srxRuleSet } from './srx/rule-set.js';

export type { Span } from './spans.js';
export type { Abbreviations, RegexRule, RuleFile, RuleSet } from './types.js';
export { RULE_FILES, resolveRuleSet } from './rule-set.js';
export { parseSrx, SrxError, type SrxDocument, type SrxLanguageMap } from './srx/parse.js';
export { srxRuleSet } from './srx/rule-set.js';
export { toSrx } from './srx/write.js';

import { SEGMENT_LANGS } from '../core/choices.js';
export { SEGMENT_LANGS };
export type SegmentLang = (typeof SEGMENT_LANGS)[number];

/** A segmenter for one rule set. */
export interface Segmenter {
  readonly rules: RuleSet;
  /** Sentence spans of one paragraph, in order: `text.slice(start, end)` is a trimmed sentence. */
  split(text: string): Span[];
  /** The sentences themselves. */
  segment(text: string): string[];
}

/** Builds a segmenter from a resolved rule set (see `resolveRuleSet`, `srxRuleSet`). */
export function createSegmenter(rules: RuleSet): Segmenter {
  const compiled: CompiledRuleSet = compileRuleSet(rules);
  const split = (text: string): Span[] => toSpans(text, findBreaks(text, compiled));
  return {
    rules,
    split,
    segment: (text) => split(text).map((s) => text.slice(s.start, s.end)),
  };
}

/**
 * A segmenter from an SRX 2.0 document for one language code (plain SRX semantics).
 *
 * @example
 * ```ts
 * loadSrx(toSrx(), 'en').segment('Mr. Smith left. He came back.');
 * // → ['Mr. Smith left.', 'He came back.']
 * ```
 */
export function loadSrx(xml: string, lang: string): Segmenter {
  return createSegmenter(srxRuleSet(parseSrx(xml), lang));
}

const cache = new Map<SegmentLang, Segmenter>();

/** The built-in segmenter of a language (rules compiled once, on first use). */
export function segmenterFor(lang: SegmentLang): Segmenter {
  let s = cache.get(lang);
  if (!s) {
    if (!(SEGMENT_LANGS as readonly string[]).includes(lang)) {
      throw new TypeError(`segmenter: expected a language among ${SEGMENT_LANGS.join(', ')}, received ${JSON.stringify(lang)}`);
    }
    s = createSegmenter(resolveRuleSet(RULE_FILES[lang]!));
    cache.set(lang, s);
  }
  return s;
}

/**
 * Splits one paragraph (plain text, already cut at block boundaries) into sentences.
 *
 * @example
 * ```ts
 * splitSentences('I live in the U.S. How about you?', 'en');
 * // → [{ start: 0, end: 18 }, { start: 19, end: 33 }]
 * ```
 */
export function splitSentences(text: string, lang: SegmentLang): Span[] {
  return segmenterFor(lang).split(text);
}

/**
 * The sentences of one paragraph, trimmed.
 *
 * @example
 * ```ts
 * segmentText('« Nous sommes prêts. » M. Le Drian est arrivé.', 'fr');
 * // → ['« Nous sommes prêts. »', 'M. Le Drian est arrivé.']
 * ```
 */
export function segmentText(text: string, lang: SegmentLang): string[] {
  return segmenterFor(lang).segment(text);
}
