/**
 * The publish policy (src/core/policy.ts), pure: parsing, per-language resolution, and how an
 * edition is assessed — what each segment is set from, the word count, and why it is blocked.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_TRANSLATED,
  DEFAULT_STALE,
  assessEdition,
  describeBlockReason,
  parseStalePolicy,
  policyFor,
  type LangPolicy,
} from '../../src/core/policy.js';
import type { LocaleData } from '../../src/core/reconcile.js';
import type { Unit } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';
import { checkBuildOption } from '../../src/pipeline/steps/build.js';
import { parseGate } from '../../src/pipeline/steps/status.js';
import { inputErrorOf } from '../helpers/errors.js';

// Words, hand-counted: headline "Talks end" 2; "The cat sat on the mat." 6; "The dog ran away
// quickly." 5; "Birds sang." 2 — 15 in all. The bare link needs no translation and is not counted.
const doc = parseArticle(
  '---\nslug: small\nlang: en\nheadline: Talks end\ndate: 2018-11-13\n---\n\nThe cat sat on the mat. The dog ran away quickly.\n\nBirds sang.\n\nhttps://example.com/x\n',
  'small.md',
);
const id = (source: string): string => {
  const s = doc.segments.find((x) => x.source === source);
  if (!s) throw new Error(`no segment ${JSON.stringify(source)}`);
  return s.id;
};
const HEAD = id('Talks end');
const CAT = id('The cat sat on the mat.');
const DOG = id('The dog ran away quickly.');
const BIRDS = id('Birds sang.');
const LINK = id('https://example.com/x');

const FULL: Record<string, string> = { [HEAD]: 'Fine dei colloqui', [CAT]: 'Il gatto era sul tappeto.', [DOG]: 'Il cane scappò in fretta.', [BIRDS]: 'Gli uccelli cantavano.' };

/** Italian data: every translatable segment reviewed, except what `change` says. */
function data(change: { drop?: string[]; stale?: Record<string, string | undefined> } = {}): LocaleData {
  const resources: Record<string, string> = {};
  const units: Record<string, Unit> = {};
  for (const [k, v] of Object.entries(FULL)) {
    if (change.drop?.includes(k) || (change.stale && k in change.stale)) continue;
    resources[k] = v;
    units[k] = { state: 'reviewed', provenance: 'human' };
  }
  for (const [k, suggestion] of Object.entries(change.stale ?? {})) {
    units[k] = { state: 'stale', provenance: 'human', ...(suggestion !== undefined ? { suggestion, previousSource: 'old' } : {}) };
  }
  return { resources, units, retired: {} };
}

const policy = (p: Partial<LangPolicy> = {}): LangPolicy => ({ minTranslated: 100, stale: 'previous', ...p });

describe('policyFor', () => {
  it('defaults: every word translated, stale segments from the previous translation', () => {
    expect(DEFAULT_MIN_TRANSLATED).toBe(100);
    expect(DEFAULT_STALE).toBe('previous');
    expect(policyFor({}, 'fr')).toEqual({ minTranslated: 100, stale: 'previous' });
  });

  it('a value for every language, overridden per language', () => {
    const p = { minTranslated: parseGate('90,ar=80', 'min-translated'), stale: parseStalePolicy('source,ar=block') };
    expect(policyFor(p, 'it')).toEqual({ minTranslated: 90, stale: 'source' });
    expect(policyFor(p, 'ar')).toEqual({ minTranslated: 80, stale: 'block' });
    // A per-language value alone leaves the other languages at the default.
    const only = { minTranslated: parseGate('fr=80', 'min-translated'), stale: parseStalePolicy('ar=block') };
    expect(policyFor(only, 'fr')).toEqual({ minTranslated: 80, stale: 'previous' });
    expect(policyFor(only, 'it')).toEqual({ minTranslated: 100, stale: 'previous' });
    expect(policyFor(only, 'ar')).toEqual({ minTranslated: 100, stale: 'block' });
  });
});

