/** The similarity measure (tm/similarity.ts): tokens, edit distance, percentage. Pure. */
import { describe, expect, it } from 'vitest';
import { distance, scoreOf, similarity, tokens } from '../../src/tm/similarity.js';

describe('tokens', () => {
  it('words, single punctuation marks; white space only separates', () => {
    expect(tokens('  Haftar’s camp,   he said.')).toEqual(['Haftar', '’', 's', 'camp', ',', 'he', 'said', '.']);
  });

  it('an inline code is one token standing for its own text', () => {
    const t = tokens('Read the [full report](https://x.org/r) by @AlistairBurtUK.');
    expect(t).toEqual(['Read', 'the', '\uE000[', 'full', 'report', '\uE000](https://x.org/r)', 'by', '\uE000@AlistairBurtUK', '.']);
  });

  it('letters of every script, digits and combining marks stay inside words', () => {
    expect(tokens('إيطاليا تجمع 2018 café')).toEqual(['إيطاليا', 'تجمع', '2018', 'café']);
  });
});

describe('distance (Levenshtein over tokens)', () => {
  it('counts insertions, deletions and replacements', () => {
    expect(distance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(distance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(distance(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe(2);
    expect(distance([], ['a', 'b'])).toBe(2);
    expect(distance('kitten', 'sitting')).toBe(3);
  });

  it('with a bound, answers max + 1 as soon as the distance must exceed it, and the exact value otherwise', () => {
    const a = 'the quick brown fox jumps over the lazy dog'.split(' ');
    const b = 'a quick brown cat jumps over one lazy dog'.split(' ');
    expect(distance(a, b)).toBe(3);
    expect(distance(a, b, 3)).toBe(3);
    expect(distance(a, b, 2)).toBe(3);
    expect(distance(a, b, 1)).toBe(2);
    expect(distance(['x'], ['x', 'y', 'z', 'w'], 2)).toBe(3);
  });

  it('the band gives the same answer as the full table on random sequences', () => {
    let seed = 7;
    const r = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: Math.floor(r() * 12) }, () => Math.floor(r() * 4));
      const b = Array.from({ length: Math.floor(r() * 12) }, () => Math.floor(r() * 4));
      const full = distance(a, b);
      const max = Math.floor(r() * 8);
      expect(distance(a, b, max)).toBe(full <= max ? full : max + 1);
    }
  });
});

describe('similarity', () => {
  it('is 100 only for the same sentence once white space is normalised', () => {
    expect(similarity('Haftar left early.', ' Haftar  left\nearly. ')).toBe(100);
    expect(similarity('Haftar left early .', 'Haftar left early.')).toBe(99);
  });

  it('is floor(100 × (1 − distance / longest))', () => {
    // 14 tokens, one deleted.
    expect(similarity('Neither Haftar nor El-Sisi posed for the final conference group photo.', 'Neither Haftar nor El-Sisi posed for the conference group photo.')).toBe(92);
    expect(scoreOf(1, 4, 4)).toBe(75);
    expect(scoreOf(2, 7, 7)).toBe(71);
    expect(scoreOf(0, 0, 0)).toBe(100);
  });

  it('at the 75% threshold: one token in four may differ, not more', () => {
    expect(similarity('one two three four', 'one two three five')).toBe(75);
    expect(similarity('one two three four', 'one two six five')).toBe(50);
    expect(similarity('one two three four five six seven', 'one two three four five eight nine')).toBe(71);
  });

  it('counts case and inline codes: another link address is another token', () => {
    expect(similarity('the talks resumed', 'The talks resumed')).toBe(66);
    expect(similarity('See [the report](https://a.org) now', 'See [the report](https://b.org) now')).toBe(83);
  });

  it('unrelated sentences score low', () => {
    expect(similarity('Turkey walked out of the conference.', 'Libya plunged into chaos after the uprising.')).toBeLessThan(30);
  });
});
