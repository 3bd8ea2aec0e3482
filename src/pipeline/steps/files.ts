/**
 * The files a step is given as paths and globs (import, tm import, validate): a module of its
 * own, so that a step that needs only this (tm, which export loads for its memory) does not
 * load the import step and its checks.
 */
import { existsSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { inputError, msg } from '../../core/errors.js';
import type { StepContext } from '../context.js';

/** Expands globs; a plain path that does not exist is an error, a glob matching nothing too. */
export async function expandFiles(ctx: StepContext, patterns: readonly string[], optional = false): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const abs = ctx.project.abs(p);
    if (/[*?[\]{}]/.test(p)) {
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
