/**
 * What a step needs from the outside world: the project, and where to print. Steps print
 * data to `out` (stdout) and messages to `err` (stderr); they never call process.exit —
 * they return whether their gate held, and the CLI decides the exit code once, at the top.
 */
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

export interface StepContext {
  project: Project;
  output: Output;
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
