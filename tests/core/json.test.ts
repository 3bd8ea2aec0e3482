/**
 * objectJsonPieces writes an object in pieces, nested at any depth, with the bytes
 * JSON.stringify(…, null, 2) gives for the same object in the same place.
 * stableJsonPieces writes a whole document in pieces, with the bytes of stableJson.
 */
import { describe, expect, it } from 'vitest';
import { objectJsonPieces, stableJson, stableJsonPieces } from '../../src/core/json.js';

/** Values that test JSON's escaping and re-indenting: quotes, backslashes, line breaks, U+2028, astral characters. */
const awkward = {
  quote: 'He said "no" — \'twice\'',
  backslash: 'C:\\path\\to\\file \\n is not a line break',
  lines: 'one\ntwo\r\nthree\tfour',
  separators: 'line\u2028separator and paragraph\u2029separator',
  astral: 'emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, Arabic ليبيا',
  control: '\u0000\u001f\u007f',
};

const nested: Record<string, unknown> = {
  empty: {},
  emptyArray: [],
  gone: undefined,
  '10': 'an index-like key (comes first in both)',
  text: awkward.quote,
  deep: { a: { b: [awkward.backslash, { c: awkward.lines, skipped: undefined }, [], {}] }, n: 3, t: true, z: null },
  list: [awkward.separators, awkward.astral, 1.5, false, null, { k: awkward.control }],
  'key with "quotes"\nand a line': awkward.astral,
};

const joined = (object: Record<string, unknown>, depth = 0): string => [...objectJsonPieces(object, depth)].join('');

/** `object` placed `depth` levels deep in a larger object, and the text objectJsonPieces gives there. */
function inContext(object: Record<string, unknown>, depth: number): { expected: string; actual: string } {
  const MARK = '\u0000mark\u0000';
  let outer: unknown = MARK;
  for (let d = depth; d > 0; d--) outer = { before: [1, 'x'], [`level${d}`]: outer, after: { y: 'z' } };
  const withMark = JSON.stringify(outer, null, 2);
  const at = withMark.indexOf(JSON.stringify(MARK));
  let expected: unknown = object;
  for (let d = depth; d > 0; d--) expected = { before: [1, 'x'], [`level${d}`]: expected, after: { y: 'z' } };
  return { expected: JSON.stringify(expected, null, 2), actual: withMark.slice(0, at) + joined(object, depth) + withMark.slice(at + JSON.stringify(MARK).length) };
}

describe('objectJsonPieces', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['an empty object', {}],
    ['an object of only undefined values', { a: undefined, b: undefined }],
    ['strings with quotes, backslashes, line breaks, U+2028 and astral characters', awkward],
    ['nested objects and arrays, undefined members left out', nested],
  ];
  for (const depth of [0, 1, 2]) {
    it.each(cases)(`%s, at depth ${depth}: the bytes of JSON.stringify(…, null, 2)`, (_name, object) => {
      const { expected, actual } = inContext(object, depth);
      expect(actual).toBe(expected);
      // The check above would not see a piece that is misplaced in the enclosing text only.
      if (depth === 0) expect(joined(object)).toBe(JSON.stringify(object, null, 2));
    });
  }

  it('more than 2,000 members come in several pieces that join to the same bytes, at every depth', () => {
    const big: Record<string, unknown> = {};
    for (let i = 0; i < 5_123; i++) big[`s${i.toString(36)}`] = i % 7 === 0 ? undefined : i % 3 === 0 ? { state: 'translated', notes: [awkward.lines, awkward.astral] } : `${awkward.quote} ${i}`;
    expect([...objectJsonPieces(big)].length).toBeGreaterThan(2);
    for (const depth of [0, 1, 2]) {
      const { expected, actual } = inContext(big, depth);
      expect(actual).toBe(expected);
    }
    JSON.parse(joined(big)); // and it is JSON
  });

  it('writes own members in key order, not inherited ones, and a "__proto__" member as a member', () => {
    const proto = { inherited: 'no' };
    const object = Object.assign(Object.create(proto) as Record<string, string>, { b: '1', a: '2', '7': '3' });
    expect(joined(object)).toBe(JSON.stringify(object, null, 2));
    expect(Object.keys(JSON.parse(joined(object)) as object)).toEqual(['7', 'b', 'a']);
    const parsed = JSON.parse('{"a":"1","__proto__":"2","b":"3"}') as Record<string, string>;
    expect(joined(parsed)).toBe(JSON.stringify(parsed, null, 2));
  });

  it('maps each value first, leaving out those it maps to undefined', () => {
    const object = { a: 1, b: 2, c: 3 };
    expect([...objectJsonPieces(object, 0, (v) => (v === 2 ? undefined : { v }))].join('')).toBe(JSON.stringify({ a: { v: 1 }, c: { v: 3 } }, null, 2));
  });
});

describe('stableJsonPieces', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['an empty object', {}],
    ['an object of only undefined values', { a: undefined, f: () => 1 }],
    ['strings with quotes, backslashes, line breaks, U+2028 and astral characters', awkward],
    ['nested objects and arrays, undefined members left out', nested],
    ['an array member of a single element, and an empty one', { one: [{ a: [1, { b: awkward.lines }] }], none: [], after: 1 }],
    ['arrays with holes and undefined, function and null elements (JSON null)', { list: [undefined, () => 1, null, 0, awkward.astral, , 2] }],
  ];
  it.each(cases)('%s: the bytes of stableJson', (_name, object) => {
    expect([...stableJsonPieces(object)].join('')).toBe(stableJson(object));
  });

  it('a report of 1,001 rows comes in several pieces, none holding the whole, that join to the same bytes', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ article: `story-${i}`, headline: i % 7 === 0 ? awkward.quote : `Headline ${i}`, languages: { it: { words: { total: i, new: i % 3 } } } }));
    const report = { schema: 'tessera-status/1', languages: ['it', 'fr'], articles: rows, totals: { it: { words: 5 } } };
    const pieces = [...stableJsonPieces(report)];
    const whole = stableJson(report);
    expect(pieces.join('')).toBe(whole);
    expect(pieces.length).toBeGreaterThan(6);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 4);
  });
});
