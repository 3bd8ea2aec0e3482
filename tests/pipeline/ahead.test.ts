/**
 * Fingerprints taken ahead (pipeline/ahead.ts): a step process started ahead of its turn looks
 * at the project's files while the step before it runs, and its cache checks take what it saw
 * only when its parent says the step before wrote nothing; its own first commit forgets them.
 */
import { fork } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { fakeTranslations, files } from '../../src/bench/returned.js';
import { fingerprint } from '../../src/io/cache.js';
import { FileTransaction, filesCommitted, fingerprintAhead, listingAhead, recoverJournal, setSeenAhead } from '../../src/io/fs.js';
import { Project, projectFilesAhead, shardOf } from '../../src/io/project.js';
import { lookAhead } from '../../src/pipeline/ahead.js';
import { REPO, tessera } from '../helpers/project.js';

const STEP_MAIN = join(REPO, 'dist/pipeline/step-main.js');
const STATUS = { name: 'status', options: {} };

const dirs: string[] = [];
afterEach(() => {
  setSeenAhead(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project of `n` generated articles, segmented and with a status cache (each run's first look is done). */
function corpus(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-ahead-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'source'));
  for (let i = 0; i < n; i++) {
    const a = article(i);
    writeFileSync(join(dir, 'source', `${a.slug}.md`), a.markdown);
  }
  for (const args of [['segment'], ['export', '--lang', 'it,fr', '--out', 'out/xliff']]) {
    const r = tessera(['--root', dir, ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
  // Translations of every article, so that the language folders hold resources and states.
  fakeTranslations(join(dir, 'out/xliff'), join(dir, 'returned'));
  const returned = files(join(dir, 'returned'), '.xlf');
  expect(returned.length).toBe(2 * n);
  const r = tessera(['--root', dir, 'import', ...returned]);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** The status step in a process started ahead: resolves once it has looked; `go` gives it its turn. */
async function waitingStatus(dir: string): Promise<{ looked: number; go: (unchanged: boolean) => Promise<{ code: number | null; stdout: string; stderr: string }> }> {
  const globals = { root: dir, quiet: true, color: false, force: false };
  const step = { name: 'status', options: { format: 'json' } };
  const child = fork(STEP_MAIN, [JSON.stringify(globals), JSON.stringify(step), 'wait'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const looked = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { looked?: number }) => {
      if (m.looked !== undefined) resolve(m.looked);
    });
    child.on('close', () => reject(new Error(`the step process ended before its turn: ${stderr}`)));
  });
  return {
    looked,
    go: (unchanged) => {
      child.send({ go: true, unchanged });
      return ended;
    },
  };
}

describe('projectFilesAhead and lookAhead', () => {
  it("name every article file as the steps do, with the fingerprints a look gives, and only the shard's", async () => {
    const dir = corpus(12);
    const project = new Project(dir);
    const slugs = project.articleFiles().map((p) => p.slice(project.sourceDir.length + 1, -3));
    const expected: string[] = [];
    for (const slug of slugs) {
      expected.push(project.sourcePath(slug));
      for (const lang of ['en', 'it', 'fr'] as const) {
        for (const p of [project.resourcesPath(lang, slug), project.statePath(lang, slug)]) {
          if (readdirSync(join(dir, 'locales', lang)).includes(p.slice(p.lastIndexOf('/') + 1))) expected.push(p);
        }
      }
    }
    expect(expected.length).toBeGreaterThan(12 * 4);
    const listed = projectFilesAhead(dir).flatMap(({ dir: d, names }) => names.map((n) => `${d}/${n}`));
    expect(listed.sort()).toEqual(expected.sort());

    const looks = await lookAhead({ root: dir, quiet: true, color: false, force: false }, STATUS, () => true);
    expect(looks.size).toBe(expected.length);
    for (const p of expected) expect(looks.fingerprint(p), p).toBe(fingerprint(p));
    expect(looks.fingerprint(join(dir, 'source', 'nothing.md'))).toBeUndefined();
    expect(looks.fingerprint(join(dir, 'locales', 'de', `${slugs[0]}.json`))).toBeUndefined();

    const half = projectFilesAhead(dir, [1, 2]).flatMap(({ dir: d, names }) => names.map((n) => `${d}/${n}`));
    const inShard = slugs.filter((s) => shardOf(s, 2) === 1);
    expect(inShard.length).toBeGreaterThan(0);
    expect(inShard.length).toBeLessThan(slugs.length);
    expect(half.sort()).toEqual(expected.filter((p) => inShard.some((s) => p.includes(`/${s}.`))).sort());
  });

  it("takes the step's own first: export's and build's output folders listed, import's returned files looked at", async () => {
    const dir = corpus(4);
    const globals = { root: dir, quiet: true, color: false, force: false };
    const articleFiles = projectFilesAhead(dir).reduce((n, f) => n + f.names.length, 0);
    const exp = await lookAhead(globals, { name: 'export', options: {} }, () => true); // out/xliff by default
    expect(exp.listing(join(dir, 'out/xliff'))).toEqual(new Set(['it', 'fr']));
    expect(exp.listing(join(dir, 'out/xliff/fr'))).toEqual(new Set(readdirSync(join(dir, 'out/xliff/fr'))));
    expect(exp.listing(join(dir, 'out/xliff/fr'))?.size).toBe(4);
    expect(exp.size).toBe(articleFiles);
    const elsewhere = await lookAhead(globals, { name: 'export', options: { out: 'returned' } }, () => true);
    expect(elsewhere.listing(join(dir, 'out/xliff'))).toBeUndefined();
    expect(elsewhere.listing(join(dir, 'returned/it'))?.size).toBe(4);

    const imp = await lookAhead(globals, { name: 'import', options: { files: ['returned/*/*.xlf', 'returned/it/not-there.xlf'] } }, () => true);
    const returned = files(join(dir, 'returned'), '.xlf');
    for (const f of returned) expect(imp.fingerprint(f), f).toBe(fingerprint(f));
    expect(imp.fingerprint(join(dir, 'returned/it/not-there.xlf'))).toBeUndefined();
    expect(imp.size).toBe(articleFiles + returned.length);

    // Not built yet: no folder to list, and nothing said about it.
    expect((await lookAhead(globals, { name: 'build', options: {} }, () => true)).listing(join(dir, 'out/editions'))).toBeUndefined();
  });

  it('stops when its turn comes: what it has not looked at is looked at by the step', async () => {
    const dir = corpus(3);
    const all = projectFilesAhead(dir).reduce((n, f) => n + f.names.length, 0);
    let asked = 0;
    const looks = await lookAhead({ root: dir, quiet: true, color: false, force: false }, STATUS, () => ++asked <= 3, 5);
    expect(all).toBeGreaterThan(10);
    expect(looks.size).toBe(10); // asked before it starts, once it has listed, then after each 5 files
    expect((await lookAhead({ root: dir, quiet: true, color: false, force: false }, STATUS, () => false)).size).toBe(0);
  });

  it('a file that cannot be looked at (a loop of links) is left to the step, and the rest is looked at', async () => {
    const dir = corpus(3);
    const loop = join(dir, 'locales', 'fr', `${article(1).slug}.state.json`);
    rmSync(loop);
    symlinkSync(loop, loop);
    expect(() => statSync(loop, { throwIfNoEntry: false })).toThrow(/ELOOP/);
    const looks = await lookAhead({ root: dir, quiet: true, color: false, force: false }, STATUS, () => true);
    expect(looks.fingerprint(loop)).toBeUndefined();
    expect(looks.size).toBe(projectFilesAhead(dir).reduce((n, f) => n + f.names.length, 0) - 1);
  });

  it('no source/ folder: nothing looked at, nothing thrown (the step tells)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-ahead-'));
    dirs.push(dir);
    expect((await lookAhead({ root: dir, quiet: true, color: false, force: false }, STATUS, () => true)).size).toBe(0);
  });
});

describe('fingerprints taken ahead', () => {
  it('are what `fingerprint` gives until this process commits a file; the commit is counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-ahead-'));
    dirs.push(dir);
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'one\n');
    setSeenAhead({ fingerprint: (p) => (p === file ? 'seen-before' : undefined), listing: (d) => (d === dir ? new Set(['a.txt']) : undefined) });
    expect(fingerprint(file)).toBe('seen-before');
    expect(fingerprintAhead(join(dir, 'b.txt'))).toBeUndefined();
    expect(listingAhead(dir)).toEqual(new Set(['a.txt']));
    const before = filesCommitted();
    const tx = new FileTransaction();
    tx.write(join(dir, 'b.txt'), 'two\n');
    tx.commit();
    expect(filesCommitted()).toBe(before + 1);
    expect(fingerprintAhead(file)).toBeUndefined();
    expect(listingAhead(dir)).toBeUndefined();
    expect(fingerprint(file)).toMatch(/^4:\d+$/);
  });

  it('recovering a journal a killed process left forgets them too, and counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-ahead-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.a.txt.99.tmp'), 'half-written');
    writeFileSync(join(dir, '.tessera-journal.99'), JSON.stringify({ committed: false, renames: [['.a.txt.99.tmp', 'a.txt']] }));
    setSeenAhead({ fingerprint: () => 'seen-before', listing: () => undefined });
    const before = filesCommitted();
    expect(recoverJournal(join(dir, '.tessera-journal.99'))).toBe('rolled-back');
    expect(fingerprintAhead(join(dir, 'a.txt'))).toBeUndefined();
    expect(filesCommitted()).toBe(before + 1);
  });

  it('a commit that changes nothing forgets nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-ahead-'));
    dirs.push(dir);
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'one\n');
    setSeenAhead({ fingerprint: () => 'seen-before', listing: () => undefined });
    const before = filesCommitted();
    const tx = new FileTransaction();
    tx.write(file, 'one\n');
    expect(tx.commit()).toEqual([]);
    expect(filesCommitted()).toBe(before);
    expect(fingerprint(file)).toBe('seen-before');
  });

  it("a step started ahead: a file changed after its look is seen as changed when the step before wrote, as it was when that wrote nothing", async () => {
    const dir = corpus(6);
    const baseline = tessera(['--root', dir, 'status', '--format', 'json']);
    expect(baseline.code, baseline.stderr).toBe(0);
    const source = join(dir, 'source', `${article(2).slug}.md`);

    // The step before "wrote": the changed article is counted again.
    let waiting = await waitingStatus(dir);
    expect(waiting.looked).toBeGreaterThanOrEqual(6 * 3);
    appendFileSync(source, '\nA sentence added while the step waited. And a second one.\n');
    const changed = await waiting.go(false);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).not.toBe(baseline.stdout);
    expect(changed.stdout).toBe(tessera(['--root', dir, 'status', '--format', 'json']).stdout);

    // The step before wrote nothing: the step takes what it looked at (here, an edit made
    // meanwhile by someone else, which it sees as it was — as a run would have seen it a moment before).
    waiting = await waitingStatus(dir);
    appendFileSync(source, '\nOne more sentence.\n');
    const unchanged = await waiting.go(true);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toBe(changed.stdout);
    expect(tessera(['--root', dir, 'status', '--format', 'json']).stdout).not.toBe(changed.stdout);
  });

  // Its look ahead happens while the import runs, before the import's commit (as it does here
  // on 30 articles): with the parent's word ignored, the French rows came from the cache, unchanged.
  it('in a run: the status step started ahead of an import that writes counts what the import wrote, as in one process', () => {
    const N = 30;
    const reports = ['1', '1000000'].map((isolateFrom) => {
      const dir = corpus(N);
      const first = tessera(['--root', dir, 'status', '--format', 'json']); // rows cached, as after any run
      expect(first.code, first.stderr).toBe(0);
      // The French come back again, now final: the import rewrites every French state file.
      for (const f of files(join(dir, 'returned', 'fr'), '.xlf')) writeFileSync(f, readFileSync(f, 'utf8').replaceAll('state="translated"', 'state="final"'));
      mkdirSync(join(dir, 'pipelines'));
      writeFileSync(join(dir, 'pipelines', 'back.yaml'), 'description: import, then status\nsteps:\n  - import:\n      files: returned/*/*.xlf\n  - status:\n      format: json\n');
      const r = tessera(['--root', dir, 'run', 'back'], { env: { TESSERA_ISOLATE_FROM: isolateFrom } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`import: ${2 * N} files, ${N} project files updated\n`));
      expect(r.stdout).not.toBe(first.stdout);
      return r.stdout;
    });
    expect(reports[0]).toBe(reports[1]);
    const report = JSON.parse(reports[0]!) as { articles: { languages: Record<string, { segments: { final: number; total: number } }> }[] };
    expect(report.articles).toHaveLength(N);
    for (const a of report.articles) expect(a.languages.fr!.segments.final).toBe(a.languages.fr!.segments.total);
  });
});

