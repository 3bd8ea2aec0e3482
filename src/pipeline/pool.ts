/**
 * Parses many articles across CPU cores. p-queue bounds the work in flight to `concurrency`
 * tasks, one per worker thread; results come back in input order, whatever order the
 * workers finish in, so the same run with concurrency 1 and 8 writes identical bytes.
 * With concurrency 1 (or a handful of articles) everything runs on the main thread.
 *
 * A `ParsePool` lives as long as one pass over the corpus (Project.forEachArticle), so its
 * workers start once however many batches go through them. The Markdown parser is imported
 * only when something is parsed: a run whose articles are all cached never loads it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { InputError } from '../core/errors.js';
import type { Diagnostic, Doc } from '../core/types.js';

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Below this many articles, starting workers costs more than it saves. */
export const MIN_PARALLEL = 16;

export interface ParseJob {
  content: string;
  file: string;
}

async function parseHere(jobs: readonly ParseJob[], tick: () => void): Promise<Doc[]> {
  const { parseArticle } = await import('../formats/article.js');
  return jobs.map((j) => {
    const d = parseArticle(j.content, j.file);
    tick();
    return d;
  });
}

export class ParsePool {
  private workers: Worker[] | undefined;
  private idle: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (d: Doc) => void; reject: (e: unknown) => void }>();
  private next = 0;

  constructor(private readonly concurrency: number) {}

  private start(): Worker[] {
    if (this.workers) return this.workers;
    // A young generation of 4 MB: a parse keeps little beyond the document it sends back, and
    // segmenting 10,000 new articles peaked at 226-233 MB RSS with it, 234-240 MB with 8 MB,
    // in the same time.
    this.workers = Array.from({ length: this.concurrency }, () => new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 4 } }));
    this.idle = [...this.workers];
    for (const w of this.workers) {
      w.on('message', (m: { id: number; doc?: Doc; diagnostics?: Diagnostic[]; error?: string }) => {
        const p = this.pending.get(m.id)!;
        this.pending.delete(m.id);
        if (m.doc) p.resolve(m.doc);
        else if (m.diagnostics) p.reject(new InputError(m.diagnostics));
        else p.reject(new Error(m.error));
      });
    }
    return this.workers;
  }

  /** Parses `jobs`, results in input order. Few jobs are parsed on this thread. */
  async parse(jobs: readonly ParseJob[], tick: () => void = () => {}): Promise<Doc[]> {
    if (this.concurrency <= 1 || (jobs.length < MIN_PARALLEL && !this.workers)) return parseHere(jobs, tick);
    const n = this.start().length;
    const queue = new PQueue({ concurrency: n });
    return Promise.all(
      jobs.map((job) =>
        queue.add(async () => {
          const w = this.idle.pop()!;
          const id = this.next++;
          try {
            const doc = await new Promise<Doc>((resolve, reject) => {
              this.pending.set(id, { resolve, reject });
              w.postMessage({ id, content: job.content, file: job.file });
            });
            tick();
            return doc;
          } finally {
            this.idle.push(w);
          }
        }),
      ),
    );
  }

  async close(): Promise<void> {
    const ws = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
