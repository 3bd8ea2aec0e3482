/**
 * The step caches (io/cache.ts) are saved in pieces: the file must still be exactly
 * JSON.stringify({ engine, entries }) with the entries in key order, and load back.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocCache, ENGINE, StepCache, fingerprint } from '../../src/io/cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Result = { words: number; title: string; tags: string[] };
interface Entry {
  fps: string[];
  result: Result;
  paths?: string[];
}

const OPTIONS = { lang: ['it', 'ar'], force: false };
const engineOf = (options: unknown): string => createHash('sha256').update(`${ENGINE}\n${JSON.stringify(options ?? null)}`).digest('hex').slice(0, 16);
const result = (i: number, run: number): Result => ({ words: i * run, title: `«Article» "${i}" \\ ليبيا 😀\n${run}`, tags: i % 2 ? [] : ['a', `b${i}`] });
/** The files a task touched: its own and one shared by all. */
const filesOf = (i: number): string[] => [join(dir, 'files', `f${i}.txt`), join(dir, 'files', 'shared.txt')];
const cacheFile = (step: string): string => join(dir, 'cache', `${step}.json`);

/** What save must write: the entries in key order, as JSON.stringify writes them, one per line. */
function expected(entries: Map<string, Entry>, options = OPTIONS): string {
  const lines = [...entries.keys()].sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(entries.get(k))}`);
  const text = `{"engine":${JSON.stringify(engineOf(options))},"entries":{\n${lines.join(',\n')}\n}}`;
  // The same data as one JSON.stringify of it.
  const sorted: Record<string, Entry> = {};
  for (const k of [...entries.keys()].sort()) sorted[k] = entries.get(k)!;
  expect(JSON.parse(text)).toEqual({ engine: engineOf(options), entries: sorted });
  return text;
}

/** An entry as save makes it for files named now. */
function entryOf(files: string[], r: Result, named: boolean): Entry {
  const e: Entry = { fps: files.map(fingerprint), result: r };
  if (!named) e.paths = files;
  return e;
}

function setUpFiles(n: number): void {
  mkdirSync(join(dir, 'files'));
  writeFileSync(filesOf(0)[1]!, 'shared');
  for (let i = 0; i < n; i++) writeFileSync(filesOf(i)[0]!, `file ${i}`);
}

describe('StepCache.save', () => {
  const N = 1_500;
  /** Keys that sort differently from their numbers, with characters JSON escapes. */
  const keyOf = (i: number): string => `${i % 2 === 0 ? 'keep' : 'drop'}/article-${i} "q" é`;

  for (const named of [false, true]) {
    it(`writes { engine, entries } as JSON, an entry a line in key order, for fresh, kept and unseen entries, and loads back (namedFiles: ${named})`, () => {
      setUpFiles(N);
      // First run: every task done, in an order that is not the keys' order.
      const first = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: named, keepUnseen: (k) => k.startsWith('keep/') });
      const run1 = new Map<string, Entry>();
      for (let i = N - 1; i >= 0; i--) {
        first.set(keyOf(i), i % 2 ? filesOf(i) : () => filesOf(i), result(i, 1));
        run1.set(keyOf(i), entryOf(filesOf(i), result(i, 1), named));
      }
      first.save();
      const text1 = readFileSync(cacheFile('step'), 'utf8');
      expect(text1.length).toBeGreaterThan(3 * 2 ** 16); // several pieces
      expect(text1).toBe(expected(run1));

      // Second run: a third asked for and unchanged (kept), a third redone (fresh, some of
      // them after their file changed), a third not looked at (unseen: kept when keepUnseen
      // says so, else dropped); and tasks that are new.
      for (let i = 0; i < N; i += 7) if (i % 3 !== 2) writeFileSync(filesOf(i)[0]!, `file ${i}, longer now`);
      const second = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: named, keepUnseen: (k) => k.startsWith('keep/') });
      const run2 = new Map<string, Entry>();
      let hits = 0;
      for (let i = 0; i < N; i++) {
        const k = keyOf(i);
        if (i % 3 === 0 || i % 3 === 1) {
          const r = second.get(k, named ? filesOf(i) : undefined);
          if (i % 7 === 0) expect(r, k).toBeUndefined();
          else {
            expect(r, k).toEqual(result(i, 1));
            hits++;
          }
          if (r && i % 3 === 0) run2.set(k, run1.get(k)!);
          else {
            second.set(k, filesOf(i), result(i, 2));
            run2.set(k, entryOf(filesOf(i), result(i, 2), named));
          }
        } else if (k.startsWith('keep/')) run2.set(k, run1.get(k)!);
      }
      for (let i = N; i < N + 100; i++) {
        writeFileSync(join(dir, 'files', `f${i}.txt`), `new ${i}`);
        second.set(keyOf(i), filesOf(i), result(i, 2));
        run2.set(keyOf(i), entryOf(filesOf(i), result(i, 2), named));
      }
      expect(hits).toBeGreaterThan(500);
      second.save();
      const text2 = readFileSync(cacheFile('step'), 'utf8');
      expect(text2).toBe(expected(run2));
      const unseen = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 2);
      expect(unseen.filter((i) => text2.includes(JSON.stringify(keyOf(i)))).every((i) => i % 2 === 0)).toBe(true);
      expect(unseen.filter((i) => text2.includes(JSON.stringify(keyOf(i)))).length).toBe(unseen.filter((i) => i % 2 === 0).length);

      // Loaded again, each entry's result comes back while its files are as they were.
      const third = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: named });
      for (const [k, e] of run2) {
        const i = Number(/article-(\d+)/.exec(k)![1]);
        expect(third.get(k, named ? filesOf(i) : undefined), k).toEqual(e.result);
      }
      // Without the files, a cache of named files cannot check (and gives nothing).
      if (named) expect(third.get(keyOf(1))).toBeUndefined();
      writeFileSync(filesOf(1)[1]!, 'the shared file changed');
      expect(third.get(keyOf(1), named ? filesOf(1) : undefined)).toBeUndefined();
      // Other options: another engine, nothing cached.
      expect(new StepCache<Result>(join(dir, 'cache'), 'step', { ...OPTIONS, force: true }, true, { namedFiles: named }).get(keyOf(3), named ? filesOf(3) : undefined)).toBeUndefined();
    });
  }

  it('without keepUnseen, entries not looked at are dropped; fingerprintOnSet stores the fingerprints taken at set', () => {
    setUpFiles(20);
    const first = new StepCache<Result>(join(dir, 'cache'), 'build', OPTIONS, true, { namedFiles: true, fingerprintOnSet: true });
    const run1 = new Map<string, Entry>();
    for (let i = 0; i < 20; i++) {
      first.set(keyOf(i), filesOf(i), result(i, 1));
      run1.set(keyOf(i), entryOf(filesOf(i), result(i, 1), true));
    }
    // Taken at set: a change after it is not seen by save.
    writeFileSync(filesOf(0)[0]!, 'changed after set, before save');
    first.save();
    expect(readFileSync(cacheFile('build'), 'utf8')).toBe(expected(run1));
    const second = new StepCache<Result>(join(dir, 'cache'), 'build', OPTIONS, true, { namedFiles: true });
    const run2 = new Map<string, Entry>();
    for (let i = 1; i < 20; i += 2) {
      expect(second.get(keyOf(i), filesOf(i))).toEqual(result(i, 1));
      run2.set(keyOf(i), run1.get(keyOf(i))!);
    }
    second.save();
    expect(readFileSync(cacheFile('build'), 'utf8')).toBe(expected(run2));
  });

  it("with `fingerprint`, save takes the inputs' fingerprints from it (a step's memo), and still checks outputs for presence", () => {
    setUpFiles(3);
    const out = join(dir, 'out');
    mkdirSync(out);
    const outputOf = (i: number): string => join(out, `o${i}.xlf`);
    const asked: string[] = [];
    const memo = (path: string): string => {
      asked.push(path);
      return `memo:${path.slice(dir.length)}`;
    };
    const cache = new StepCache<Result>(join(dir, 'cache'), 'export', OPTIONS, true, { namedFiles: true, outputs: (p) => p.startsWith(out), fingerprint: memo });
    for (let i = 0; i < 3; i++) cache.set(keyOf(i), [...filesOf(i), outputOf(i)], result(i, 1));
    writeFileSync(outputOf(1), 'written by the step');
    cache.save();
    const saved = JSON.parse(readFileSync(cacheFile('export'), 'utf8')) as { entries: Record<string, Entry> };
    expect(saved.entries[keyOf(1)]!.fps).toEqual(['memo:/files/f1.txt', 'memo:/files/shared.txt', '+']);
    expect(saved.entries[keyOf(2)]!.fps).toEqual(['memo:/files/f2.txt', 'memo:/files/shared.txt', '-']);
    expect(asked.filter((p) => p.startsWith(out))).toEqual([]);
    expect(asked).toHaveLength(6);
  });

  it('a run that only found every entry unchanged leaves the file alone', () => {
    setUpFiles(5);
    const first = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: true });
    for (let i = 0; i < 5; i++) first.set(keyOf(i), filesOf(i), result(i, 1));
    first.save();
    const ino = statSync(cacheFile('step')).ino; // a save renames a new file into place
    const second = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: true });
    for (let i = 0; i < 5; i++) expect(second.get(keyOf(i), filesOf(i))).toEqual(result(i, 1));
    second.save();
    expect(statSync(cacheFile('step')).ino).toBe(ino);
  });
});

describe('StepCache.entryTexts', () => {
  /** Keys with what JSON escapes (quotes, backslashes, a line break) and what it does not. */
  const keyOf = (i: number): string => [`story-${i}`, `a "quoted" \\ key ${i}`, `é ليبيا ${i}\n`, `2024-${i}`][i % 4]!;

  it('gives each entry of the previous run as the JSON text of what peek gives, without parsing the file', () => {
    setUpFiles(40);
    const first = new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: true });
    for (let i = 0; i < 40; i++) first.set(keyOf(i), filesOf(i), result(i, 1));
    first.save();
    const again = (): StepCache<Result> => new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, true, { namedFiles: true });
    const texts = again().entryTexts()!;
    const peeked = again();
    expect([...texts.keys()].sort()).toEqual(Array.from({ length: 40 }, (_, i) => keyOf(i)).sort());
    for (const [k, text] of texts) expect(JSON.parse(text)).toEqual(peeked.peek(k));
    // None with --force, and none from a cache made with other options (as peek).
    expect(new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS, false).entryTexts()!.size).toBe(0);
    expect(new StepCache<Result>(join(dir, 'cache'), 'step', { other: true }).entryTexts()!.size).toBe(0);
    // An empty cache.
    new StepCache<Result>(join(dir, 'cache'), 'empty', OPTIONS, true, { namedFiles: true, keepUnseen: () => false }).save();
    const empty = join(dir, 'cache', 'empty.json');
    writeFileSync(empty, `{"engine":${JSON.stringify(engineOf(OPTIONS))},"entries":{\n}}`);
    expect(new StepCache<Result>(join(dir, 'cache'), 'empty', OPTIONS).entryTexts()!.size).toBe(0);
  });

  it('says so (undefined) for a file of the earlier layout, all on one line, and for a cut-off file', () => {
    mkdirSync(join(dir, 'cache'));
    const entries = { 'story-1': { fps: ['1:2'], result: result(1, 1) } };
    writeFileSync(cacheFile('step'), JSON.stringify({ engine: engineOf(OPTIONS), entries }));
    expect(new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS).entryTexts()).toBeUndefined();
    // What peek reads from it is still there (the caller falls back to it).
    expect(new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS).peek('story-1')).toEqual(entries['story-1']);
    writeFileSync(cacheFile('step'), `{"engine":${JSON.stringify(engineOf(OPTIONS))},"entries":{\n"story-1":${JSON.stringify(entries['story-1'])},\n"story-2":{"fps"`);
    expect(new StepCache<Result>(join(dir, 'cache'), 'step', OPTIONS).entryTexts()).toBeUndefined();
  });
});

describe('StepCache outputs', () => {
  it('checks a task\'s outputs for presence: a missing one redoes the task, one changed in place does not', () => {
    setUpFiles(3);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'it'), { recursive: true });
    const outputOf = (i: number): string => join(out, 'it', `a${i}.txt`);
    const filesOfTask = (i: number): string[] => [...filesOf(i), outputOf(i)];
    const open = (): StepCache<Result> => new StepCache<Result>(join(dir, 'cache'), 'out', OPTIONS, true, { namedFiles: true, fingerprintOnSet: true, outputs: (p) => p.startsWith(out) });
    // First run: tasks 0 and 1 write their output, task 2 writes none.
    const first = open();
    for (let i = 0; i < 3; i++) expect(first.get(`t${i}`, filesOfTask(i))).toBeUndefined();
    writeFileSync(outputOf(0), 'zero');
    writeFileSync(outputOf(1), 'one');
    for (let i = 0; i < 3; i++) first.set(`t${i}`, filesOfTask(i), result(i, 1));
    first.save();
    const hits = (): boolean[] => {
      const c = open();
      return [0, 1, 2].map((i) => c.get(`t${i}`, filesOfTask(i)) !== undefined);
    };
    expect(hits()).toEqual([true, true, true]);
    // Changed in place, even to another size: still there, nothing to redo.
    writeFileSync(outputOf(0), 'zero, edited by hand');
    expect(hits()).toEqual([true, true, true]);
    // Deleted: its task is redone; made where there was none: that task too.
    rmSync(outputOf(1));
    writeFileSync(outputOf(2), 'two');
    expect(hits()).toEqual([true, false, false]);
    // An input changed: redone, as ever.
    rmSync(outputOf(2));
    writeFileSync(outputOf(1), 'one');
    writeFileSync(filesOf(0)[0]!, 'file 0, changed');
    expect(hits()).toEqual([false, true, true]);
    // The output folder gone: every task with an output redone, the one without none kept.
    rmSync(out, { recursive: true });
    expect(hits()).toEqual([false, false, true]);
  });
});

describe('DocCache.key', () => {
  it('hashes a long text in pieces as the whole, a surrogate pair across the million-character mark', () => {
    const text = 'x'.repeat(2 ** 20 - 1) + '😀' + 'ليبيا «é»'.repeat(500);
    expect(text.charCodeAt(2 ** 20 - 1)).toBe(0xd83d);
    const whole = createHash('sha256').update(Buffer.from(`${ENGINE}\n${text}`, 'utf8')).digest('hex');
    expect(new DocCache(dir).key(text)).toBe(whole);
    expect(new DocCache(dir).key('short')).toBe(createHash('sha256').update(`${ENGINE}\nshort`).digest('hex'));
  });
});
