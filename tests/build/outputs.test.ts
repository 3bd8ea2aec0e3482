/**
 * Export and build check their own outputs for presence (StepCacheOptions.outputs): on a rerun
 * with nothing changed, a deleted output is made again and one edited in place is left alone,
 * until its inputs change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, tessera } from '../helpers/project.js';

let dir: string;
beforeAll(() => {
  dir = copyProject();
  for (const args of [['segment'], ['import', 'tests/fixtures/returned/*/*.xlf']]) {
    const r = tessera(['--root', dir, '--quiet', ...args]);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]): void => {
  const r = tessera(['--root', dir, '--quiet', ...args]);
  expect(r.code, r.stderr).toBe(0);
};

describe.each([
  ['build', ['build', '--out', 'out/editions'], 'out/editions/it/palermo-conference.html', 'out/editions/fr/palermo-conference.md'],
  ['export', ['export', '--all', '--lang', 'it,fr', '--out', 'out/xliff'], 'out/xliff/it/palermo-conference.xlf', 'out/xliff/fr/palermo-conference.xlf'],
])('%s on a rerun', (_step, args, deleted, edited) => {
  it('makes a deleted output again, leaves one edited in place, and redoes it once its inputs change', () => {
    run(...args);
    const made = readFileSync(join(dir, deleted), 'utf8');
    const original = readFileSync(join(dir, edited), 'utf8');
    writeFileSync(join(dir, edited), `${original}<!-- edited by hand -->\n`);
    run(...args);
    expect(readFileSync(join(dir, edited), 'utf8')).toBe(`${original}<!-- edited by hand -->\n`);
    // (Export redoes an article's languages together: the deleted file's article is done again
    // whole, the edited file with it; build redoes the one edition.)
    writeFileSync(join(dir, edited), original);
    rmSync(join(dir, deleted));
    run(...args);
    expect(readFileSync(join(dir, deleted), 'utf8')).toBe(made);
    writeFileSync(join(dir, edited), `${original}<!-- edited by hand -->\n`);
    // The French translations change: the edited file is made from them again.
    const frState = join(dir, 'locales/fr/palermo-conference.state.json');
    const state = readFileSync(frState, 'utf8');
    writeFileSync(frState, state.replace('"translated"', '"reviewed"'));
    run(...args);
    expect(readFileSync(join(dir, edited), 'utf8')).not.toContain('edited by hand');
    writeFileSync(frState, state);
  });
});
