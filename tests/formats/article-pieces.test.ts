/**
 * A long article's body goes to micromark a piece at a time (formats/article.ts `bodyLeaves`).
 * These tests hold the documents to what one parse of the whole body gives — the way Tessera
 * parsed before pieces — on the bundled article, on a generated long one and on Markdown whose
 * blocks run across blank lines (fences, HTML comments, loose lists, quotes, CRLF).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigArticle } from '../../src/bench/corpus.js';
import { jsonPieces } from '../../src/core/json.js';
import { PIECE, bodyLeaves, parseArticle, parseFrontMatter } from '../../src/formats/article.js';
import { segmentText } from '../../src/segment/index.js';

const PALERMO = readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8');
const FM = '---\nslug: tricky\nlang: en\nheadline: Blocks across blank lines\ndate: 2018-11-13\n---\n\n';

const sha = (doc: unknown): string => createHash('sha256').update(JSON.stringify(doc)).digest('hex');

/** Every block that may run on past a blank line, each followed by unindented text. */
const TRICKY = [
  'Opening paragraph. It has two sentences.',
  '```\nfenced code\n\nStill code after a blank line.\n\nAnd more.\n```',
  'After the fence. A sentence.',
  '~~~~ js\nconst a = 1;\n\nconst b = 2;\n~~~~',
  '<!-- a comment\n\nThat goes on. Past blank lines.\n\n-->',
  'After the comment. Another one.',
  '<pre>\nPreformatted.\n\nStill preformatted.\n</pre>',
  '<div>\nA kind 6 block ends at the blank line.',
  'So this is a paragraph. Really.',
  '- first item. Two sentences.\n\n- second item, loose.\n\n  Its second paragraph. Indented.',
  'Between lists.',
  '1. one\n2. two\n\n3. three. Still the same list.',
  '> Quoted. Twice.\n>\n> Second quoted paragraph.',
  '> — Someone (@someone) November 13, 2018',
  '    indented code\n\n    more indented code',
  'Setext heading\n==============',
  '## ATX heading ##',
  '[ref]: https://example.org "Title"',
  '> [ref] starts this quote. It goes on.',
  '- ```\n  fence in a list item\n\n  blank line inside',
  'Unindented text closes the item. End.',
  '***',
  '```\nan unclosed fence runs to the end\n\nLast words.',
].join('\n\n');

describe('parsing the body a piece at a time', () => {
  const cases: [string, string][] = [
    ['the bundled article', PALERMO],
    ['blocks across blank lines', `${FM}${TRICKY}\n`],
    ['blocks across blank lines, CRLF', `${FM}${TRICKY}\n`.replace(/\n/g, '\r\n')],
    ['a generated article of 3,000 sentences', bigArticle(3000, (p) => segmentText(p, 'en')).markdown],
  ];
  for (const [what, md] of cases) {
    it(`${what}: pieces of any size give the document one parse gives`, () => {
      const whole = parseArticle(md, 'a.md', { piece: Infinity });
      expect(whole.segments.length).toBeGreaterThan(5);
      // Pieces as small as can be (one piece a boundary) on the short ones, fewer on the long one.
      for (const piece of md.length > PIECE ? [1000, PIECE] : [1, 40, 1000, PIECE]) expect(parseArticle(md, 'a.md', { piece }), `piece ${piece}`).toEqual(whole);
    });
  }

  it('cuts a long body into pieces (the leaves are the same)', () => {
    const md = `${FM}${TRICKY}\n`;
    const { bodyStart } = parseFrontMatter(md);
    // A piece of one character ends at the first boundary: many pieces, each parsed alone.
    expect(bodyLeaves(md, bodyStart, 1)).toEqual(bodyLeaves(md, bodyStart, Infinity));
    const kinds = bodyLeaves(md, bodyStart, 1).map((l) => l.kind);
    expect(kinds).toContain('attribution');
    expect(kinds).toContain('list-item');
    expect(kinds).toContain('heading');
  });

  // References made with the code before pieces (one parse of the whole body, the lists
  // put together at the end): sha256 of JSON.stringify of the document.
  it('the bundled article parses to the document the earlier code made', () => {
    expect(sha(parseArticle(PALERMO, 'source/palermo-conference.md'))).toBe('60d301842b0b3fbb84cfd205c752d9c3390744ed6b1477a5ece4e3caf6107310');
  });

  it('a generated article of 3,000 sentences (four pieces) parses to the document the earlier code made', () => {
    const md = bigArticle(3000, (p) => segmentText(p, 'en')).markdown;
    expect(md.length).toBeGreaterThan(3 * PIECE);
    expect(sha(parseArticle(md))).toBe('f61597626991aa89b27dafaf6c038ca1c5ff796584dd0e1fb8638ab9a3c9c234');
  });
});

describe('jsonPieces', () => {
  it('gives JSON.stringify’s bytes for a document, in pieces', () => {
    const doc = parseArticle(bigArticle(3000, (p) => segmentText(p, 'en')).markdown);
    const pieces = [...jsonPieces(doc)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(JSON.stringify(doc));
  });

  it('leaves out and nulls what JSON.stringify does, and calls toJSON', () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol('x'), d: [undefined, () => 1, Symbol('y'), 1], e: new Date(Date.UTC(2018, 10, 13)) },
      [[[[1, { x: [2] }]]], {}, [], null, 'é “quoted”'],
      { nested: { deeper: { deepest: { toJSON: () => 'custom' } } }, 2024: 'index-like key' },
      'plain',
      42,
      null,
    ];
    for (const v of values) for (const depth of [0, 1, 2, 5]) expect([...jsonPieces(v, depth)].join(''), JSON.stringify(v)).toBe(JSON.stringify(v));
  });
});
