/**
 * Parses many articles across CPU cores. p-queue bounds the work in flight to `concurrency`
 * tasks, one per worker thread; results come back in input order, whatever order the
 * workers finish in, so the same run with concurrency 1 and 8 writes identical bytes.
 * With concurrency 1 (or a handful of articles) everything runs on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import { InputError } from '../core/errors.js';
import type { Diagnostic, Doc } from '../core/types.js';
import { parseArticle } from '../formats/article.js';

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Below this many articles, starting workers costs more than it saves. */
const MIN_PARALLEL = 16;

export async function parseAll(jobs: readonly { content: string; file: string }[], concurrency: number, tick: () => void = () => {}): Promise<Doc[]> {
  if (concurrency <= 1 || jobs.length < MIN_PARALLEL) {
    return jobs.map((j) => {
      const d = parseArticle(j.content, j.file);
      tick();
      return d;
    });
  }
  const n = Math.min(concurrency, jobs.length);
  const workers = Array.from({ length: n }, () => new Worker(new URL('./worker.js', import.meta.url)));
  const idle = [...workers];
  const pending = new Map<number, { resolve: (d: Doc) => void; reject: (e: unknown) => void }>();
  for (const w of workers) {
    w.on('message', (m: { id: number; doc?: Doc; diagnostics?: Diagnostic[]; error?: string }) => {
      const p = pending.get(m.id)!;
      pending.delete(m.id);
      if (m.doc) p.resolve(m.doc);
      else if (m.diagnostics) p.reject(new InputError(m.diagnostics));
      else p.reject(new Error(m.error));
    });
  }
  const queue = new PQueue({ concurrency: n });
  try {
    return await Promise.all(
      jobs.map((job, id) =>
        queue.add(async () => {
          const w = idle.pop()!;
          try {
            const doc = await new Promise<Doc>((resolve, reject) => {
              pending.set(id, { resolve, reject });
              w.postMessage({ id, content: job.content, file: job.file });
            });
            tick();
            return doc;
          } finally {
            idle.push(w);
          }
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
