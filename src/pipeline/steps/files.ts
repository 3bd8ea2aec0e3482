/**
 * The files a step is given as paths and globs (import, tm import, validate): a module of its
 * own, so that a step that needs only this (tm, which export loads for its memory) does not
 * load the import step and its checks.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { inputError, msg } from '../../core/errors.js';
import type { StepContext } from '../context.js';

/** A pattern, not a plain path. */
const GLOB = /[*?[\]{}]/;

/** Expands globs; a plain path that does not exist is an error, a glob matching nothing too. */
export async function expandFiles(ctx: StepContext, patterns: readonly string[], optional = false): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const abs = ctx.project.abs(p);
    if (GLOB.test(p)) {
      const found = (await glob(p, { cwd: ctx.project.root, absolute: true, onlyFiles: true })).sort();
      if (found.length === 0 && optional) continue;
      if (found.length === 0) throw inputError(msg('errors.noMatch', { pattern: p }), {}, msg('errors.noMatchHint'), 'usage');
      out.push(...found);
    } else {
      if (!existsSync(abs)) throw inputError(msg('errors.noSuchFile'), { file: p }, msg('errors.checkPath'), 'usage');
      if (statSync(abs).isDirectory()) throw inputError(msg('errors.import.folder'), { file: p }, undefined, 'usage');
      out.push(abs);
    }
  }
  return [...new Set(out)];
}

/**
 * The files `expandFiles` would give, as far as they can be told without complaint (for a
 * step process started ahead of its turn, pipeline/ahead.ts): a pattern that matches nothing
 * or a path that is not there is left for the step to report.
 */
export async function filesAhead(root: string, patterns: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (GLOB.test(p)) out.push(...(await glob(p, { cwd: root, absolute: true, onlyFiles: true })));
    else out.push(resolve(root, p));
  }
  return out;
}
