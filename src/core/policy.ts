/**
 * The publish policy: whether an edition may go out, and how it sets the sentences it has no
 * current translation for. Pure: takes the article, one language's (reconciled) data and the
 * policy; says what the edition is set from and, when it may not be published, why.
 *
 * Per language:
 *  - `minTranslated`: the percentage of the article's source words that must be set in the
 *    edition's language (default 100: every segment). Counted as `tessera status` counts —
 *    source words, links that need no translation left out, one decimal rounded down — so a
 *    status gate and a build gate of the same number agree.
 *  - `stale`: what to do with a segment whose source sentence changed under its translation:
 *      previous — set the previous translation (the stale unit's `suggestion`), the default:
 *                 a newsroom edits wording after translation far more often than meaning, and
 *                 a sentence in the reader's language reads better than an English one;
 *      source   — set the English sentence (a fallback, marked lang="en" in HTML);
 *      block    — refuse to publish an edition that has any stale segment.
 *
 * Counting decision: a stale segment counts as translated only when the policy is `previous`
 * and a previous translation exists, because only then does the reader get the sentence in
 * their language. Under `source` and `block`, and when there is no suggestion, it counts as
 * not translated (as in `tessera status`, where stale ranks with new). The threshold measures
 * what the reader gets, not the translators' workflow state.
 *
 * The source-language edition is never blocked: it is the source.
 */
import { withoutPseudo } from '../pseudo/publish.js';
import { cliTranslator, type Translate } from '../i18n/index.js';
import { inputError, msg } from './errors.js';
import type { LocaleData } from './reconcile.js';
import { segmentSizes, type Sizes } from './status.js';
import { LANGS, isLang, type Doc, type Lang } from './types.js';

import { DEFAULT_MIN_TRANSLATED, DEFAULT_STALE, STALE_POLICIES } from './choices.js';
export { DEFAULT_MIN_TRANSLATED, DEFAULT_STALE, STALE_POLICIES };
export type StalePolicy = (typeof STALE_POLICIES)[number];

/** A setting for every language, with per-language overrides (the shape of a status `Gate`). */
export interface PerLang<T> {
  all?: T;
  perLang: Partial<Record<Lang, T>>;
}

export interface PublishPolicy {
  minTranslated?: PerLang<number> | undefined;
  stale?: PerLang<StalePolicy> | undefined;
}

/** The policy as it applies to one language. */
export interface LangPolicy {
  minTranslated: number;
  stale: StalePolicy;
}

export function policyFor(policy: PublishPolicy, lang: Lang): LangPolicy {
  return {
    minTranslated: policy.minTranslated?.perLang[lang] ?? policy.minTranslated?.all ?? DEFAULT_MIN_TRANSLATED,
    stale: policy.stale?.perLang[lang] ?? policy.stale?.all ?? DEFAULT_STALE,
  };
}

function isStalePolicy(v: string): v is StalePolicy {
  return (STALE_POLICIES as readonly string[]).includes(v);
}

const STALE_HINT = msg('errors.policy.hint', { list: [...STALE_POLICIES] });

/**
 * Parses the stale-policy forms accepted on the command line and in pipelines, the same forms
 * as a status gate: "block", "ar=block", "previous,ar=block", a list of those, or a mapping
 * { all: previous, ar: block }. Throws a usage error naming the valid policies.
 */
export function parseStalePolicy(value: unknown, name = 'stale'): PerLang<StalePolicy> | undefined {
  if (value === undefined || value === null) return undefined;
  const out: PerLang<StalePolicy> = { perLang: {} };
  const add = (key: string | undefined, v: unknown): void => {
    const policy = typeof v === 'string' ? v.trim().toLowerCase() : '';
    if (!isStalePolicy(policy)) throw inputError(msg('errors.policy.unknown', { name, value: String(v) }), {}, STALE_HINT, 'usage');
    if (key === undefined || key === 'all' || key === '*') out.all = policy;
    else {
      const lang = key.toLowerCase();
      if (!isLang(lang)) throw inputError(msg('errors.optionUnknownLanguage', { name, lang: key }), {}, msg('errors.supported', { list: [...LANGS] }), 'usage');
      out.perLang[lang] = policy;
    }
  };
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') {
      const parts = item.split(/[\s,]+/).filter(Boolean);
      if (parts.length === 0) throw inputError(msg('errors.policy.none', { name }), {}, STALE_HINT, 'usage');
      for (const part of parts) {
        const m = /^([A-Za-z*]+)=(.*)$/.exec(part);
        if (m) add(m[1], m[2]);
        else add(undefined, part);
      }
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) add(k, v);
    } else throw inputError(msg('errors.policy.notPolicy', { name, value: String(item) }), {}, STALE_HINT, 'usage');
  }
  return out;
}

