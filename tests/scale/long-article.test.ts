/**
 * `segment` on one long article (more than one micromark piece, formats/article.ts) through the
 * built binary: the English resources and the document cache hold what one parse of the whole
 * body gives, `--force` writes the same bytes again, and the target languages' translations
 * still follow an edited sentence.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigArticle } from '../../src/bench/corpus.js';
import { stableJson } from '../../src/core/json.js';
import { PIECE, parseArticle } from '../../src/formats/article.js';
import { segmentText } from '../../src/segment/index.js';
import { snapshot, tessera } from '../helpers/project.js';

const big = bigArticle(3000, (p) => segmentText(p, 'en'));
let dir: string;

/** The one document in out/.cache/docs. */
function cachedDoc(root: string): string {
  const docs = join(root, 'out/.cache/docs');
  const [sub] = readdirSync(docs);
  const [file] = readdirSync(join(docs, sub!));
  return readFileSync(join(docs, sub!, file!), 'utf8');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-long-'));
  mkdirSync(join(dir, 'source'));
  writeFileSync(join(dir, 'source/big.md'), big.markdown);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('segment on a long article', () => {
  const whole = parseArticle(big.markdown, 'source/big.md', { piece: Infinity });

  it('writes the English and the document cache of one parse of the whole body', () => {
    expect(big.markdown.length).toBeGreaterThan(3 * PIECE);
    const r = tessera(['--root', dir, '--quiet', 'segment']);
    expect(r.code, r.stderr).toBe(0);
    const en: Record<string, string> = {};
    for (const s of whole.segments) en[s.id] = s.source;
    expect(readFileSync(join(dir, 'locales/en/big.json'), 'utf8')).toBe(stableJson(en));
    expect(cachedDoc(dir)).toBe(JSON.stringify(whole));
    // No target language holds anything yet: no file for them.
    expect(readdirSync(join(dir, 'locales'))).toEqual(['en']);
  });

  it('--force writes the same bytes', () => {
    const before = snapshot(dir);
    const doc = cachedDoc(dir);
    const r = tessera(['--root', dir, '--quiet', 'segment', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(cachedDoc(dir)).toBe(doc);
  });

  it('an edited sentence turns its Italian translation into a stale suggestion', () => {
    const seg = whole.segments[10]!;
    mkdirSync(join(dir, 'locales/it'), { recursive: true });
    writeFileSync(join(dir, 'locales/it/big.json'), stableJson({ [seg.id]: 'Traduzione.' }));
    writeFileSync(join(dir, 'source/big.md'), big.markdown.replace(seg.source, seg.source.replace(/\.$/, ', they said.')));
    const r = tessera(['--root', dir, '--quiet', 'segment']);
    expect(r.code, r.stderr).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'locales/it/big.state.json'), 'utf8')) as { segments: Record<string, { state: string; suggestion?: string; previousSource?: string }> };
    const units = Object.values(state.segments);
    expect(units).toEqual([{ state: 'stale', provenance: 'human', suggestion: 'Traduzione.', previousSource: seg.source }]);
  });
});
