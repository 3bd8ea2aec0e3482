/**
 * The hint for an unknown article: every known article while they are few, else the nearest
 * few to the name asked, and how many there are — not a list of 10,000 names.
 */
import { describe, expect, it } from 'vitest';
import { english } from '../../src/i18n/index.js';
import { NAMES_SHOWN, editDistance, knownArticlesHint, nearest } from '../../src/core/nearest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['story-01234', 'story-1234', 1],
    ['stroy', 'story', 2],
    ['ليبيا', 'ليبا', 1],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('knownArticlesHint', () => {
  const corpus = Array.from({ length: 10000 }, (_, i) => `story-${String(i).padStart(5, '0')}`);

  it('lists every known article while there are at most a dozen', () => {
    const few = corpus.slice(0, NAMES_SHOWN);
    expect(english(knownArticlesHint(few, 'nope'))).toBe(`known articles: ${few.join(', ')}`);
  });

  it('past a dozen, gives the count and the nearest names, the likeliest meant first', () => {
    const text = english(knownArticlesHint(corpus, 'story-1234'));
    expect(text).toMatch(/^10000 known articles; the nearest: story-01234, /);
    expect(text.split(', ')).toHaveLength(NAMES_SHOWN);
    expect(text).not.toContain('story-09999');
    expect(nearest(corpus, 'palermo-conference', 3)).toEqual(['story-00000', 'story-00001', 'story-00002']);
  });
});
