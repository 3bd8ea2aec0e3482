/**
 * Runs a pipeline from pipelines/: checks the whole file first, then runs the steps in order.
 * The first step that fails a check stops the run (later steps would build on it); the
 * result says which.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, msg } from '../core/errors.js';
import { readText } from '../io/fs.js';
import type { Project } from '../io/project.js';
import { uiOf, type StepContext, type StepResult } from './context.js';
import { parsePipeline, type Pipeline } from './load.js';
import { STEPS } from './steps/index.js';

export function pipelineNames(project: Project): string[] {
  const dir = join(project.root, 'pipelines');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

export function loadPipeline(project: Project, name: string): Pipeline {
  const dir = join(project.root, 'pipelines');
  const candidates = [name, join(dir, `${name}.yaml`), join(dir, `${name}.yml`)].map((p) => project.abs(p));
  const path = candidates.find((p) => /\.ya?ml$/.test(p) && existsSync(p));
  if (!path) {
    const known = pipelineNames(project);
    throw inputError(msg('errors.run.noPipeline', { name }), {}, known.length ? msg('errors.run.pipelines', { list: known }) : msg('errors.run.noPipelines'), 'usage');
  }
  const file = project.rel(path);
  return parsePipeline(readText(path, file), file, name.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''));
}

export async function runPipeline(ctx: StepContext, pipeline: Pipeline): Promise<StepResult & { failedStep?: string }> {
  const written: string[] = [];
  const total = pipeline.steps.length;
  const { t } = uiOf(ctx);
  for (const [i, step] of pipeline.steps.entries()) {
    if (!ctx.output.quiet) ctx.output.err(`\n${t('run.stepStart', { pipeline: pipeline.name, step: step.name, n: i + 1, total })}\n`);
    const result = await STEPS[step.name]!.run(ctx, step.options);
    written.push(...result.written);
    if (!result.ok) {
      ctx.output.err(`\n${t('run.stepFailed', { pipeline: pipeline.name, step: step.name, n: i + 1 })}${i + 1 < total ? t('run.notRun', { count: total - i - 1 }) : ''}\n`);
      return { ok: false, written, failedStep: step.name };
    }
  }
  if (!ctx.output.quiet) ctx.output.err(`\n${t('run.done', { pipeline: pipeline.name, steps: t('count.steps', { count: total }), files: t('count.filesWritten', { count: written.length }) })}\n`);
  return { ok: true, written };
}
