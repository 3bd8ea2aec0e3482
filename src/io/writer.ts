/**
 * Writes files on a thread of their own, for `FileTransaction`'s spilled contents: a
 * newsroom-scale export or build makes tens of thousands of small files, and creating a file
 * costs the kernel about as much as Tessera spends making its content (a first export of
 * 10,000 articles: 4-5 s of system time in 12 s). On a thread of its own that work runs on the
 * other core while the main thread makes the next file.
 *
 * The main thread stays in charge of what is on disk: it names each temporary file in the spill
 * log before handing it over (as before), waits for the writes before it reads one back,
 * removes one, or commits (`drain`), and a write that failed fails the transaction there, with
 * the error the write gave. Memory stays bounded: past `MAX_CHARS` characters in flight the
 * main thread waits for the writer. The thread's code is given as text (`eval`), so the module
 * works the same from the built files and from the sources under test.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** Characters handed over and not yet written, past which `write` waits. */
const MAX_CHARS = 8 * 2 ** 20;
/** Slots of the shared state: files in flight, characters in flight, stop, thread ready. */
const FILES = 0;
const CHARS = 1;
const STOP = 2;
const READY = 3;
/** How long the first write waits for the thread to start before writing on this one instead. */
const START_MS = 10_000;
/** A wait with no file written for this long means the thread is gone: an error, not a hang. */
const STALL_MS = 120_000;

/** The writer thread: one `writeFileSync` per message; errors go back on `errors`; `stop` skips the rest. */
const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const state = new Int32Array(workerData.state);
const errors = workerData.errors;
let failed = false;
Atomics.store(state, ${READY}, 1);
Atomics.notify(state, ${READY});
parentPort.on('message', (m) => {
  try {
    if (!failed && Atomics.load(state, ${STOP}) === 0) writeFileSync(m.path, m.content, 'utf8');
  } catch (e) {
    failed = true;
    errors.postMessage({ path: m.path, message: e.message, code: e.code, syscall: e.syscall, errno: e.errno });
  } finally {
    Atomics.sub(state, ${CHARS}, m.content.length);
    Atomics.sub(state, ${FILES}, 1);
    Atomics.notify(state, ${FILES});
  }
});
`;

interface WriteFailure {
  path: string;
  message: string;
  code?: string;
  syscall?: string;
  errno?: number;
}

export class BackgroundWriter {
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * 4));
  private readonly worker: Worker;
  private readonly errors: MessagePort;
  private failure: WriteFailure | undefined;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.errors = port1;
    // No node options of the process's (--input-type=module would make the code a module).
    this.worker = new Worker(CODE, { eval: true, execArgv: [], workerData: { state: this.state.buffer, errors: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    // Neither keeps the process alive: every wait for them is explicit (`drain`).
    this.worker.unref();
    this.errors.unref();
  }

  /**
   * Waits for the thread to start (some tens of milliseconds); false when it did not, and
   * the caller writes on its own thread.
   */
  started(): boolean {
    if (Atomics.load(this.state, READY) === 0) Atomics.wait(this.state, READY, 0, START_MS);
    return Atomics.load(this.state, READY) === 1;
  }

  /** Hands `content` over to be written to `path` (which the writer creates or replaces). */
  write(path: string, content: string): void {
    while (Atomics.load(this.state, CHARS) > MAX_CHARS) this.waitForOne();
    Atomics.add(this.state, FILES, 1);
    Atomics.add(this.state, CHARS, content.length);
    this.worker.postMessage({ path, content });
  }

  /** Waits until every file handed over is written; throws the first write's error, if one failed. */
  drain(): void {
    while (Atomics.load(this.state, FILES) > 0) this.waitForOne();
    this.failure ??= receiveMessageOnPort(this.errors)?.message as WriteFailure | undefined;
    const f = this.failure;
    if (f) throw Object.assign(new Error(f.message), { code: f.code, syscall: f.syscall, errno: f.errno, path: f.path });
  }

  /**
   * Stops writing what is still in flight and waits for the file being written, if any (at most
   * `ms`): afterwards nothing more is created, so removing the temporary files removes them all.
   */
  stop(ms = 5000): void {
    Atomics.store(this.state, STOP, 1);
    const until = Date.now() + ms;
    while (Atomics.load(this.state, FILES) > 0 && Date.now() < until) this.waitForOne(until - Date.now());
  }

  /** Ends the thread (after `drain` or `stop`). */
  close(): void {
    void this.worker.terminate();
    this.errors.close();
  }

  /** Waits until a file in flight is written; throws when none is for `STALL_MS`. */
  private waitForOne(ms = STALL_MS): void {
    const n = Atomics.load(this.state, FILES);
    if (n > 0 && Atomics.wait(this.state, FILES, n, ms) === 'timed-out' && ms === STALL_MS) {
      throw new Error(`the thread writing the files stopped with ${n} still to write`);
    }
  }
}