describe('parseStalePolicy', () => {
  it('accepts the gate forms: one policy, lang=policy, both, lists and mappings', () => {
    expect(parseStalePolicy(undefined)).toBeUndefined();
    expect(parseStalePolicy('block')).toEqual({ all: 'block', perLang: {} });
    expect(parseStalePolicy('ar=block')).toEqual({ perLang: { ar: 'block' } });
    expect(parseStalePolicy('previous,ar=block fr=source')).toEqual({ all: 'previous', perLang: { ar: 'block', fr: 'source' } });
    expect(parseStalePolicy(['SOURCE', 'AR=Block'])).toEqual({ all: 'source', perLang: { ar: 'block' } });
    expect(parseStalePolicy({ all: 'previous', ar: 'block' })).toEqual({ all: 'previous', perLang: { ar: 'block' } });
    expect(parseStalePolicy('*=source')).toEqual({ all: 'source', perLang: {} });
  });

  it('an unknown policy names it and lists the valid ones', () => {
    const e = inputErrorOf(() => parseStalePolicy('previous,ar=blok', 'stale'));
    expect(e.diagnostics[0]).toMatchObject({ rule: 'usage', message: 'stale: unknown policy "blok"' });
    expect(e.diagnostics[0]!.hint).toMatch(/^policies: previous, source, block/);
    expect(inputErrorOf(() => parseStalePolicy({ ar: 3 })).diagnostics[0]!.message).toBe('stale: unknown policy "3"');
    expect(inputErrorOf(() => parseStalePolicy('')).diagnostics[0]!.message).toBe('stale: no policy given');
  });

  it('an unknown language names it', () => {
    const e = inputErrorOf(() => parseStalePolicy('de=block'));
    expect(e.diagnostics[0]!.message).toBe('stale: unknown language "de"');
    expect(e.diagnostics[0]!.hint).toBe('supported: en, it, fr, ar');
  });
});

describe('checkBuildOption (a pipeline value checked before anything runs)', () => {
  it('good values pass; bad ones give the message and the valid choices', () => {
    expect(checkBuildOption('stale', 'previous,ar=block')).toBeUndefined();
    expect(checkBuildOption('min-translated', { all: 100, ar: 80 })).toBeUndefined();
    expect(checkBuildOption('out', 'anything')).toBeUndefined();
    expect(checkBuildOption('stale', ['previous', 'ar=never'])).toMatchObject({ message: 'stale: unknown policy "never"', hint: expect.stringMatching(/^policies: previous, source, block/) as unknown as string });
    expect(checkBuildOption('min-translated', 'ar=lots')?.message).toBe('min-translated: "lots" is not a percentage');
  });
});

