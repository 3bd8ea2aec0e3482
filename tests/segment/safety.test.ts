/**
 * Inputs built to make a careless segmenter quadratic or make a regex backtrack forever.
 * Each must simply return (vitest's default timeout is the only clock); the scanner reads
 * each character a bounded number of times and its look-arounds are bounded.
 */
import { describe, expect, it } from 'vitest';
import { SEGMENT_LANGS, splitSentences, type SegmentLang } from '../../src/segment/index.js';

const MB = 1_000_000;
/** Inputs dense in candidate boundaries are smaller: linear, but each boundary costs a little. */
const K256 = 256_000;
const SPEC: Array<[string, () => string]> = [
  ['1 MB paragraph without punctuation', () => 'word '.repeat(MB / 5)],
  ['100,000 consecutive dots', () => '.'.repeat(100_000)],
];
const inputs: Array<[string, () => string]> = [
  ['1 MB single token', () => 'a'.repeat(MB)],
  ['100,000 spaced dots', () => '. '.repeat(100_000)],
  ['glued "a."', () => 'a.'.repeat(K256 / 2)],
  ['initials', () => 'A. '.repeat(K256 / 3)],
  ['acronyms', () => 'U.S. '.repeat(K256 / 5)],
  ['1 MB of spaces then a dot', () => ' '.repeat(MB) + '.'],
  ['1 MB URL', () => 'https://' + 'a'.repeat(MB) + '. Next'],
  ['dots before an @', () => 'a.'.repeat(K256 / 2) + '@'],
  ['a stop and 1 MB of closing quotes', () => 'a.' + '”'.repeat(MB) + ' B'],
  ['1 MB of opening brackets', () => '('.repeat(MB) + '. A'],
  ['quoted verse', () => '“a / b. C” '.repeat(K256 / 10)],
  ['tweet signatures', () => '— a (@b) '.repeat(K256 / 9)],
  ['media links', () => 'pic.twitter.com/a '.repeat(K256 / 18)],
  ['a numbered list', () => Array.from({ length: 25_000 }, (_, i) => `${(i % 999) + 1}. item`).join(' ')],
  ['bullets', () => '• x '.repeat(K256 / 4)],
  ['?! runs', () => '?!'.repeat(K256 / 2)],
  ['dash asides', () => 'a? — b '.repeat(K256 / 7)],
  ['e-mail-like runs', () => 'a.b@c.d '.repeat(K256 / 8)],
];

function expectSane(text: string, lang: SegmentLang): void {
  const spans = splitSentences(text, lang);
  let last = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    last = s.end;
  }
  expect(last).toBeLessThanOrEqual(text.length);
}

describe.each(SPEC)('%s', (_name, make) => {
  const text = make();
  it.each(SEGMENT_LANGS.map((l) => [l] as [SegmentLang]))('returns in %s', (lang) => expectSane(text, lang));
});

// The other inputs each run in one language, taken in turn: the scanner is shared.
it.each(inputs.map(([name, make], i) => [name, SEGMENT_LANGS[i % SEGMENT_LANGS.length]!, make] as const))('%s returns (%s)', (_name, lang, make) =>
  expectSane(make(), lang),
);

it('covers every non-space character exactly once', () => {
  const text = 'a. '.repeat(2000) + 'Mr. X said “Go.” Then… 3.5% (see p. 4). #tag';
  const covered = splitSentences(text, 'en').map((s) => text.slice(s.start, s.end)).join(' ');
  expect(covered.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
});

it('keeps its invariants on random mixtures of the tricky pieces (fixed seed)', () => {
  const pieces = ['a', 'B', 'Mr', 'U.S', 'é', 'ع', '١', '7', ' ', '  ', '\n', '.', '.', '?', '!', '…', '؟', '،', ',', ':', '"', '“', '”', '«', '»', "'", '’', '(', ')', '[', ']', '—', '-', '•', '*', '_', '@x', '#t', 'http://a.b/c', 'pic.twitter.com/x', '😀', '🇮🇹', '\u00a0', '\u202f', ' / ', 'p.m', 'Inc', '1.', 'a)', 'x@y.z'];
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 2000; k++) {
    let text = '';
    for (let i = 1 + next(40); i > 0; i--) text += pieces[next(pieces.length)];
    const lang = SEGMENT_LANGS[k % SEGMENT_LANGS.length]!;
    const spans = splitSentences(text, lang);
    let last = 0;
    for (const s of spans) {
      expect(s.start, text).toBeGreaterThanOrEqual(last);
      expect(text.slice(s.start, s.end), text).toMatch(/^\S(?:[^]*\S)?$/u);
      last = s.end;
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join('').replace(/\s/g, ''), text).toBe(text.replace(/\s/g, ''));
  }
});
