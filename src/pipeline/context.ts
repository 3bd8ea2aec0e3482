/**
 * What a step needs from the outside world: the project, and where to print. Steps print
 * data to `out` (stdout) and messages to `err` (stderr); they never call process.exit —
 * they return whether their gate held, and the CLI decides the exit code once, at the top.
 */
import { cliTranslator, type CliTranslator } from '../i18n/index.js';
import type { Project } from '../io/project.js';

export interface Output {
  /** Data (reports, JSON): stdout. */
  out(text: string): void;
  /** Messages (progress, warnings, summaries): stderr. */
  err(text: string): void;
  /** Colours allowed (stdout is a TTY and NO_COLOR unset). */
  color: boolean;
  /** Progress allowed (stderr is a TTY, not CI, not --quiet). */
  progress: boolean;
  quiet: boolean;
}

/** Progress of a long step: `tick()` per item done, `done()` at the end. */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export interface StepContext {
  project: Project;
  output: Output;
  /** Starts a progress display for `total` items (a no-op when progress is not wanted). */
  progress?: (label: string, total: number) => Progress;
  /** The editor's language for summaries, reports and messages (default: English). */
  ui?: CliTranslator;
}

/** The step's translator: `ctx.ui`, else English. */
export function uiOf(ctx: StepContext): CliTranslator {
  return ctx.ui ?? cliTranslator('en');
}

export const NO_PROGRESS: Progress = { tick() {}, done() {} };

export function startProgress(ctx: StepContext, label: string, total: number): Progress {
  return ctx.progress ? ctx.progress(label, total) : NO_PROGRESS;
}

export interface StepResult {
  /** False when the step ran but a check or gate failed (exit code 1). */
  ok: boolean;
  /** Files written (relative to the project root), in order. */
  written: string[];
}

/** An Output that collects everything, for tests and for library use. */
export function memoryOutput(): Output & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    color: false,
    progress: false,
    quiet: false,
    out(text: string) {
      o.stdout += text;
    },
    err(text: string) {
      o.stderr += text;
    },
  };
  return o;
}
