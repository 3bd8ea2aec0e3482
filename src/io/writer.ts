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
 * the error the write gave. The thread's code is given as text (`eval`), so the module works
 * the same from the built files and from the sources under test.
 *
 * Files are handed over through a ring of shared memory, not as messages: the main thread
 * encodes a file's path and content (UTF-8, as `writeFileSync` would) straight into the ring,
 * and the thread writes them from there. A message per file cost the main thread its copy
 * (postMessage: 0.5 s of a 10,000-article export's 5.5 s, besides the garbage), the thread a
 * decoding and an encoding, and both a wake-up through the event loop (30,000 more system
 * calls). Memory stays bounded: the ring is `RING_BYTES`; when it is full, `write` waits.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The ring's size: what is handed over and not yet written, at most. */
const RING_BYTES = 8 * 2 ** 20;
/**
 * Slots of the shared state: files in flight, bytes of the ring in use, stop (skip the rest),
 * thread ready, files published (a count that only grows), end (the thread returns), gone
 * (the thread's loop failed: it writes no more).
 */
const FILES = 0;
const USED = 1;
const STOP = 2;
const READY = 3;
const PUBLISHED = 4;
const END = 5;
const GONE = 6;
/** How long the first write waits for the thread to start before writing on this one instead. */
const START_MS = 10_000;
/** A wait with no file written for this long means the thread is gone: an error, not a hang. */
const STALL_MS = 120_000;
/** A record: path bytes (int32), content bytes (int32), path, content; 4-byte aligned. -1 as path bytes: go back to the start. */
const HEADER = 8;
const WRAP = -1;

/** The writer thread: takes the records in order, one `writeFileSync` each; errors go back on `errors`. */
const CODE = `
const { workerData } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const state = new Int32Array(workerData.state);
const bytes = Buffer.from(workerData.ring);
const words = new Int32Array(workerData.ring);
const errors = workerData.errors;
const size = bytes.length;
let tail = 0;
let taken = 0;
let failed = false;
Atomics.store(state, ${READY}, 1);
Atomics.notify(state, ${READY});
try {
  for (;;) {
    while (Atomics.load(state, ${PUBLISHED}) === taken && Atomics.load(state, ${END}) === 0) Atomics.wait(state, ${PUBLISHED}, taken, 1000);
    if (Atomics.load(state, ${PUBLISHED}) === taken) break;
    let skipped = 0;
    if (size - tail < ${HEADER} || words[tail >> 2] === ${WRAP}) {
      skipped = size - tail;
      tail = 0;
    }
    const pathBytes = words[tail >> 2];
    const contentBytes = words[(tail >> 2) + 1];
    const at = tail + ${HEADER};
    const path = bytes.toString('utf8', at, at + pathBytes);
    const used = skipped + ((${HEADER} + pathBytes + contentBytes + 3) & ~3);
    try {
      if (!failed && Atomics.load(state, ${STOP}) === 0) writeFileSync(path, bytes.subarray(at + pathBytes, at + pathBytes + contentBytes));
    } catch (e) {
      failed = true;
      errors.postMessage({ path, message: e.message, code: e.code, syscall: e.syscall, errno: e.errno });
    } finally {
      tail = (tail + used - skipped) % size;
      taken++;
      Atomics.sub(state, ${USED}, used);
      Atomics.sub(state, ${FILES}, 1);
      Atomics.notify(state, ${FILES});
    }
  }
} catch (e) {
  // A record it cannot read: nothing more is written, and a wait for it ends (waitForOne).
  errors.postMessage({ path: '', message: String(e && e.message) });
  Atomics.store(state, ${GONE}, 1);
  Atomics.notify(state, ${FILES});
}
`;

/** The most bytes a record of `content` for `path` takes in the ring, aligned. */
function most(path: string, content: string | readonly string[]): number {
  let units = path.length;
  if (typeof content === 'string') units += content.length;
  else for (const part of content) units += part.length;
  return (HEADER + 3 * units + 3) & ~3;
}

/**
 * Whether a part ends inside a surrogate pair (a high surrogate last): encoded on its own, each
 * half would become U+FFFD, where the parts joined hold one character.
 */
function splitsPair(part: string): boolean {
  const c = part.charCodeAt(part.length - 1);
  return c >= 0xd800 && c <= 0xdbff;
}

interface WriteFailure {
  path: string;
  message: string;
  code?: string;
  syscall?: string;
  errno?: number;
}

export class BackgroundWriter {
  private readonly state = new Int32Array(new SharedArrayBuffer(7 * 4));
  private readonly ring = new SharedArrayBuffer(RING_BYTES);
  private readonly bytes = Buffer.from(this.ring);
  private readonly words = new Int32Array(this.ring);
  /** Where the next record goes. */
  private head = 0;
  private readonly worker: Worker;
  private readonly errors: MessagePort;
  private failure: WriteFailure | undefined;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.errors = port1;
    // No node options of the process's (--input-type=module would make the code a module).
    this.worker = new Worker(CODE, { eval: true, execArgv: [], workerData: { state: this.state.buffer, ring: this.ring, errors: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 4 } });
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

  /**
   * Whether `content` for `path` can be handed over: its bytes (at most 3 per UTF-16 unit)
   * fit in the ring.
   */
  fits(path: string, content: string | readonly string[]): boolean {
    return most(path, content) <= RING_BYTES;
  }

  /**
   * Hands `content` over to be written to `path` (which the writer creates or replaces); see
   * `fits`. Content in parts is written as their concatenation, each part encoded into the
   * ring as it is: an export's small file is its head, its body (the same string for each
   * language of the article) and its end, and joining them first made a copy of every file
   * (and 250 MB of garbage over 10,000 articles' 30,000 files).
   */
  write(path: string, content: string | readonly string[]): void {
    // Room for the most the record can take, from `head` or, past the end, from the start.
    const size = most(path, content);
    const wrap = this.head + size > RING_BYTES;
    const skipped = wrap ? RING_BYTES - this.head : 0;
    while (RING_BYTES - Atomics.load(this.state, USED) < skipped + size) {
      // Nothing in flight frees the ring entirely (the thread gives back a record's bytes
      // before it counts the file written): no room then is a broken ring, not a wait.
      if (Atomics.load(this.state, FILES) === 0) throw new Error(`the ring of the thread writing the files is out of step (${Atomics.load(this.state, USED)} bytes in use, no file in flight)`);
      this.waitForOne();
    }
    if (wrap) {
      if (skipped >= HEADER) this.words[this.head >> 2] = WRAP;
      this.head = 0;
    }
    const at = this.head + HEADER;
    const pathBytes = this.bytes.write(path, at, 'utf8');
    let end = at + pathBytes;
    if (typeof content === 'string') end += content.length === 0 ? 0 : this.bytes.write(content, end, 'utf8');
    else if (content.some(splitsPair)) end += this.bytes.write(content.join(''), end, 'utf8');
    else for (const part of content) end += part.length === 0 ? 0 : this.bytes.write(part, end, 'utf8');
    this.words[this.head >> 2] = pathBytes;
    this.words[(this.head >> 2) + 1] = end - at - pathBytes;
    const used = (end - this.head + 3) & ~3;
    this.head = (this.head + used) % RING_BYTES;
    Atomics.add(this.state, USED, skipped + used);
    Atomics.add(this.state, FILES, 1);
    // Published last: the thread reads the record only once the count says it is there.
    Atomics.add(this.state, PUBLISHED, 1);
    Atomics.notify(this.state, PUBLISHED);
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
    Atomics.store(this.state, END, 1);
    Atomics.notify(this.state, PUBLISHED);
    void this.worker.terminate();
    this.errors.close();
  }

  /** Waits until a file in flight is written; throws when none is for `STALL_MS`. */
  private waitForOne(ms = STALL_MS): void {
    if (Atomics.load(this.state, GONE) === 1) {
      const why = (receiveMessageOnPort(this.errors)?.message as WriteFailure | undefined)?.message;
      throw new Error(`the thread writing the files failed: ${why ?? 'no reason given'}`);
    }
    const n = Atomics.load(this.state, FILES);
    if (n > 0 && Atomics.wait(this.state, FILES, n, ms) === 'timed-out' && ms === STALL_MS) {
      throw new Error(`the thread writing the files stopped with ${n} still to write`);
    }
  }
}
