/**
 * Each step of a pipeline in its own process, for large projects.
 *
 * Why processes, and not releasing memory between the steps of one process: what a process
 * once held it mostly keeps. Measured on 10,000 articles × 3 languages (`tessera run all`, peak
 * RSS): in one process the full run peaked at 299 MB and the rerun with nothing changed at
 * 255 MB. A full collection after every step (tried before import's own memory work, when the
 * full run peaked at 390 MB) brought the heap back to 12–40 MB each time, but not the resident
 * size — V8 and the allocator keep the pages: 165 MB after export, 283 MB after status — so the
 * full run still peaked at 338 MB and the rerun at 255 MB. With a process per step the full run
 * peaks at 243 MB and the rerun at 247 MB, the status step's own peak run alone (242–247 MB):
 * a step starts from nothing, whatever the steps before it cached or left behind.
 *
 * The cost is a process start per step, with the step's modules and its code cold: about
 * 3.5 s of CPU per run on two cores, whatever the size (10,000 articles: rerun 11 s instead of
 * 8 s, full run 248 s instead of 269 s, with less CPU). Smaller projects gain little memory for
 * it — in one process / a process per step, full run and rerun: 1,000 articles 191 / 187 MB and
 * 117 / 102 MB (rerun 2.4 s / 6.1 s); 2,000: 214 / 209 MB and 137 / 123 MB (3.6 s / 7.5 s);
 * 5,000: 235 / 219 MB and 170 / 164 MB — so below ISOLATE_FROM articles, where the peak is
 * within a few MB of the largest step's anyway, the steps run in the calling process.
 *
 * The parent announces each step, names the one that failed and prints the summary, exactly as
 * when the steps run in-process; the child (step-main.ts, given the global options and the
 * step as JSON) runs the step as the parent checked it, with the same stdin, stdout and
 * stderr (progress and colours behave as on the terminal), and sends back how many files it
 * wrote. Its exit code is the step's verdict: 0 its gate held, 1 it failed, 2 it could not run
 * (it has printed why). A signal that stops the parent (Ctrl-C, `kill`) is passed on to the
 * step, and the parent then dies of it too; a step's writes are transactions, so a stopped step
 * leaves nothing half-done.
 */
import { fork } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { GlobalArgs } from '../cli/context.js';
import type { Project } from '../io/project.js';
import { uiOf, type StepContext } from './context.js';
import type { Pipeline, PipelineStep } from './load.js';
import type { StepRunner } from './run.js';
import { STEPS } from './steps/index.js';
import { filesCommitted } from '../io/fs.js';

/**
 * From this many articles (this run's shard), each step runs in its own process
 * (TESSERA_ISOLATE_FROM overrides it: tests run both ways on small projects).
 */
export const ISOLATE_FROM = Number(process.env.TESSERA_ISOLATE_FROM) || 2000;

/**
 * A step process's entry: not the CLI's, which would load yargs and every command to parse a
 * command line the parent has already parsed (120 ms of each step process's start here).
 */
const STEP_MAIN = fileURLToPath(new URL('./step-main.js', import.meta.url));

/** Signals that stop the parent: passed on to the step running, which ends the same way. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** What a step process sends its parent. */
interface StepReport {
  written: number;
  /** Files its commits put in place and journals it recovered (io/fs.ts `filesCommitted`): what it wrote, whatever it reports. */
  put: number;
}

/** The step process ended without a verdict; the run ends with `code` (what to tell has been told). */
export class StepProcessEnded extends Error {
  constructor(readonly code: number) {
    super(`step process ended with ${code}`);
  }
}

/** Whether the pipeline's steps run in their own processes: only on large projects. */
export function isolatesSteps(project: Project): boolean {
  let articles: number;
  try {
    articles = project.articleFiles().length;
  } catch {
    return false; // no source/: the first step reports it, as in-process
  }
  return articles >= ISOLATE_FROM;
}

/**
 * Runs each step in a process of its own (step-main.ts), one at a time. While no step of the
 * run has written anything — a run with little to do, whose steps are short and small — the
 * next step's process starts with each step and loads its code meanwhile, then waits for its
 * turn (`go`) before it touches the project: in a rerun with nothing changed, four of the five
 * steps of the benchmark's pipeline start that way (10,000 articles: 0.1–0.3 s each). Once a
 * step has written (a full run: from the first), none starts ahead, so a step with work to do
 * shares the machine's memory with a waiting one only when it is the first to write (a
 * waiting process holds 16–21 MB of its own, 96–108 MB once it has looked ahead at 10,000
 * articles' files — mostly the garbage of 80,000 looks, which V8 keeps; the Node binary's
 * pages are shared).
 * (Not "the step before wrote nothing": status and check never write, and a heavy step after
 * them would run beside a waiting one.)
 *
 * While it waits, a step process started ahead also looks at the files its step will check
 * (ahead.ts), on the core the running step leaves free; its turn comes with word of whether the
 * step before wrote anything (by its report and by the files its commits put in place), and
 * only if it wrote nothing does the step take what was seen. On 10,000 articles the no-change
 * rerun went from 3.4 to 3.0 s.
 */
