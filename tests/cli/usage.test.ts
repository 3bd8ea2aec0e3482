/** A command line yargs refuses runs nothing: exit 2, the message on stderr, no output, no file changed. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, snapshot, tessera } from '../helpers/project.js';

let root: string;
beforeAll(() => {
  root = copyProject();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('usage errors', () => {
  it('an unknown option stops status before it reports anything', () => {
    const r = tessera(['--root', root, 'status', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Unknown argument: bogus/);
  });

  it('an unknown option stops a command that writes before it writes', () => {
    // An edited article that `segment` would write out.
    writeFileSync(join(root, 'source', 'extra.md'), '---\nslug: extra\nlang: en\nheadline: Extra\ndate: 2018-11-14\n---\n\nOne sentence. Another one.\n');
    const before = snapshot(root);
    const r = tessera(['--root', root, 'segment', '--bogus']);
    expect(r.code).toBe(2);
    expect(snapshot(root)).toEqual(before);
    expect(tessera(['--root', root, '--quiet', 'segment']).code).toBe(0);
    expect(snapshot(root)).not.toEqual(before);
  });

  it('no command: exit 2 with the commands to try', () => {
    const r = tessera([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give a command, such as run, status or export/);
  });
});
