/**
 * `import` killed at any moment: once the next command has opened the project (which finishes
 * or undoes an interrupted commit, io/fs.ts), locales/ is byte for byte what it was before the
 * import or what a finished import leaves — never a mix — and no temporary file is left.
 * Drives the built binary on a generated corpus; kills by timing and at the commit itself.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { fakeTranslations } from '../../src/bench/returned.js';
import { BIN, snapshot, tessera } from '../helpers/project.js';

const N = 120;
let base: string;
let template: string;
let before: Record<string, string>;
let after: Record<string, string>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tessera-kill-'));
  template = join(base, 'template');
  mkdirSync(join(template, 'source'), { recursive: true });
  for (let i = 0; i < N; i++) {
    const a = article(i);
    writeFileSync(join(template, 'source', `${a.slug}.md`), a.markdown);
  }
  for (const args of [['segment'], ['export', '--lang', 'it,fr,ar', '--out', 'out/xliff']]) {
    const r = tessera(['--root', template, '--quiet', ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
  fakeTranslations(join(template, 'out/xliff'), join(template, 'returned'));
  // The languages' folders there already (empty): the import's commit renames its 360 files one
  // by one, a window the kill 'as its journal is committed' can hit. (Into new folders, it
  // renames three folders: tests/io/fs.test.ts recovers those.)
  for (const lang of ['it', 'fr', 'ar']) mkdirSync(join(template, 'locales', lang));
  before = snapshot(join(template, 'locales'));
  const done = copy('done');
  const r = tessera(['--root', done, '--quiet', 'import', 'returned/*/*.xlf']);
  expect(r.code, r.stderr).toBe(0);
  after = snapshot(join(done, 'locales'));
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = join(base, name);
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Starts an import and kills it when `when` says so; resolves to whether the journal was left behind. */
function killedImport(dir: string, when: { ms: number } | { journal: 'written' | 'committed' }): Promise<{ killed: boolean; journalLeft: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--root', dir, '--quiet', 'import', 'returned/*/*.xlf'], { stdio: 'ignore' });
    const journal = join(dir, `.tessera-journal.${child.pid}`);
    let timer: NodeJS.Timeout | undefined;
    const kill = (): void => void child.kill('SIGKILL');
    if ('ms' in when) timer = setTimeout(kill, when.ms);
    else {
      const poll = (): void => {
        let text: string | undefined;
        try {
          text = readFileSync(journal, 'utf8');
        } catch {
          text = undefined;
        }
        if (text !== undefined && (when.journal === 'written' || text.includes('"committed":true'))) kill();
        else if (child.exitCode === null) timer = setImmediate(poll) as unknown as NodeJS.Timeout;
      };
      poll();
    }
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', journalLeft: existsSync(journal) });
    });
  });
}

describe('a killed import', () => {
  const cases: [string, { ms: number } | { journal: 'written' | 'committed' }][] = [
    ['after 100 ms', { ms: 100 }],
    ['after 400 ms', { ms: 400 }],
    ['after 900 ms', { ms: 900 }],
    ['after 1600 ms', { ms: 1600 }],
    ['as its journal is written (temporary files being written)', { journal: 'written' }],
    ['as its journal is committed (files being renamed)', { journal: 'committed' }],
  ];
  const left: boolean[] = [];

  it.each(cases)('leaves locales/ as before or as after, never a mix: killed %s', async (_name, when) => {
    const dir = copy(`run-${left.length}`);
    const run = await killedImport(dir, when);
    left.push(run.journalLeft);
    // The next command opens the project, and with it finishes or undoes the commit.
    const st = tessera(['--root', dir, 'status', '--json']);
    expect(st.code, st.stderr).toBe(0);
    const now = snapshot(join(dir, 'locales'));
    expect(Object.keys(now).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tessera-journal'))).toEqual([]);
    const same = JSON.stringify(now) === JSON.stringify(before) ? 'before' : JSON.stringify(now) === JSON.stringify(after) ? 'after' : 'a mix';
    expect(same, run.killed ? 'killed' : 'finished before the kill').not.toBe('a mix');
    if ('journal' in when) expect(run.killed).toBe(true);
  }, 60_000);

  it('was killed inside a commit at least once (the journal was left for the next command)', () => {
    expect(left.some(Boolean)).toBe(true);
  });
});
