/**
 * What export and build list on the terminal for a project of more than a handful of articles:
 * a line per file up to 60, then the count of the rest (a newsroom's archive made tens of
 * thousands of lines); a build lists the files it changed, not those that were already as built.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { fakeTranslations } from '../../src/bench/returned.js';
import { tessera } from '../helpers/project.js';

const N = 25; // × 3 languages = 75 XLIFF files; × 3 formats = 75 English edition files
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-listing-'));
  mkdirSync(join(dir, 'source'));
  for (let i = 0; i < N; i++) {
    const a = article(i);
    writeFileSync(join(dir, 'source', `${a.slug}.md`), a.markdown);
  }
  expect(tessera(['--root', dir, 'segment']).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of `stderr` that name a file under `prefix`. */
const fileLines = (stderr: string, prefix: string): string[] => stderr.split('\n').filter((l) => l.startsWith(`  ${prefix}`));

describe('export', () => {
  it('lists 60 files and counts the rest', () => {
    const r = tessera(['--root', dir, 'export', '--out', 'out/xliff']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('export: 75 files (xliff12), 75 changed');
    const lines = fileLines(r.stderr, 'out/xliff/');
    expect(lines).toHaveLength(60);
    expect(lines[0]).toMatch(/^ {2}out\/xliff\/it\/story-00000\.xlf: \d+ units$/);
    expect(r.stderr).toContain('\n  …plus 15 files in out/xliff/\n');
  });

  it('with everything translated, one line per language says how many articles had nothing to send', () => {
    fakeTranslations(join(dir, 'out/xliff'), join(dir, 'returned'));
    const files = ['it', 'fr', 'ar'].flatMap((l) => Array.from({ length: N }, (_, i) => join(dir, 'returned', l, `story-${String(i).padStart(5, '0')}.xlf`)));
    expect(tessera(['--root', dir, '--quiet', 'import', ...files]).code).toBe(0);
    const r = tessera(['--root', dir, 'export', '--out', 'out/todo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('export: 0 files (xliff12), 0 changed\n  it: nothing to translate in 25 articles\n  fr: nothing to translate in 25 articles\n  ar: nothing to translate in 25 articles\n');
  });
});

describe('build', () => {
  it('lists the files it changed, up to 60, and counts the rest', () => {
    const first = tessera(['--root', dir, 'build', '--lang', 'en']);
    expect(first.code, first.stderr).toBe(0);
    expect(fileLines(first.stderr, 'out/editions/')).toHaveLength(60);
    expect(first.stderr).toContain('\n  …plus 15 edition files, not listed (--json lists every edition)\n');
    // One article edited: its three files are listed, and only they.
    const src = join(dir, 'source', 'story-00007.md');
    writeFileSync(src, readFileSync(src, 'utf8').replace(/\n\n([A-Z])/, '\n\nMeanwhile, $1'));
    expect(tessera(['--root', dir, '--quiet', 'segment']).code).toBe(0);
    const again = tessera(['--root', dir, 'build', '--lang', 'en']);
    expect(again.code, again.stderr).toBe(0);
    expect(fileLines(again.stderr, 'out/editions/')).toEqual(['html', 'md', 'txt'].map((f) => `  out/editions/en/story-00007.${f}`));
    expect(again.stderr).toContain('build: 75 edition files in out/editions/ (3 changed)');
    expect(again.stderr).toContain('\n  …plus 72 edition files, not listed');
  });
});
