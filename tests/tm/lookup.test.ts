/** Memory lookup (tm/lookup.ts): exact and fuzzy matches, thresholds, order, and the index's exactness. Pure. */
import { describe, expect, it } from 'vitest';
import { bruteForce, benchTm, tmCorpus } from '../../src/tm/bench.js';
import { TmIndex } from '../../src/tm/lookup.js';
import type { TmEntry } from '../../src/tm/memory.js';

const entry = (source: string, target: string, state: TmEntry['state'] = 'reviewed', articles = ['a']): TmEntry => ({ source, target, state, articles });

const MEMORY: TmEntry[] = [
  entry('Neither Haftar nor El-Sisi posed for the final conference group photo.', 'Né Haftar né al-Sisi hanno posato per la foto di gruppo finale della conferenza.'),
  entry('Haftar left the conference early.', 'Haftar ha lasciato la conferenza in anticipo.', 'translated'),
  entry('Haftar left the conference early.', 'Haftar se n’è andato presto dalla conferenza.', 'final'),
  entry('Haftar left the summit early.', 'Haftar ha lasciato il vertice in anticipo.', 'retired'),
  entry('Haftar left the meeting early.', 'Haftar ha lasciato la riunione in anticipo.', 'stale'),
  entry('Welcome today’s conference for #Libya in Palermo.', 'Accolgo con favore la conferenza di oggi per la #Libya a Palermo.'),
  entry('Turkey is leaving the meeting with deep disappointment.', 'La Turchia lascia l’incontro con profonda delusione.'),
];

describe('exact matches', () => {
  const tm = new TmIndex(MEMORY);

  it('the same sentence, white space normalised, scores 100; every translation of it comes back, the best state first', () => {
    const found = tm.lookup('Haftar  left the conference\nearly. ');
    expect(found.slice(0, 2).map((m) => [m.score, m.exact, m.entry.state])).toEqual([
      [100, true, 'final'],
      [100, true, 'translated'],
    ]);
  });

  it('a sentence differing in anything but white space is not exact', () => {
    const found = tm.lookup('Haftar left the Conference early.');
    expect(found.every((m) => !m.exact && m.score < 100)).toBe(true);
  });

  it('inline codes are part of the sentence: another hashtag is not the same sentence', () => {
    expect(tm.lookup('Welcome today’s conference for #Libya in Palermo.')[0]).toMatchObject({ exact: true, score: 100 });
    const other = tm.lookup('Welcome today’s conference for #Italy in Palermo.');
    expect(other[0]).toMatchObject({ exact: false, score: 90 });
  });
});

describe('fuzzy matches', () => {
  const tm = new TmIndex(MEMORY);

  it('an edited sentence finds its previous version with its score', () => {
    const found = tm.lookup('Neither Haftar nor El-Sisi posed for the conference group photo.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ score: 92, exact: false });
    expect(found[0]!.entry.target).toBe('Né Haftar né al-Sisi hanno posato per la foto di gruppo finale della conferenza.');
  });

  it('best first: score, then state (final > reviewed > translated > stale > retired), then source', () => {
    const found = tm.lookup('Haftar left the talks early.');
    expect(found.map((m) => [m.score, m.entry.state, m.entry.source])).toEqual([
      [83, 'final', 'Haftar left the conference early.'],
      [83, 'translated', 'Haftar left the conference early.'],
      [83, 'stale', 'Haftar left the meeting early.'],
      [83, 'retired', 'Haftar left the summit early.'],
    ]);
  });

  it('respects the threshold and the limit', () => {
    expect(tm.lookup('Haftar left the talks early.', { limit: 3 })).toHaveLength(3);
    expect(tm.lookup('Haftar left the talks early.', { min: 84 })).toEqual([]);
    expect(tm.lookup('Haftar walked out of the talks early.')).toEqual([]);
    expect(tm.lookup('Haftar walked out of the talks early.', { min: 50 }).length).toBeGreaterThan(0);
  });

  it('a 75% match is offered and a 74% one is not, by default', () => {
    const tm4 = new TmIndex([entry('one two three four', 'uno due tre quattro'), entry('a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu vv ww xx yy zz aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mmm nnn ooo ppp qqq rrr sss ttt uuu vvv www xxx yyy zzz a1 b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1 r1 s1 t1 u1 v1', 'x')]);
    expect(tm4.lookup('one two three five')).toMatchObject([{ score: 75 }]);
    // 100 tokens, 26 replaced: 74%.
    const long = 'a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu vv ww xx yy zz aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll mmm nnn ooo ppp qqq rrr sss ttt uuu vvv www xxx yyy zzz a1 b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1 r1 s1 t1 u1 v1'.split(' ');
    expect(long).toHaveLength(100);
    const edited = (k: number): string => long.map((w, i) => (i < k ? `Z${i}` : w)).join(' ');
    expect(tm4.lookup(edited(25))).toMatchObject([{ score: 75 }]);
    expect(tm4.lookup(edited(26))).toEqual([]);
  });

  it('repeated words count as many times as they occur (multisets)', () => {
    const tm2 = new TmIndex([entry('the the the the cat', 'x'), entry('the cat sat on the mat', 'y')]);
    expect(tm2.lookup('the the the the dog').map((m) => m.score)).toEqual([80]);
  });

  it('an empty memory or an empty query finds nothing', () => {
    expect(new TmIndex([]).lookup('Anything.')).toEqual([]);
    expect(tm.lookup('   ')).toEqual([]);
  });
});

describe('the index finds exactly what a scan of every entry finds', () => {
  for (const min of [75, 60, 90]) {
    it(`generated memories, threshold ${min}`, () => {
      const { entries, queries } = tmCorpus(1000, 40, 11 + min);
      const tm = new TmIndex(entries);
      let found = 0;
      for (const q of queries) {
        const got = tm
          .lookup(q, { min })
          .map((m) => `${m.score} ${m.entry.source}`)
          .sort();
        const want = bruteForce(entries, q, min)
          .map((m) => `${m.score} ${m.source}`)
          .sort();
        expect(got, q).toEqual(want);
        found += got.length;
      }
      expect(found, 'the queries do find matches').toBeGreaterThan(10);
    });
  }
});

describe('benchTm', () => {
  it('reports lookups per second, reads few entries per lookup, and agrees with brute force', () => {
    const r = benchTm(5000, { queries: 300, bruteForceSample: 5 });
    expect(r.entries).toBe(5000);
    expect(r.sameAsBruteForce).toBe(true);
    expect(r.lookupsPerSec).toBeGreaterThan(r.bruteForceLookupsPerSec * 10);
    expect(r.meanCandidates).toBeLessThan(5000 / 10);
    expect(r.hitRate).toBeGreaterThan(0.2);
  });
});
