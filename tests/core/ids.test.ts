import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignIds, hashId, normaliseForId } from '../../src/core/ids.js';
import { parseArticle } from '../../src/formats/article.js';

const ARTICLE_PATH = resolve(process.cwd(), 'source/palermo-conference.md');
const ARTICLE = readFileSync(ARTICLE_PATH, 'utf8');

const ids = (md: string): string[] => parseArticle(md, 'test.md').segments.map((s) => s.id);

describe('hashId', () => {
  it('gives the same id for the same text: s + 10 lower-case hex digits', () => {
    const a = hashId('The talks ended early.');
    expect(hashId('The talks ended early.')).toBe(a);
    expect(a).toMatch(/^s[0-9a-f]{10}$/);
  });

  it('gives different ids for different sentences', () => {
    expect(hashId('The talks ended early.')).not.toBe(hashId('The talks ended late.'));
    // Case and punctuation are part of the sentence.
    expect(hashId('The talks ended early.')).not.toBe(hashId('the talks ended early.'));
    expect(hashId('The talks ended early.')).not.toBe(hashId('The talks ended early!'));
  });

  it('ignores leading, trailing and repeated whitespace (spaces, tabs, line breaks, NBSP)', () => {
    const base = hashId('Haftar met Conte in Palermo.');
    expect(hashId('  Haftar met Conte in Palermo.  ')).toBe(base);
    expect(hashId('Haftar  met\tConte\nin   Palermo.')).toBe(base);
    expect(hashId('Haftar\r\nmet Conte in Palermo.')).toBe(base);
    // U+00A0 is whitespace for \s in JavaScript.
    expect(hashId('Haftar\u00a0met Conte in Palermo.')).toBe(base);
  });

  it('normalises to NFC: a decomposed accent hashes like the precomposed one', () => {
    const composed = 'Il caff\u00e8 \u00e8 pronto.';
    const decomposed = 'Il caffe\u0300 e\u0300 pronto.';
    expect(composed).not.toBe(decomposed);
    expect(hashId(decomposed)).toBe(hashId(composed));
    expect(normaliseForId(decomposed)).toBe(composed);
  });

  it('is s + the SHA-256 of the normalised text (first 10 hex digits)', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('a b', 'utf8').digest('hex').slice(0, 10);
    expect(hashId('  a \n b ')).toBe(`s${expected}`);
  });
});

describe('assignIds', () => {
  it('numbers repeats -2, -3 in order of appearance and leaves the first bare', () => {
    const out = assignIds(['He said so.', 'Other.', 'He said so.', 'He  said so.', 'Other.']);
    const h = hashId('He said so.');
    const o = hashId('Other.');
    expect(out).toEqual([h, o, `${h}-2`, `${h}-3`, `${o}-2`]);
  });

  it('gives unique ids for any list of sentences', () => {
    const texts = ['A.', 'B.', 'A.', 'A.', 'C.', 'B.'];
    const out = assignIds(texts);
    expect(new Set(out).size).toBe(texts.length);
  });

  it('is empty for no sentences', () => {
    expect(assignIds([])).toEqual([]);
  });

  it('numbers a repeated sentence inside a parsed article', () => {
    const md = '---\nslug: t\nlang: en\nheadline: Talks end\ndate: 2018-11-13\n---\n\nThe talks ended.\n\nThe talks ended.\n\nThe talks ended.\n';
    const got = ids(md);
    const h = hashId('The talks ended.');
    expect(got.slice(1)).toEqual([h, `${h}-2`, `${h}-3`]);
  });
});

describe('ids on the bundled article', () => {
  const original = ids(ARTICLE);

  it('are unique', () => {
    expect(new Set(original).size).toBe(original.length);
  });

  it('are stable: parsing the same text twice gives the same ids', () => {
    expect(ids(ARTICLE)).toEqual(original);
  });

  it('editing one sentence changes exactly that id', () => {
    const doc = parseArticle(ARTICLE, 'a.md');
    const target = doc.segments.find((s) => s.source.startsWith('Later, UN Libyan envoy'));
    expect(target, 'the bundled article has the "Later, UN Libyan envoy" sentence').toBeDefined();
    const edited = ARTICLE.replace('Later, UN Libyan envoy', 'Afterwards, UN Libyan envoy');
    expect(edited).not.toBe(ARTICLE);
    const after = ids(edited);
    expect(after).toHaveLength(original.length);
    const changed = after.map((id, i) => (id !== original[i] ? i : -1)).filter((i) => i >= 0);
    expect(changed).toEqual([original.indexOf(target!.id)]);
  });

  it('inserting a paragraph changes no other id', () => {
    const anchor = '\n\nThe exclusion of Turkey';
    expect(ARTICLE).toContain(anchor);
    const inserted = 'Reporters waited outside the villa for hours.';
    const edited = ARTICLE.replace(anchor, `\n\n${inserted}${anchor}`);
    const after = ids(edited);
    const added = hashId(inserted);
    expect(after).toContain(added);
    expect(after).toHaveLength(original.length + 1);
    // Remove the new sentence: what is left is the old list, in the same order.
    expect(after.filter((id) => id !== added)).toEqual(original);
  });

  it('deleting a paragraph changes no other id', () => {
    const para = 'And Turkish Vice-President Fuat Oktay pulled out before it ended, citing his exclusion from the morning mini-summit.\n\n';
    expect(ARTICLE).toContain(para);
    const doc = parseArticle(ARTICLE, 'a.md');
    const gone = doc.segments.filter((s) => para.includes(s.source)).map((s) => s.id);
    expect(gone.length).toBeGreaterThan(0);
    const after = ids(ARTICLE.replace(para, ''));
    expect(after).toEqual(original.filter((id) => !gone.includes(id)));
  });
});
