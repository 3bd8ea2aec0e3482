/**
 * The combined memory of the processes a command starts, for the benchmark. GNU time's %M is
 * the peak of the largest single process; when a pipeline runs each step in its own process
 * (pipeline/isolate.ts), the coordinating process lives beside the step's, and what the machine
 * needs is the peak of the two together. Summing their RSS would count twice the pages both map
 * from the Node binary (some 30 MB), which the kernel holds once; PSS would split those pages
 * with every other Node process on the machine, this benchmark included, and come out low. So
 * a sample is each process's anonymous pages (its heaps: its own), summed, plus the largest
 * file-backed and shared part of any of them (the processes map mostly the same pages of the
 * same binary): for one process, exactly its RSS. The figure is the peak of the samples.
 *
 * The counts come from /proc/PID/status, which the kernel keeps as it goes: reading it costs
 * microseconds. (smaps_rollup, read before, walks the process's page tables under its memory
 * lock: every 100 ms, that slowed the measured rerun by 5-10%.)
 *
 * The benchmark waits for each command in spawnSync, so the sampling runs on a worker thread,
 * every 100 ms, and leaves its peak in shared memory. Linux only (/proc/PID/status, with
 * /proc/PID/task/TID/children); elsewhere `treeMemory` returns undefined and the benchmark
 * leaves the figure out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

const EVERY_MS = 100;

interface SamplerData {
  tesseraTreeMemory: { root: number; shared: SharedArrayBuffer };
}

/** The pids below `root`, through each thread's list of children. */
function descendants(root: number): number[] {
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // ended meanwhile
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(' ')) {
        if (c.trim() === '') continue;
        out.push(Number(c));
        stack.push(Number(c));
      }
    }
  }
  return out;
}

/** A process's own (anonymous) and file-backed or shared resident pages, in kB; zeros when it has ended. */
function residentKB(pid: number): { priv: number; shared: number } {
  try {
    const t = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(t)?.[1] ?? 0);
    return { priv: kb('RssAnon'), shared: kb('RssFile') + kb('RssShmem') };
  } catch {
    return { priv: 0, shared: 0 };
  }
}

/** GNU time, which the benchmark runs commands through, is not what is measured. */
function isTimeWrapper(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'time';
  } catch {
    return true;
  }
}

function sample(root: number, peak: Int32Array): void {
  let priv = 0;
  let shared = 0;
  for (const pid of descendants(root)) {
    if (isTimeWrapper(pid)) continue;
    const r = residentKB(pid);
    priv += r.priv;
    shared = Math.max(shared, r.shared);
  }
  if (priv + shared > Atomics.load(peak, 0)) Atomics.store(peak, 0, priv + shared);
}

/** Where sampling is possible: this process's own files in /proc. */
function supported(): boolean {
  try {
    if (!/^RssAnon:/m.test(readFileSync(`/proc/${process.pid}/status`, 'utf8'))) return false;
    readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` (which starts and waits for child processes) while sampling; returns its result and
 * the peak combined resident memory of this process's descendants, in MB (undefined where not
 * measurable).
 */
export function treeMemory<T>(fn: () => T): { result: T; peakMB: number | undefined } {
  if (!supported()) return { result: fn(), peakMB: undefined };
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared); // [0]: peak in kB; [1]: 1 once the sampler should stop
  const worker = new Worker(new URL(import.meta.url), { workerData: { tesseraTreeMemory: { root: process.pid, shared } } satisfies SamplerData });
  worker.unref();
  try {
    const result = fn();
    return { result, peakMB: Atomics.load(state, 0) / 1024 };
  } finally {
    Atomics.store(state, 1, 1);
    void worker.terminate();
  }
}

// The sampler, on its worker thread: until told to stop.
const job = (workerData as SamplerData | null)?.tesseraTreeMemory;
if (!isMainThread && job) {
  const state = new Int32Array(job.shared);
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (Atomics.load(state, 1) === 0) {
    sample(job.root, state);
    Atomics.wait(tick, 0, 0, EVERY_MS);
  }
}
