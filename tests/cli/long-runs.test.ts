/**
 * Thousands of file names on the command line (an unquoted pattern the shell expands) are
 * folded before yargs parses them and put back after (cli/main.ts): the command gets every
 * name, in order, wherever the run stands among the options.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLongRuns, unfoldRuns } from '../../src/cli/main.js';
import { REPO, tessera } from '../helpers/project.js';

const names = (n: number, prefix = 'f'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.xlf`);

/** The arguments as they were, from the folded ones (each placeholder replaced by its run). */
function unfoldedArgs(folded: ReturnType<typeof foldLongRuns>): string[] {
  const argv: Record<string, unknown> = { all: folded.args };
  unfoldRuns(argv, folded.runs);
  return argv.all as string[];
}

describe('foldLongRuns', () => {
  const cases: Record<string, string[]> = {
    'a run after the command': ['import', ...names(500)],
    'after global options with values, before a flag': ['--root', 'project', '-j', '2', 'import', ...names(300), '--strict'],
    'two runs, an option between them': ['validate', ...names(100, 'a'), '--json', ...names(70, 'b')],
    'a short run is left alone': ['import', ...names(63)],
    'after --': ['import', '--', '-odd-name.xlf', ...names(90)],
  };
  for (const [what, args] of Object.entries(cases)) {
    it(`gives the same arguments back: ${what}`, () => {
      const folded = foldLongRuns(args);
      expect(unfoldedArgs(folded)).toEqual(args);
      expect(folded.runs.length > 0).toBe(!what.includes('left alone'));
      // No option is ever folded, and the first two names of a run stay where they were.
      for (const a of args) if (a.startsWith('-')) expect(folded.args).toContain(a);
    });
  }

  it('restores the values of every array argument that holds a placeholder, and leaves the rest alone', () => {
    const folded = foldLongRuns(['import', ...names(200)]);
    const argv: Record<string, unknown> = { _: ['import'], files: folded.args.slice(1), quiet: false, root: '.' };
    unfoldRuns(argv, folded.runs);
    expect(argv.files).toEqual(names(200));
    expect(argv._).toEqual(['import']);
    expect(argv.root).toBe('.');
  });
});

describe('a command given thousands of files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-long-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets every one, in the order given, and reports on each', () => {
    const list = names(2000);
    for (const f of list) copyFileSync(join(REPO, 'tests/fixtures/returned/it/palermo-conference.xlf'), join(dir, f));
    // One broken file in the middle of the run: named, and the command fails on it.
    writeFileSync(join(dir, list[1234]!), '<xliff version="1.2"><file>');
    const r = tessera(['--root', dir, 'validate', ...list, '--json']);
    expect(r.code, r.stderr).toBe(2);
    const report = JSON.parse(r.stdout) as { files: { file: string; valid: boolean }[] };
    expect(report.files.map((f) => f.file)).toEqual(list);
    expect(report.files.filter((f) => !f.valid).map((f) => f.file)).toEqual([list[1234]]);
  });

  it('names the run by its first files in a usage error, not by its placeholder', () => {
    const r = tessera(['--root', dir, 'segment', '--bogus', ...names(100, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument/);
    expect(r.stderr).not.toContain('\u0000');
    expect(r.stderr).not.toContain('tessera-folded');
  });
});
