/**
 * A worker thread for CPU-heavy work (parsing and segmenting articles). Receives
 * `{ id, content, file }`, answers `{ id, doc }` or `{ id, error }` (an InputError's
 * diagnostics travel as data and are rebuilt on the main thread).
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { parseArticle } from '../formats/article.js';
import { heapKeeper } from './heap.js';

// A worker parses thousands of articles in a pass: its heap too is kept near what is live.
const keepHeap = heapKeeper(16 * 2 ** 20);

parentPort?.on('message', (msg: { id: number; content: string; file: string }) => {
  keepHeap();
  try {
    parentPort!.postMessage({ id: msg.id, doc: parseArticle(msg.content, msg.file) });
  } catch (e) {
    if (e instanceof InputError) parentPort!.postMessage({ id: msg.id, diagnostics: e.diagnostics });
    else parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
