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
import { parsePipeline, type Pipeline, type PipelineStep } from './load.js';
import { STEPS, loadSteps } from './steps/index.js';

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

/** What one step did, as the pipeline's loop needs it: whether its gate held, and how many files it wrote. */
export interface StepOutcome {
  ok: boolean;
  written: number;
}

/** Runs the step at `index` of the pipeline (in this process, or in a child: pipeline/isolate.ts). */
export type StepRunner = (step: PipelineStep, index: number) => Promise<StepOutcome>;

/**
 * The pipeline's loop, whoever runs the steps: each step announced, the first failure named
 * with the steps left unrun, a summary at the end.
 */
export async function runSteps(ctx: StepContext, pipeline: Pipeline, runStep: StepRunner): Promise<{ ok: boolean; failedStep?: string }> {
  const total = pipeline.steps.length;
  const { t } = uiOf(ctx);
  let written = 0;
  for (const [i, step] of pipeline.steps.entries()) {
    if (!ctx.output.quiet) ctx.output.err(`\n${t('run.stepStart', { pipeline: pipeline.name, step: step.name, n: i + 1, total })}\n`);
    const result = await runStep(step, i);
    written += result.written;
    if (!result.ok) {
      ctx.output.err(`\n${t('run.stepFailed', { pipeline: pipeline.name, step: step.name, n: i + 1 })}${i + 1 < total ? t('run.notRun', { count: total - i - 1 }) : ''}\n`);
      return { ok: false, failedStep: step.name };
    }
  }
  if (!ctx.output.quiet) ctx.output.err(`\n${t('run.done', { pipeline: pipeline.name, steps: t('count.steps', { count: total }), files: t('count.filesWritten', { count: written }) })}\n`);
  return { ok: true };
}

/** Runs every step in this process; the result lists the files written, in order. */
export async function runPipeline(ctx: StepContext, pipeline: Pipeline): Promise<StepResult & { failedStep?: string }> {
  await loadSteps(pipeline.steps.map((s) => s.name));
  const written: string[] = [];
  const result = await runSteps(ctx, pipeline, async (step) => {
    const r = await STEPS[step.name]!.run(ctx, step.options);
    for (const path of r.written) written.push(path);
    return { ok: r.ok, written: r.written.length };
  });
  return { ...result, written };
}