/** How many translatable segments (or their source words) the edition sets, by where the text comes from. */
export interface SetCounts {
  total: number;
  /** The segment's current translation. */
  translated: number;
  /** A stale segment set from its previous translation (policy `previous`). */
  previous: number;
  /** A stale segment set in the source language (policy `source` or `block`, or no previous translation). */
  stale: number;
  /** No translation: set in the source language. */
  missing: number;
}

export type BlockReason =
  | { rule: 'min-translated'; translatedWords: number; minTranslated: number; segments: number; words: number }
  | { rule: 'stale'; policy: 'block'; segments: number; words: number };

export interface EditionAssessment {
  lang: Lang;
  /** The policy applied; undefined for the source-language edition, which has none. */
  policy?: LangPolicy;
  /** What the edition is set from: the translations, plus previous translations under `previous`. */
  resources: Record<string, string>;
  segments: SetCounts;
  words: SetCounts;
  /** Percent (0–100, one decimal, rounded down) of source words set in the edition's language. */
  translatedWords: number;
  /** Why the edition may not be published; empty when it may. */
  blocked: BlockReason[];
}

function zero(): SetCounts {
  return { total: 0, translated: 0, previous: 0, stale: 0, missing: 0 };
}

/** As `tessera status` rounds: one decimal, down, so 99.96% never shows as 100%. */
function pct(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10;
}

/**
 * Decides how an edition in `lang` is set and whether it may be published. `data` is the
 * language's reconciled locale (see Project.locale); undefined or ignored for the source language.
 */
export function assessEdition(doc: Doc, lang: Lang, data: LocaleData | undefined, policy: LangPolicy, sizes: Sizes = segmentSizes(doc)): EditionAssessment {
  const segments = zero();
  const words = zero();
  if (lang === doc.meta.lang || !data) {
    // The source edition: every sentence is its own.
    for (const [i, seg] of doc.segments.entries()) {
      if (!seg.translate) continue;
      segments.total++;
      segments.translated++;
      words.total += sizes.words[i]!;
      words.translated += sizes.words[i]!;
    }
    return { lang, resources: {}, segments, words, translatedWords: 100, blocked: [] };
  }
  data = withoutPseudo(data, lang); // a pseudo-translation is never published in a real language
  const resources: Record<string, string> = { ...data.resources };
  for (const [i, seg] of doc.segments.entries()) {
    const unit = data.units[seg.id];
    let kind: Exclude<keyof SetCounts, 'total'>;
    if (unit?.state === 'stale') {
      // A stale segment's current resource (there should be none) never reaches the edition.
      delete resources[seg.id];
      if (policy.stale === 'previous' && unit.suggestion !== undefined && unit.suggestion !== '') {
        resources[seg.id] = unit.suggestion;
        kind = 'previous';
      } else kind = 'stale';
    } else kind = resources[seg.id] !== undefined ? 'translated' : 'missing';
    if (!seg.translate) continue; // links: set as they are, never counted (as status does)
    const w = sizes.words[i]!;
    segments.total++;
    segments[kind]++;
    words.total += w;
    words[kind] += w;
  }
  const translatedWords = pct(words.translated + words.previous, words.total);
  const blocked: BlockReason[] = [];
  const staleBlocked = policy.stale === 'block' && segments.stale > 0;
  if (staleBlocked) blocked.push({ rule: 'stale', policy: 'block', segments: segments.stale, words: words.stale });
  // 100 means every segment, even one without a countable word (a lone symbol).
  const below = translatedWords < policy.minTranslated || (policy.minTranslated >= 100 && segments.stale + segments.missing > 0);
  // Under `block`, a shortfall made only of the stale segments already named is not repeated.
  if (below && !(staleBlocked && segments.missing === 0)) {
    blocked.push({
      rule: 'min-translated',
      translatedWords,
      minTranslated: policy.minTranslated,
      segments: segments.stale + segments.missing,
      words: words.stale + words.missing,
    });
  }
  return { lang, policy, resources, segments, words, translatedWords, blocked };
}

/** One reason in words, for the line that says an edition was not published. */
export function describeBlockReason(r: BlockReason, formatPercent: (p: number) => string, t: Translate = cliTranslator('en').t): string {
  if (r.rule === 'stale') return t('build.blockedStale', { count: r.segments });
  return t('build.blockedTranslated', { percent: formatPercent(r.translatedWords), min: formatPercent(r.minTranslated), segments: t('count.segments', { count: r.segments }), words: t('count.words', { count: r.words }) });
}
