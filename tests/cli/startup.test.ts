/**
 * What a command loads: the CLI builds its commands without loading their steps, and the
 * Markdown reader (micromark, YAML, the segmenter) loads only when an article is read. A
 * module-loading hook lists what the built binary really loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyProject, tessera } from '../helpers/project.js';

let hooks: string;
let root: string;
beforeAll(() => {
  hooks = mkdtempSync(join(tmpdir(), 'tessera-hooks-'));
  writeFileSync(join(hooks, 'hooks.mjs'), "export async function load(url, ctx, next) { process.stderr.write(`LOADED ${url}\\n`); return next(url, ctx); }\n");
  writeFileSync(join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hooks, 'hooks.mjs')).href)});\n`);
  root = copyProject();
  expect(tessera(['--root', root, '--quiet', 'segment']).code).toBe(0);
});
afterAll(() => {
  rmSync(hooks, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

/** The modules a run of the binary loads (URLs), and its exit code. */
function loaded(args: string[]): { code: number; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', join(hooks, 'register.mjs'), BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C.UTF-8' } });
  const modules = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
  return { code: r.status ?? -1, modules };
}

// The segmenter's rule files (small JSON, hashed into the caches' key) are not the reader.
const reader = (m: string): boolean => /\/node_modules\/(micromark|mdast-util-from-markdown)|\/dist\/(formats\/article|segment\/(?!rule-set\.js|rules\/))/.test(m);

describe('start-up', () => {
  it('--version and --help load no step and no Markdown reader', () => {
    for (const args of [['--version'], ['--help'], ['status', '--help']]) {
      const r = loaded(args);
      expect(r.code).toBe(0);
      expect(r.modules.some((m) => m.endsWith('/dist/cli/main.js'))).toBe(true);
      expect(r.modules.filter((m) => /\/dist\/pipeline\/steps\//.test(m) || reader(m))).toEqual([]);
    }
  });

  it('status reads profiles, not articles: no Markdown reader is loaded', () => {
    const r = loaded(['--root', root, 'status', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.modules.some((m) => m.endsWith('/dist/pipeline/steps/status.js'))).toBe(true);
    expect(r.modules.filter(reader)).toEqual([]);
  });

  it('a step that finds nothing to do loads only what its cache check takes: no XLIFF writer, reader or Markdown parser', () => {
    const heavy = (m: string): boolean => /\/dist\/formats\/xliff\/(write12|write20|read-checked)\.js$|\/dist\/formats\/inline\.js$|\/dist\/checks\/run\.js$|\/node_modules\/(micromark|mdast-util-from-markdown)\//.test(m);
    const exportArgs = ['--root', root, 'export', '--lang', 'it', '--all', '--out', 'out/again'];
    const first = loaded(exportArgs);
    expect(first.code).toBe(0);
    expect(first.modules.some((m) => m.endsWith('/dist/formats/xliff/write12.js'))).toBe(true);
    const again = loaded(exportArgs);
    expect(again.code).toBe(0);
    expect(again.modules.some((m) => m.endsWith('/dist/pipeline/steps/export.js'))).toBe(true);
    expect(again.modules.filter(heavy)).toEqual([]);
    const importArgs = ['--root', root, 'import', 'out/again/it/*.xlf'];
    const read = loaded(importArgs);
    expect(read.code).toBe(0);
    expect(read.modules.some((m) => m.endsWith('/dist/formats/xliff/read-checked.js'))).toBe(true);
    const reread = loaded(importArgs);
    expect(reread.code).toBe(0);
    expect(reread.modules.filter(heavy)).toEqual([]);
  });

  it('a step that reads articles loads the reader when it needs it', () => {
    const r = loaded(['--root', root, '--force', 'export', '--lang', 'it', '--out', 'out/x']);
    expect(r.code).toBe(0);
    expect(r.modules.some((m) => m.endsWith('/dist/formats/article.js'))).toBe(true);
  });
});
