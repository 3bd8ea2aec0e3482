/**
 * Import stages each language and article as soon as its file is merged, spilling to hidden
 * temporary files past the transaction's budget, and reads it back when a later file names the
 * same article and language. These tests hold it to the same results as one file in one go,
 * with everything in memory or everything spilled.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { Project } from '../../src/io/project.js';
import { memoryOutput, type StepContext } from '../../src/pipeline/context.js';
import { exportStep } from '../../src/pipeline/steps/export.js';
import { importStep } from '../../src/pipeline/steps/import.js';
import { segmentStep } from '../../src/pipeline/steps/segment.js';
import { snapshot } from '../helpers/project.js';

const REPO = process.cwd();
const SLUG = 'palermo-conference';
const ARTICLE = readFileSync(resolve(REPO, 'source', `${SLUG}.md`), 'utf8');

let root: string;
const at = (...p: string[]): string => join(root, ...p);

function context(stagingLimit?: number): StepContext & { output: ReturnType<typeof memoryOutput> } {
  return { project: new Project(root, stagingLimit === undefined ? {} : { stagingLimit }), output: memoryOutput() };
}

function translate(xlf: string, lang: string, prefix = `[${lang}] `): string {
  return xlf.replace(/(<source xml:lang="en">)(.*?)(<\/source>)/g, `$1$2$3<target xml:lang="${lang}" state="translated">${prefix}$2</target>`);
}

/** The file with only the trans-units whose index `keep` accepts. */
function units(xlf: string, keep: (i: number) => boolean): string {
  let i = 0;
  return xlf.replace(/\s*<trans-unit [\s\S]*?<\/trans-unit>/g, (u) => (keep(i++) ? u : ''));
}

/** Every file under locales/, and no hidden file left anywhere in the project. */
function locales(): Record<string, string> {
  const hidden = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.name.startsWith('.') && e.name !== '.cache' ? [join(d, e.name)] : e.isDirectory() && e.name !== '.cache' ? hidden(join(d, e.name)) : []));
  expect(hidden(root)).toEqual([]);
  return snapshot(at('locales'));
}