describe('assessEdition', () => {
  it('everything translated: published, 100%, set from the translations', () => {
    const a = assessEdition(doc, 'it', data(), policy());
    expect(a.blocked).toEqual([]);
    expect(a.translatedWords).toBe(100);
    expect(a.segments).toEqual({ total: 4, translated: 4, previous: 0, stale: 0, missing: 0 });
    expect(a.words).toEqual({ total: 15, translated: 15, previous: 0, stale: 0, missing: 0 });
    expect(a.resources).toEqual(FULL);
    expect(a.policy).toEqual(policy());
  });

  it('the link needs no translation: never counted, never blocking', () => {
    expect(LINK).toBeDefined();
    expect(doc.segments.find((s) => s.id === LINK)!.translate).toBe(false);
    expect(assessEdition(doc, 'it', data(), policy()).segments.total).toBe(4);
  });

  it('a missing translation: below the default 100%, blocked with what is to go', () => {
    const a = assessEdition(doc, 'it', data({ drop: [DOG] }), policy());
    expect(a.segments).toEqual({ total: 4, translated: 3, previous: 0, stale: 0, missing: 1 });
    // 10 of 15 words: 66.66…% rounded down to one decimal, as status does.
    expect(a.translatedWords).toBe(66.6);
    expect(a.blocked).toEqual([{ rule: 'min-translated', translatedWords: 66.6, minTranslated: 100, segments: 1, words: 5 }]);
    expect(a.resources[DOG]).toBeUndefined();
  });

  it('a lower gate lets the edition out with the English fallback', () => {
    expect(assessEdition(doc, 'it', data({ drop: [DOG] }), policy({ minTranslated: 66.6 })).blocked).toEqual([]);
    expect(assessEdition(doc, 'it', data({ drop: [DOG] }), policy({ minTranslated: 66.7 })).blocked).toHaveLength(1);
    expect(assessEdition(doc, 'it', data({ drop: [DOG, CAT] }), policy({ minTranslated: 0 })).blocked).toEqual([]);
  });

  it('100 means every segment, even one without a countable word', () => {
    const sizes = { words: doc.segments.map((s) => (s.id === BIRDS ? 0 : s.source.split(' ').length)), chars: doc.segments.map(() => 1) };
    const a = assessEdition(doc, 'it', data({ drop: [BIRDS] }), policy(), sizes);
    expect(a.translatedWords).toBe(100);
    expect(a.blocked).toEqual([{ rule: 'min-translated', translatedWords: 100, minTranslated: 100, segments: 1, words: 0 }]);
    expect(assessEdition(doc, 'it', data({ drop: [BIRDS] }), policy({ minTranslated: 99.9 }), sizes).blocked).toEqual([]);
  });

  describe('stale segments', () => {
    const withSuggestion = data({ stale: { [CAT]: 'Il gatto stava sul tappeto.' } });

    it('previous (default): set from the previous translation and counted as translated', () => {
      const a = assessEdition(doc, 'it', withSuggestion, policy());
      expect(a.blocked).toEqual([]);
      expect(a.translatedWords).toBe(100);
      expect(a.segments).toEqual({ total: 4, translated: 3, previous: 1, stale: 0, missing: 0 });
      expect(a.words.previous).toBe(6);
      expect(a.resources[CAT]).toBe('Il gatto stava sul tappeto.');
    });

    it('previous without a previous translation: English, counted as not translated', () => {
      const a = assessEdition(doc, 'it', data({ stale: { [CAT]: undefined } }), policy());
      expect(a.segments).toEqual({ total: 4, translated: 3, previous: 0, stale: 1, missing: 0 });
      expect(a.resources[CAT]).toBeUndefined();
      expect(a.translatedWords).toBe(60);
      expect(a.blocked).toEqual([{ rule: 'min-translated', translatedWords: 60, minTranslated: 100, segments: 1, words: 6 }]);
    });

    it('source: the English sentence, counted as not translated — the default 100% then blocks', () => {
      const a = assessEdition(doc, 'it', withSuggestion, policy({ stale: 'source' }));
      expect(a.resources[CAT]).toBeUndefined();
      expect(a.segments).toEqual({ total: 4, translated: 3, previous: 0, stale: 1, missing: 0 });
      expect(a.translatedWords).toBe(60);
      expect(a.blocked.map((r) => r.rule)).toEqual(['min-translated']);
      expect(assessEdition(doc, 'it', withSuggestion, policy({ stale: 'source', minTranslated: 60 })).blocked).toEqual([]);
    });

    it('block: any stale segment blocks, whatever the gate; the shortfall it explains is not repeated', () => {
      const a = assessEdition(doc, 'it', withSuggestion, policy({ stale: 'block', minTranslated: 0 }));
      expect(a.blocked).toEqual([{ rule: 'stale', policy: 'block', segments: 1, words: 6 }]);
      expect(a.resources[CAT]).toBeUndefined();
      expect(assessEdition(doc, 'it', withSuggestion, policy({ stale: 'block' })).blocked).toEqual([{ rule: 'stale', policy: 'block', segments: 1, words: 6 }]);
      // A missing translation as well: both reasons, the gate's counting both segments.
      const both = assessEdition(doc, 'it', data({ drop: [DOG], stale: { [CAT]: 'x' } }), policy({ stale: 'block' }));
      expect(both.blocked).toEqual([
        { rule: 'stale', policy: 'block', segments: 1, words: 6 },
        { rule: 'min-translated', translatedWords: 26.6, minTranslated: 100, segments: 2, words: 11 },
      ]);
    });

    it('block without any stale segment: published', () => {
      expect(assessEdition(doc, 'it', data(), policy({ stale: 'block' })).blocked).toEqual([]);
    });

    it('a stale segment never shows a current resource, even if one is left in the data', () => {
      const d = data({ stale: { [CAT]: 'previous' } });
      d.resources[CAT] = 'leftover';
      expect(assessEdition(doc, 'it', d, policy({ stale: 'source', minTranslated: 0 })).resources[CAT]).toBeUndefined();
      expect(assessEdition(doc, 'it', d, policy()).resources[CAT]).toBe('previous');
    });
  });

  it('the source-language edition is never blocked, whatever the policy', () => {
    const a = assessEdition(doc, 'en', undefined, policy({ stale: 'block', minTranslated: 100 }));
    expect(a.blocked).toEqual([]);
    expect(a.policy).toBeUndefined();
    expect(a.translatedWords).toBe(100);
    expect(a.segments).toEqual({ total: 4, translated: 4, previous: 0, stale: 0, missing: 0 });
  });

  it('does not change the data it is given', () => {
    const d = data({ drop: [DOG], stale: { [CAT]: 'x' } });
    const before = structuredClone(d);
    assessEdition(doc, 'it', d, policy());
    expect(d).toEqual(before);
  });
});

describe('describeBlockReason', () => {
  const pct = (p: number): string => `${p.toFixed(1)}%`;
  it('says why in one clause', () => {
    expect(describeBlockReason({ rule: 'min-translated', translatedWords: 92.1, minTranslated: 100, segments: 2, words: 31 }, pct)).toBe('92.1% of words translated, below 100.0% (2 segments, 31 words to go)');
    expect(describeBlockReason({ rule: 'min-translated', translatedWords: 99.8, minTranslated: 100, segments: 1, words: 1 }, pct)).toBe('99.8% of words translated, below 100.0% (1 segment, 1 word to go)');
    expect(describeBlockReason({ rule: 'stale', policy: 'block', segments: 1, words: 6 }, pct)).toBe('1 stale segment and the policy is block');
    expect(describeBlockReason({ rule: 'stale', policy: 'block', segments: 3, words: 6 }, pct)).toBe('3 stale segments and the policy is block');
  });
});
