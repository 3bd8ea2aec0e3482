/**
 * Export skips what `status` last found complete, while the files are unchanged since: the
 * same files as an export that reads everything, and a change after that status is seen.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, snapshot, tessera } from '../helpers/project.js';

let root: string;
beforeAll(() => {
  root = copyProject();
  expect(tessera(['--root', root, '--quiet', 'segment']).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const exportTo = (out: string, ...flags: string[]): ReturnType<typeof tessera> => tessera(['--root', root, ...flags, 'export', '--lang', 'it,fr,ar', '--out', out]);

describe('export after status', () => {
  it('a complete article exports nothing, as without the cache', () => {
    expect(tessera(['--root', root, 'status', '--json']).code).toBe(0);
    const r = exportTo('out/a');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/export: 0 files/);
    expect(existsSync(join(root, 'out/a'))).toBe(false);
    expect(exportTo('out/b', '--force').stderr).toMatch(/export: 0 files/);
  });

  it('a segment made new after that status is exported', () => {
    // One Italian translation taken out (as if it had never been done): the status row no longer
    // matches the files, so the article is read again.
    const res = join(root, 'locales/it/palermo-conference.json');
    const state = join(root, 'locales/it/palermo-conference.state.json');
    const data = JSON.parse(readFileSync(res, 'utf8')) as Record<string, string>;
    const id = Object.keys(data)[3]!;
    delete data[id];
    writeFileSync(res, JSON.stringify(data, null, 2) + '\n');
    const st = JSON.parse(readFileSync(state, 'utf8')) as { segments: Record<string, unknown> };
    delete st.segments[id];
    writeFileSync(state, JSON.stringify(st, null, 2) + '\n');
    const r = exportTo('out/c');
    expect(r.code).toBe(0);
    expect(Object.keys(snapshot(join(root, 'out/c')))).toEqual(['it/palermo-conference.xlf']);
    const xlf = readFileSync(join(root, 'out/c/it/palermo-conference.xlf'), 'utf8');
    expect(xlf.match(/<trans-unit /g)).toHaveLength(1);
    expect(xlf).toContain(`id="${id}"`);
    // The same as an export that reads everything.
    expect(exportTo('out/d', '--force').code).toBe(0);
    expect(readFileSync(join(root, 'out/d/it/palermo-conference.xlf'), 'utf8')).toBe(xlf);
  });
});
