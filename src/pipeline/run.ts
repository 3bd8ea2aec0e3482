/**
 * Runs a pipeline from pipelines/: checks the whole file first, then runs the steps in order.
 * The first step that fails a check stops the run (later steps would build on it); the
 * result says which.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../core/errors.js';
import { readText } from '../io/fs.js';
import type { Project } from '../io/project.js';
import type { StepContext, StepResult } from './context.js';
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
    throw inputError(`no pipeline "${name}"`, {}, known.length ? `pipelines: ${known.join(', ')}` : 'pipelines/ holds no *.yaml files', 'usage');
  }
  const file = project.rel(path);
  return parsePipeline(readText(path, file), file, name.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''));
}

export async function runPipeline(ctx: StepContext, pipeline: Pipeline): Promise<StepResult & { failedStep?: string }> {
  const written: string[] = [];
  const total = pipeline.steps.length;
  for (const [i, step] of pipeline.steps.entries()) {
    if (!ctx.output.quiet) ctx.output.err(`\n▶ ${pipeline.name} ${i + 1}/${total}: ${step.name}\n`);
    const result = await STEPS[step.name]!.run(ctx, step.options);
    written.push(...result.written);
    if (!result.ok) {
      ctx.output.err(`\n✖ pipeline ${pipeline.name}: step ${i + 1} (${step.name}) failed${i + 1 < total ? `; ${total - i - 1} later step(s) not run` : ''}\n`);
      return { ok: false, written, failedStep: step.name };
    }
  }
  if (!ctx.output.quiet) ctx.output.err(`\n✔ pipeline ${pipeline.name}: ${total} step(s) done, ${written.length} file(s) written\n`);
  return { ok: true, written };
}