export function stepProcessRunner(ctx: StepContext, pipeline: Pipeline, globals: GlobalArgs): StepRunner {
  const argsOf = (step: PipelineStep): string[] => [JSON.stringify(globals), JSON.stringify({ name: step.name, options: step.options })];
  let ahead: { index: number; child: StepChild } | undefined;
  let written = 0;
  /** Whether the step before wrote nothing: the next one may take the fingerprints it took meanwhile (ahead.ts). */
  let unchanged = false;
  const dropAhead = (): void => {
    ahead?.child.drop();
    ahead = undefined;
  };
  return async (step, index) => {
    let current: StepChild;
    if (ahead?.index === index) {
      current = ahead.child;
      ahead = undefined;
      current.go(unchanged);
    } else current = startChild(argsOf(step), STEPS[step.name]?.v8Flags, false);
    const next = pipeline.steps[index + 1];
    if (next && written === 0) ahead = { index: index + 1, child: startChild(argsOf(next), STEPS[next.name]?.v8Flags, true) };
    let end: ChildEnd;
    try {
      end = await current.end;
    } catch (e) {
      dropAhead();
      throw e;
    }
    if (end.received) {
      dropAhead();
      // The parent was told to stop and passed it on: it stops the same way.
      process.kill(process.pid, end.received);
      throw new StepProcessEnded(128 + constants.signals[end.received]);
    }
    if (end.signal) {
      dropAhead();
      ctx.output.err(`\n${uiOf(ctx).t('run.stepKilled', { pipeline: pipeline.name, step: step.name, n: index + 1, signal: end.signal })}\n`);
      throw new StepProcessEnded(128 + constants.signals[end.signal]);
    }
    if (end.code !== 0 && end.code !== 1) {
      dropAhead();
      throw new StepProcessEnded(end.code ?? 2);
    }
    if (end.written === undefined) {
      dropAhead();
      throw new Error(`step ${index + 1} (${step.name}) ended without reporting its result`);
    }
    // A failed step ends the run: the next one never gets its turn.
    if (end.code !== 0) dropAhead();
    written += end.written;
    unchanged = end.written === 0 && end.put === 0;
    return { ok: end.code === 0, written: end.written };
  };
}

interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  written: number | undefined;
  put: number;
  /** The signal the parent received while the child ran, if any. */
  received: NodeJS.Signals | undefined;
}

/** A step process: running, or started ahead and waiting for its turn. */
interface StepChild {
  end: Promise<ChildEnd>;
  /** Its turn: a waiting step process runs its step; `unchanged`: the step before wrote nothing. */
  go(unchanged: boolean): void;
  /** The run ended before its turn: a waiting step process ends without touching anything. */
  drop(): void;
}

/**
 * Starts a step process with the step's V8 flags (steps/index.ts); flags the user gave node
 * come after, and win. `waiting`: it loads its code, then waits for `go`. Signals the parent
 * receives are passed on to a step process from its turn on (a waiting one ends with its parent).
 */
function startChild(args: string[], v8Flags: readonly string[] = [], waiting: boolean): StepChild {
  const child = fork(STEP_MAIN, waiting ? [...args, 'wait'] : args, { execArgv: [...v8Flags, ...process.execArgv], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  let written: number | undefined;
  let put = 0;
  let received: NodeJS.Signals | undefined;
  let forwarding = false;
  const forward = (signal: NodeJS.Signals): void => {
    received ??= signal;
    child.kill(signal);
  };
  const startForwarding = (): void => {
    if (forwarding) return;
    forwarding = true;
    for (const s of FORWARDED) process.on(s, forward);
  };
  const stopForwarding = (): void => {
    if (!forwarding) return;
    forwarding = false;
    for (const s of FORWARDED) process.off(s, forward);
  };
  if (!waiting) startForwarding();
  const end = new Promise<ChildEnd>((resolve, reject) => {
    child.on('message', (m: StepReport | { looked: number }) => {
      if (!('written' in m)) return; // what a waiting one has looked at (ahead.ts)
      written = m.written;
      put = m.put;
    });
    child.on('error', (e) => {
      stopForwarding();
      reject(e);
    });
    // 'close', not 'exit': by then every message the child sent has been delivered.
    child.on('close', (code, signal) => {
      stopForwarding();
      resolve({ code, signal, written, put, received });
    });
  });
  end.catch(() => {}); // a dropped step process's end is not awaited
  return {
    end,
    go: (unchanged) => {
      startForwarding();
      // A step process that ended while waiting (its code failed to load) has no channel: its end tells.
      child.send({ go: true, unchanged }, undefined, undefined, () => {});
    },
    drop: () => {
      child.kill('SIGTERM');
    },
  };
}

/**
 * In a step process: runs the step its parent sent (its name and options, as the parent
 * checked them) and tells the parent what it wrote; resolves to the exit code.
 */
export async function runStepProcess(ctx: StepContext, json: string): Promise<number> {
  const step = JSON.parse(json) as Pick<PipelineStep, 'name' | 'options'>;
  const spec = STEPS[step.name];
  if (!spec) throw new Error(`step process: no step "${step.name}"`);
  followParent();
  const result = await spec.run(ctx, step.options);
  const report: StepReport = { written: result.written.length, put: filesCommitted() };
  // With a callback, a parent gone meanwhile is no error here: there is nobody left to tell.
  process.send?.(report, undefined, undefined, () => {});
  return result.ok ? 0 : 1;
}

/**
 * Ends this step process when its parent goes away (killed with SIGKILL, which it cannot pass
 * on). The step notices when it next waits for I/O; a pass that never waits (every article
 * from the caches) runs to its end first — its writes are one transaction either way.
 */
function followParent(): void {
  if (!process.send) return;
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // The channel must not keep the process alive once the step is done.
  process.channel?.unref();
}
