/** Test helpers: a throw-away copy of the bundled project and a runner for the built binary. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/tessera.js');
export const SHARED = resolve(REPO, '../shared');

/** A copy of the project's data (source, locales, pipelines, fixtures) in a temp folder. */
export function copyProject(): string {
  if (!existsSync(join(REPO, 'dist/cli/main.js'))) {
    throw new Error('dist/ is missing: run `npm test` (it compiles first) or `npx tsc -p tsconfig.json`');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tessera-e2e-'));
  for (const p of ['source', 'locales', 'pipelines', 'tests/fixtures']) {
    if (existsSync(join(REPO, p))) cpSync(join(REPO, p), join(dir, p), { recursive: true });
  }
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function tessera(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C.UTF-8', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Every file under `dir` → sha256 of its bytes, to prove that nothing changed. The steps'
 * caches (out/.cache) are bookkeeping, not output, and are left out.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      if (e === '.cache') continue;
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Edits one translation of a project copy: `from` → `to` in segment `id` of locales/<lang>/<slug>.json. */
export function editTranslation(root: string, lang: string, id: string, from: string, to: string, slug = 'palermo-conference'): void {
  const path = join(root, 'locales', lang, `${slug}.json`);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const before = data[id]!;
  data[id] = before.replace(from, to);
  if (data[id] === before) throw new Error(`edit: "${from}" not in ${lang} ${id}`);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}
