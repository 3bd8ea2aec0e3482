/** The bundled article (one paragraph per line) splits exactly as an editor would. */
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/segment/index.js';
import { readShared } from './shared.js';

const seed = readShared('seed/000_4fd8b39f1b3f6dd2.txt');
const lines = seed?.split('\n').filter((l) => l.trim() !== '') ?? [];

/** 1-based line number → its sentences, for every line that is not a single sentence. */
const MULTI: Record<number, string[]> = {
  4: [
    '“Haftar is committed to the political process,” Salame told reporters at the end of a reconciliation conference in Italy.',
    '“His representatives said that.”',
  ],
  6: [
    'Other leaders attending the Palermo conference, including French Foreign Minister Jean-Yves Le Drian, and Russian Prime Minister Dmitry Medvedev.',
    'The office of Egyptian President Abdel-Fattah El-Sisi, who backs Haftar, confirmed he joined the “mini-summit” Tuesday with Conte and other leaders.',
  ],
  7: [
    'Welcome today’s conference for #Libya in Palermo.',
    'Underlined international support for UN Envoy’s Action Plan, including his plans for an inclusive Libyan National Conference which we hope will help create conditions for elections in the course of next year.',
    'pic.twitter.com/g5bbaN5LzK',
  ],
  10: [
    'But expectations were limited, with Haftar\'s camp making clear that he wasn\'t participating in the conference itself but rather meeting with leaders of neighboring countries on the sidelines.',
    'Neither Haftar nor El-Sisi posed for the final conference group photo.',
  ],
};

describe.skipIf(seed === undefined)('bundled article (seed 000)', () => {
  it('has the 20 paragraphs this test was written for', () => {
    expect(lines).toHaveLength(20);
    expect(lines[7]).toBe('— Alistair Burt (@AlistairBurtUK) November 13, 2018');
  });

  it.each(lines.map((line, i) => [i + 1, line] as const))('line %i', (n, line) => {
    expect(segmentText(line, 'en')).toEqual(MULTI[n] ?? [line]);
  });

  // 25 here; with the article's headline, which is not in the seed, the article has 26.
  it('gives 25 sentences in all, the em-dash line being one', () => {
    const all = lines.flatMap((l) => segmentText(l, 'en'));
    expect(all).toHaveLength(25);
    expect(all.filter((s) => s.includes('Gen. Khalifa Haftar'))).toHaveLength(1);
    expect(all.some((s) => s.includes('held this (morning) with') && s.endsWith('he told reporters.'))).toBe(true);
  });

  it('splits the article the same when its paragraphs are run together', () => {
    const joined = lines.join(' ');
    // Only the tweet's signature line gains a neighbour; everything else is unchanged.
    expect(segmentText(joined, 'en')).toEqual(lines.flatMap((l, i) => MULTI[i + 1] ?? [l]));
  });
});