let exported: Record<'it' | 'fr', string>;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'tessera-import-'));
  mkdirSync(at('source'));
  writeFileSync(at('source', `${SLUG}.md`), ARTICLE);
  const ctx = context();
  await segmentStep(ctx, {});
  await exportStep(ctx, { lang: ['it', 'fr'], out: 'out/xliff' });
  exported = { it: readFileSync(at('out', 'xliff', 'it', `${SLUG}.xlf`), 'utf8'), fr: readFileSync(at('out', 'xliff', 'fr', `${SLUG}.xlf`), 'utf8') };
  mkdirSync(at('returned'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('import: one article and language in several files', () => {
  for (const limit of [undefined, 1]) {
    const how = limit === undefined ? 'staged in memory' : 'everything spilled to temporary files';
    it(`two halves in two files (and another language between them) end as the whole file would (${how})`, async () => {
      const whole = { it: translate(exported.it, 'it'), fr: translate(exported.fr, 'fr') };
      writeFileSync(at('returned', 'a.xlf'), whole.it);
      writeFileSync(at('returned', 'b.xlf'), whole.fr);
      const one = await importStep(context(limit), { files: ['returned/a.xlf', 'returned/b.xlf'] });
      expect(one.ok).toBe(true);
      const expected = locales();
      rmSync(at('locales', 'it'), { recursive: true });
      rmSync(at('locales', 'fr'), { recursive: true });
      rmSync(at('out', '.cache'), { recursive: true, force: true });

      const n = (exported.it.match(/<trans-unit /g) ?? []).length;
      writeFileSync(at('returned', 'a.xlf'), units(whole.it, (i) => i < n / 2));
      writeFileSync(at('returned', 'c.xlf'), units(whole.it, (i) => i >= n / 2));
      const ctx = context(limit);
      const split = await importStep(ctx, { files: ['returned/a.xlf', 'returned/b.xlf', 'returned/c.xlf'] });
      expect(split.ok).toBe(true);
      expect(ctx.output.stderr).not.toContain('qa/');
      expect(locales()).toEqual(expected);
      expect(split.written.sort()).toEqual(one.written.sort());
    });

    it(`a later file's translation wins, a later file cannot replace a translation an earlier one signed off, and a refused batch leaves nothing (${how})`, async () => {
      writeFileSync(at('returned', 'a.xlf'), translate(exported.it, 'it'));
      writeFileSync(at('returned', 'b.xlf'), translate(exported.it, 'it', '[it, again] '));
      const ctx = context(limit);
      expect((await importStep(ctx, { files: ['returned/a.xlf', 'returned/b.xlf'] })).ok).toBe(true);
      const it1 = JSON.parse(readFileSync(at('locales', 'it', `${SLUG}.json`), 'utf8')) as Record<string, string>;
      expect(Object.values(it1).every((t) => t.startsWith('[it, again] '))).toBe(true);
      rmSync(at('locales', 'it'), { recursive: true });
      rmSync(at('out', '.cache'), { recursive: true, force: true });

      writeFileSync(at('returned', 'a.xlf'), translate(exported.it, 'it').replace(/state="translated"/g, 'state="signed-off"'));
      const ctx2 = context(limit);
      expect((await importStep(ctx2, { files: ['returned/a.xlf', 'returned/b.xlf'] })).ok).toBe(false);
      expect(ctx2.output.stderr).toMatch(/returned\/b\.xlf:\d+:\d+: error: unit s[0-9a-f]{10}\S*: a reviewed translation exists/);
      const it2 = JSON.parse(readFileSync(at('locales', 'it', `${SLUG}.json`), 'utf8')) as Record<string, string>;
      expect(Object.values(it2).every((t) => t.startsWith('[it] '))).toBe(true);

      // Everything staged so far (spilled or not) goes when a later file is refused.
      const before = locales();
      writeFileSync(at('returned', 'a.xlf'), translate(exported.it, 'it', '[it, third] '));
      writeFileSync(at('returned', 'b.xlf'), translate(exported.fr, 'fr'));
      writeFileSync(at('returned', 'z.xlf'), '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>\n');
      await expect(importStep(context(limit), { files: ['returned/*.xlf'] })).rejects.toBeInstanceOf(InputError);
      expect(locales()).toEqual(before);
      expect(existsSync(at('locales', 'fr'))).toBe(false);
    });
  }
});

describe('import: files imported before are skipped while they and what they touched are unchanged', () => {
  const IT = `locales/it/${SLUG}.json`;
  const IT_STATE = `locales/it/${SLUG}.state.json`;
  const EN = `locales/en/${SLUG}.json`;
  const CACHED = '1 file unchanged since it was imported';
  const cacheFile = (): { engine: string; entries: Record<string, { fps: string[]; result: unknown; paths?: string[] }> } => JSON.parse(readFileSync(at('out', '.cache', 'import.json'), 'utf8'));

  /** Imports returned/a.xlf; whether it was read (its line in the report) or taken as cached, and what was written. */
  async function importA(): Promise<{ read: boolean; cached: boolean; written: string[] }> {
    const ctx = context();
    const r = await importStep(ctx, { files: ['returned/a.xlf'] });
    expect(r.ok, ctx.output.stderr).toBe(true);
    const read = ctx.output.stderr.includes(`returned/a.xlf → ${SLUG} (it):`);
    const cached = ctx.output.stderr.includes(CACHED);
    expect(read, ctx.output.stderr).toBe(!cached);
    return { read, cached, written: r.written };
  }

  beforeEach(() => {
    writeFileSync(at('returned', 'a.xlf'), translate(exported.it, 'it'));
  });

  it('the same file twice: cached the second time, nothing changed; the cache stores its lang/slug list and fingerprints, no paths', async () => {
    const first = await importA();
    expect(first).toMatchObject({ read: true });
    expect(first.written.sort()).toEqual([IT, IT_STATE].sort());
    const before = { ...locales(), en: readFileSync(at(EN), 'utf8') };
    const entry = cacheFile().entries['returned/a.xlf']!;
    expect(entry.result).toEqual([`it/${SLUG}`]);
    expect(entry.paths).toBeUndefined();
    expect(entry.fps).toHaveLength(5); // the file, the article, its English, the language's resources and states
    expect(entry.fps.every((fp) => /^\d+:\d+$/.test(fp))).toBe(true);
    expect(await importA()).toEqual({ read: false, cached: true, written: [] });
    expect({ ...locales(), en: readFileSync(at(EN), 'utf8') }).toEqual(before);
  });

  it("after the language's state file was edited, the file is read again, then cached again", async () => {
    await importA();
    const state = JSON.parse(readFileSync(at(IT_STATE), 'utf8')) as { segments: Record<string, { state: string }> };
    const first = Object.keys(state.segments)[0]!;
    state.segments[first]!.state = 'reviewed';
    writeFileSync(at(IT_STATE), JSON.stringify(state, null, 2) + '\n');
    const edited = locales();
    // The same translations at a lower state change nothing: read, and nothing written.
    expect(await importA()).toEqual({ read: true, cached: false, written: [] });
    expect(locales()).toEqual(edited);
    expect((await importA()).cached).toBe(true);
  });

  it('after the English resources were edited, the file is read again (and the English set right)', async () => {
    await importA();
    const en = readFileSync(at(EN), 'utf8');
    writeFileSync(at(EN), en.replace(/"\n}\n$/, ' (edited)"\n}\n'));
    expect(readFileSync(at(EN), 'utf8')).not.toBe(en);
    const again = await importA();
    expect(again).toMatchObject({ read: true, written: [EN] });
    expect(readFileSync(at(EN), 'utf8')).toBe(en);
    expect((await importA()).cached).toBe(true);
  });

  it('after the resources were edited, or the returned file changed, the file is read again', async () => {
    await importA();
    const it1 = readFileSync(at(IT), 'utf8');
    rmSync(at(IT));
    expect(await importA()).toMatchObject({ read: true, written: [IT] });
    expect(readFileSync(at(IT), 'utf8')).toBe(it1);
    writeFileSync(at('returned', 'a.xlf'), translate(exported.it, 'it', '[it, v2] '));
    expect(await importA()).toMatchObject({ read: true, written: [IT] });
    expect(readFileSync(at(IT), 'utf8')).toContain('[it, v2] ');
  });

  it('a cache written before (result true, with paths) does not stop the import: the file is imported again, then cached', async () => {
    await importA();
    const before = locales();
    // The entry as the previous format had it, every fingerprint still good.
    const old = cacheFile();
    const e = old.entries['returned/a.xlf']!;
    const paths = [at('returned', 'a.xlf'), at('source', `${SLUG}.md`), at(EN), at(IT), at(IT_STATE)];
    old.entries['returned/a.xlf'] = { fps: e.fps, result: true, paths };
    old.entries['returned/gone.xlf'] = { fps: ['1:1'], result: true, paths: [at('returned', 'gone.xlf')] };
    writeFileSync(at('out', '.cache', 'import.json'), JSON.stringify(old));
    expect(await importA()).toEqual({ read: true, cached: false, written: [] });
    expect(locales()).toEqual(before);
    const now = cacheFile().entries;
    expect(Object.keys(now)).toEqual(['returned/a.xlf']);
    expect(now['returned/a.xlf']).toEqual({ fps: e.fps, result: [`it/${SLUG}`] });
    expect((await importA()).cached).toBe(true);
  });
});
