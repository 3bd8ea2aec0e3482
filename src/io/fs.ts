/**
 * File-system edges. Every write in Tessera goes through `FileTransaction`: contents are
 * staged, compared with what is on disk (files whose bytes would not change are not touched),
 * written to temporary files beside their targets, and only then renamed into place. Until
 * `commit()` no file changes (a large transaction may already hold hidden `.name.pid.tmp`
 * files), so a command that fails half-way — bad input found late, an exception, Ctrl-C
 * before the renames — leaves every file as it was. Each rename is atomic on POSIX file systems.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, basename, join, relative, resolve, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { inputError, msg } from '../core/errors.js';
import { BackgroundWriter } from './writer.js';

/**
 * Texts past a million characters are written (and hashed) a piece at a time: Node turns a
 * string into one buffer of all its bytes, and glibc, once it has freed a large buffer, serves
 * every later one up to that size from the C heap, which keeps its pages.
 */
const BIG_FILE = 1 << 20;

/**
 * Writes `content` to `path` (not atomic: see `FileTransaction`): a long text in `textPieces`,
 * content made in pieces as they come.
 */
export function writeText(path: string, content: string | Iterable<string>): void {
  if (typeof content === 'string' && content.length <= BIG_FILE) return writeFileSync(path, content, 'utf8');
  const fd = openSync(path, 'w');
  try {
    for (const piece of typeof content === 'string' ? textPieces(content) : content) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * `text` in pieces of at most `BIG_FILE` characters, never cut between the halves of a
 * surrogate pair: encoded one after the other they give the same bytes as the whole.
 */
export function* textPieces(text: string): Generator<string> {
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + BIG_FILE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
}

/** The text of a file (strict UTF-8, or UTF-16 with a BOM); an input error naming `label` when it cannot be read. */
export function readText(path: string, label = path): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError(msg('errors.noSuchFile'), { file: label }, msg('errors.checkPath'));
    if (code === 'EISDIR') throw inputError(msg('errors.isFolder'), { file: label });
    throw inputError(msg('errors.cannotRead', { detail: (e as Error).message }), { file: label });
  }
  return decodeUtf8(buf, label);
}

/** A file's fingerprint from its size and modification time, as make and git's index use (io/cache.ts). */
export function fingerprintOf(s: { size: number; mtimeMs: number }): string {
  return `${s.size}:${Math.trunc(s.mtimeMs)}`;
}

/** What a step process started ahead of its turn has seen of the project (pipeline/ahead.ts). */
export interface SeenAhead {
  /** A file's fingerprint, as io/cache.ts `fingerprint` gives it; undefined when not taken. */
  fingerprint(path: string): string | undefined;
  /** The names in a folder; undefined when not listed. */
  listing(dir: string): Set<string> | undefined;
}

/**
 * Fingerprints and listings taken ahead of the step that will ask for them (pipeline/ahead.ts:
 * a step process started ahead of its turn looks at the project's files while the step before
 * it runs). Good only while nothing is written: this process's first commit (or journal
 * recovery) forgets them, and its parent has them forgotten when the step before wrote.
 */
let ahead: SeenAhead | undefined;
/** Files this process has put in place by commits, and journals it recovered, whatever the steps report. */
let filesPut = 0;

export function setSeenAhead(seen: SeenAhead | undefined): void {
  ahead = seen;
}

/** A fingerprint taken ahead for `path`, if any (io/cache.ts `fingerprint`). */
export function fingerprintAhead(path: string): string | undefined {
  return ahead?.fingerprint(path);
}

/** A listing of `dir` taken ahead, if any (io/cache.ts, a step's outputs). */
export function listingAhead(dir: string): Set<string> | undefined {
  return ahead?.listing(dir);
}

/** How many files this process's commits have put in place so far, and journals it recovered. */
export function filesCommitted(): number {
  return filesPut;
}

/** About to change files: fingerprints taken ahead no longer hold. */
function changing(files: number): void {
  ahead = undefined;
  filesPut += files;
}

const SMALL_FILE = 1 << 16;
let scratch: Buffer | undefined;

/**
 * Strict UTF-8 to text, a BOM dropped (as TextDecoder drops it); undefined when the bytes are
 * not UTF-8. Checked by simdutf and decoded by V8 straight into the string, where TextDecoder
 * (ICU) first converts the whole file into a UTF-16 buffer of its own.
 */
function strictUtf8(buf: Uint8Array): string | undefined {
  if (!isUtf8(buf)) return undefined;
  const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text of a file known to exist (from a folder listing), read with one open, one read and
 * one close into a reused buffer — no stat and no allocation for files under 64 KB: status
 * reads tens of thousands of small locale files. `label` names the file in messages, and is
 * only worked out on error. `stat`, when given, is told the file's size and time as it was
 * opened (io/cache.ts fingerprints from it).
 */
export function readListedText(path: string, label: () => string, stat?: (s: { size: number; mtimeMs: number }) => void): string {
  let n: number;
  try {
    const fd = openSync(path, 'r');
    try {
      if (stat) stat(fstatSync(fd));
      scratch ??= Buffer.allocUnsafe(SMALL_FILE);
      n = readSync(fd, scratch, 0, SMALL_FILE, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return readText(path, label()); // gone since the listing, a folder…: its own message
  }
  if (n === SMALL_FILE) return readText(path, label()); // a larger file: read it whole
  const buf = scratch.subarray(0, n);
  return strictUtf8(buf) ?? decodeUtf8(Buffer.from(buf), label());
}

/** The file's text, or undefined when there is no such file (one system call, not two). */
export function readTextIfExists(path: string, label: string | (() => string) = path): string | undefined {
  const name = (): string => (typeof label === 'string' ? label : label());
  // A stat first: a missing file is common (a language not started yet), and a thrown ENOENT
  // costs several times the stat.
  if (!statSync(path, { throwIfNoEntry: false })) return undefined;
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return readText(path, name());
  }
  // Most files are plain UTF-8: decode without the label, and name the file only on error.
  return strictUtf8(buf) ?? decodeUtf8(buf, name());
}

/** Bytes read at a time by `readTextChunks`. */
const CHUNK = 1 << 16;

/**
 * Streams a text file to `onChunk` as decoded strings, 64 KB at a time, with the same
 * rules and errors as `readText` (a UTF-16 file, recognised by its BOM, comes as one chunk).
 * `onChunk` returns false to stop reading.
 */
export function readTextChunks(path: string, label: string, onChunk: (text: string) => boolean): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    onChunk(readText(path, label)); // throws the error readText gives
    return;
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let n = readSync(fd, buf, 0, CHUNK, null);
    if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
      onChunk(readText(path, label));
      return;
    }
    const decode = (bytes?: Uint8Array): string => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch {
        readText(path, label); // names the line of the bad byte
        throw inputError(msg('errors.notUtf8'), { file: label }, msg('errors.notUtf8Hint'));
      }
    };
    for (; n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      const text = decode(buf.subarray(0, n));
      if (text && !onChunk(text)) return;
    }
    const rest = decode();
    if (rest) onChunk(rest);
  } finally {
    closeSync(fd);
  }
}

/** Strict UTF-8 (with or without BOM); UTF-16 is recognised by its BOM and decoded. */
export function decodeUtf8(buf: Buffer, label: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf);
  }
  const text = strictUtf8(buf);
  if (text !== undefined) return text;
  const bad = firstInvalidUtf8(buf);
  const line = buf.subarray(0, bad).toString('latin1').split('\n').length;
  throw inputError(msg('errors.notUtf8'), { file: label, line }, msg('errors.notUtf8Hint'));
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/**
 * With a journal, a commit is all or nothing across its files, even for a process killed
 * half-way through the renames. The journal is written (atomically) before the temporary files
 * of the commit and again, marked committed, once they are all written; then come the renames,
 * then the journal goes. Contents spilled before the commit (a large transaction, see
 * `FileTransaction`) are listed as they are written in the journal's spill log (`<journal>.spill`,
 * appended, one line per file). `recoverJournal`, run when a project is opened, finishes the
 * renames of a committed journal (roll forward) or removes the temporary files of an
 * uncommitted one and of the spill log (roll back): every file is as before or as after.
 */
interface Journal {
  committed: boolean;
  /** [temporary file or stage (a folder, renamed whole), target], relative to the journal's folder. */
  renames: [string, string][];
  /**
   * The spill log's renames belong to the commit too (they are not repeated in `renames`: a
   * build spills 120,000 files, and listing them again would hold them all in memory at once).
   */
  spill?: boolean;
}

/** Temporary files of transactions not yet committed, removed if the process exits first. */
const pending = new Set<string>();
/** Transactions holding spilled files or stages (see FileTransaction), likewise. */
const spilling = new Set<FileTransaction>();
let exitHook = false;

/** Whether `path` holds exactly `content`: a stat settles most cases without reading. */
function sameOnDisk(path: string, content: string): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st || !st.isFile() || st.size !== Buffer.byteLength(content, 'utf8')) return false;
  try {
    // The bytes as they are: readText would also take a UTF-16 file (or drop a BOM) holding the same text.
    const buf = readFileSync(path);
    return isUtf8(buf) && buf.toString('utf8') === content;
  } catch {
    return false;
  }
}

/** A read-only descriptor of `path` when it is a regular file, else undefined. */
function openIfFile(path: string): number | undefined {
  try {
    const fd = openSync(path, 'r');
    if (fstatSync(fd).isFile()) return fd;
    closeSync(fd);
  } catch {
    // no such file: nothing to compare with
  }
  return undefined;
}

let compareBuffer = Buffer.alloc(0);
/** A reused buffer of at least `n` bytes, for reading back what is compared. */
function scratchFor(n: number): Buffer {
  if (compareBuffer.length < n) compareBuffer = Buffer.allocUnsafe(Math.max(n, 2 ** 16));
  return compareBuffer;
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

let stages = 0;
/** A new hidden folder beside `top` for its stage (numbered: transactions of one process may stage the same folder). */
function makeStage(top: string): string {
  for (;;) {
    const stage = join(dirname(top), `.${basename(top)}.${process.pid}.${++stages}.tmp`);
    try {
      mkdirSync(stage);
      return stage;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

function hookExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const t of pending) rmSync(t, { force: true });
    for (const tx of spilling) tx.abort(true);
  });
}

function track(tmp: string): void {
  hookExit();
  pending.add(tmp);
}

export class FileTransaction {
  /** Contents staged in memory, by path. */
  private readonly staged = new Map<string, string>();
  /** Paths whose contents are already written to their temporary file (`tmpOf`). */
  private readonly spilled = new Set<string>();
  /** The spill log, open for appending while the transaction spills. */
  private spillFd: number | undefined;
  /**
   * Folders known, whether this transaction made them (so they held nothing before), and where
   * their files are written until the commit: a folder made here is staged (`stages`).
   */
  private readonly folders = new Map<string, { made: boolean; at: string }>();
  /**
   * Folders that did not exist, made under a hidden name beside where they go (topmost missing
   * folder → its stage, `tempPath` of it) and renamed into place at the commit: their files are
   * written under their own names inside, and the commit renames one folder, not each file —
   * a first export of 10,000 articles writes 30,000 files into three new folders (0.7 s of
   * renames saved), a first build 120,000.
   */
  private readonly stages = new Map<string, string>();
  /** Folders relative to the journal's, for the spill log. */
  private readonly relDirs = new Map<string, string>();
  /** Paths staged past the memory limit with the content already on disk (nothing to write). */
  private readonly unchanged = new Set<string>();
  private bytes = 0;
  private readonly journal: string | undefined;
  private readonly memoryLimit: number;
  /** Writes spilled contents on a thread of its own (io/writer.ts), from the first spill on. */
  private writer: BackgroundWriter | undefined;
  private threaded: boolean;

  /**
   * `journal`: where the commit journal goes (see `Journal`); without one, each file is atomic
   * on its own. `memoryLimit`: characters staged in memory before further contents go to
   * temporary files beside their targets (hidden: `.name.pid.tmp`), or into the stage of a
   * folder that does not exist yet (hidden: `.folder.pid.n.tmp/`, see `stages`) — a
   * newsroom-scale export or build stages hundreds of megabytes, and spilling keeps memory flat.
   * Temporary files and stages are removed when a commit fails, on `abort()`, when the process
   * exits before committing, and (after a kill) by `recoverJournal`. `thread`: spilled contents
   * are written on a thread of their own (default; io/writer.ts).
   */
  constructor(options: { journal?: string; memoryLimit?: number; thread?: boolean } = {}) {
    this.journal = options.journal;
    this.memoryLimit = options.memoryLimit ?? 4 * 2 ** 20;
    this.threaded = options.thread ?? true;
  }

  /**
   * Stages `content` for `path`; later stages of the same path win. Content in parts is the
   * parts' concatenation: spilled to the writer thread, the parts are not joined (see
   * BackgroundWriter.write).
   */
  write(path: string, content: string | readonly string[]): void {
    this.forget(path);
    const length = typeof content === 'string' ? content.length : content.reduce((n, part) => n + part.length, 0);
    if (this.bytes + length <= this.memoryLimit) {
      const whole = typeof content === 'string' ? content : content.join('');
      this.staged.set(path, whole);
      this.bytes += whole.length;
      return;
    }
    // Spilled contents are compared with the disk now: an unchanged file costs no write. In a
    // folder this transaction created there is nothing to compare with.
    const dir = dirname(path);
    let whole: string | undefined;
    if (!this.folder(dir)) {
      whole = typeof content === 'string' ? content : content.join('');
      if (sameOnDisk(path, whole)) {
        this.unchanged.add(path);
        return;
      }
    }
    const tmp = this.spillTo(path);
    if (this.threaded && length <= BIG_FILE && this.writer === undefined) {
      const writer = new BackgroundWriter();
      if (writer.started()) this.writer = writer;
      else {
        writer.close();
        this.threaded = false; // no thread to be had: this one writes
      }
    }
    if (this.writer?.fits(tmp, whole ?? content)) this.writer.write(tmp, whole ?? content);
    else writeText(tmp, whole ?? (typeof content === 'string' ? content : content.join('')));
  }

  /** Waits for the writer thread's writes (throwing the error of one that failed). */
  private settle(): void {
    this.writer?.drain();
  }

  /** Ends the writer thread, its writes finished (or, `stopping`, the rest skipped). */
  private endWriter(stopping: boolean): void {
    if (!this.writer) return;
    if (stopping) this.writer.stop();
    else {
      try {
        this.writer.drain();
      } catch {
        // the transaction is being dropped: a failed write no longer matters
      }
    }
    this.writer.close();
    this.writer = undefined;
  }

  /**
   * `write` for content made in pieces (core/json.ts). Past `BIG_FILE` characters the pieces go to
   * the temporary file as they come, compared with the disk on the way: a 100,000-sentence
   * article's locale files (tens of megabytes) are never one string.
   */
  writePieces(path: string, pieces: Iterable<string>): void {
    const held: string[] = [];
    let size = 0;
    const rest = pieces[Symbol.iterator]();
    for (let r = rest.next(); !r.done; r = rest.next()) {
      held.push(r.value);
      size += r.value.length;
      if (size > BIG_FILE) return this.spillPieces(path, held, rest);
    }
    this.write(path, held.join(''));
  }

  private spillPieces(path: string, held: string[], rest: Iterator<string>): void {
    this.forget(path);
    // Compared as written; a file found unchanged loses its temporary file again.
    const disk = this.folder(dirname(path)) ? undefined : openIfFile(path);
    const tmp = this.spillTo(path);
    const fd = openSync(tmp, 'w');
    let same = disk !== undefined;
    let at = 0;
    try {
      const put = (piece: string): void => {
        const bytes = Buffer.from(piece, 'utf8');
        writeSync(fd, bytes);
        if (same) {
          const back = scratchFor(bytes.length);
          same = readSync(disk!, back, 0, bytes.length, at) === bytes.length && bytes.equals(back.subarray(0, bytes.length));
        }
        at += bytes.length;
      };
      for (const piece of held) put(piece);
      held.length = 0;
      for (let r = rest.next(); !r.done; r = rest.next()) put(r.value);
      if (same) same = fstatSync(disk!).size === at;
    } finally {
      closeSync(fd);
      if (disk !== undefined) closeSync(disk);
    }
    if (!same) return;
    rmSync(tmp, { force: true });
    this.spilled.delete(path);
    this.unchanged.add(path);
  }

  /** Enters `path` in the spill log (a journal's) and among the spilled; returns its temporary file. */
  private spillTo(path: string): string {
    const dir = dirname(path);
    const tmp = this.tmpOf(path);
    // A staged folder's files need no line each: the stage is in the log (`folder`).
    if (this.journal && !this.folders.get(dir)!.made) this.log(dir, tmp, path);
    hookExit();
    spilling.add(this);
    this.spilled.add(path);
    return tmp;
  }

  /** Appends a temporary file (or stage) and its target to the spill log. */
  private log(dir: string, tmp: string, path: string): void {
    if (this.journal) {
      let rel = this.relDirs.get(dir);
      if (rel === undefined) {
        rel = relative(dirname(this.journal), dir);
        if (rel !== '') rel += sep;
        this.relDirs.set(dir, rel);
      }
      // Appended before the temporary file is written, with no buffer in between: a kill
      // after this line leaves no temporary file the log does not name.
      this.spillFd ??= openSync(`${this.journal}.spill`, 'a');
      writeSync(this.spillFd, `${rel}${basename(tmp)}\t${rel}${basename(path)}\n`);
    }
  }

  /** Where `path`'s content waits for the commit: inside its folder's stage, or a temporary file beside it. */
  private tmpOf(path: string): string {
    const f = this.folders.get(dirname(path));
    return f?.made ? `${f.at}${sep}${basename(path)}` : tempPath(path);
  }

  /**
   * Makes `dir` if need be (one look a folder, not one a file); whether this transaction made it.
   * A folder that does not exist is made in the stage of its topmost missing folder (`stages`).
   */
  private folder(dir: string): boolean {
    let f = this.folders.get(dir);
    if (f === undefined) {
      let top: string | undefined;
      for (let d = dir; !existsSync(d); d = dirname(d)) {
        top = d;
        if (dirname(d) === d) break;
      }
      if (top === undefined) {
        mkdirSync(dir, { recursive: true }); // there already (or a file in the way: mkdir says so)
        f = { made: false, at: dir };
      } else {
        let stage = this.stages.get(top);
        if (stage === undefined) {
          stage = makeStage(top);
          this.stages.set(top, stage);
          hookExit();
          spilling.add(this);
          if (this.journal) this.log(dirname(top), stage, top);
        }
        const at = stage + dir.slice(top.length);
        mkdirSync(at, { recursive: true });
        f = { made: true, at };
      }
      this.folders.set(dir, f);
    }
    return f.made;
  }

  private closeSpillLog(): void {
    if (this.spillFd === undefined) return;
    closeSync(this.spillFd);
    this.spillFd = undefined;
  }

  /**
   * The content last staged for `path` (from memory, its temporary file, or the disk when it
   * was found unchanged), or undefined when nothing was staged for it: a step that stages as
   * it goes can read back what it staged instead of holding it.
   */
  read(path: string): string | undefined {
    const inMemory = this.staged.get(path);
    if (inMemory !== undefined) return inMemory;
    if (this.spilled.has(path)) {
      this.settle();
      return readText(this.tmpOf(path));
    }
    if (this.unchanged.has(path)) return readText(path);
    return undefined;
  }

  private forget(path: string): void {
    this.unchanged.delete(path);
    const old = this.staged.get(path);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.staged.delete(path);
    }
    if (this.spilled.has(path)) {
      this.settle(); // its write may still be on its way
      rmSync(this.tmpOf(path), { force: true });
      this.spilled.delete(path);
    }
  }

  /** Paths whose content differs from the disk (or that do not exist yet). */
  changed(): string[] {
    const out = [...this.spilled];
    for (const [path, content] of this.staged) if (!sameOnDisk(path, content)) out.push(path);
    return out.sort();
  }

  /**
   * Drops everything staged; nothing on disk changes. `exiting`: the process is ending (the
   * exit hook), so writes still in flight are skipped rather than waited for.
   */
  abort(exiting = false): void {
    this.endWriter(exiting);
    for (const path of [...this.spilled]) this.forget(path);
    spilling.delete(this);
    this.staged.clear();
    this.unchanged.clear();
    this.bytes = 0;
    this.closeSpillLog();
    this.folders.clear();
    if (this.journal) rmSync(`${this.journal}.spill`, { force: true });
    // Staged folders go with what is in them: they held nothing before.
    for (const stage of this.stages.values()) rmSync(stage, { recursive: true, force: true });
    this.stages.clear();
  }

  /** Writes every changed file atomically; returns the paths written. */
  commit(): string[] {
    try {
      this.settle();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.endWriter(false);
    const paths = this.changed();
    if (paths.length === 0) {
      this.abort();
      return paths;
    }
    // Every file's folder first: it decides where the file waits (a folder staged now is logged).
    for (const path of paths) this.folder(dirname(path));
    this.closeSpillLog();
    for (const top of this.stages.keys()) {
      if (existsSync(top)) {
        this.abort();
        throw new Error(`${top} was made by another process while this one was writing into it; nothing was written: run the command again`);
      }
    }
    // A file waits in its temporary file beside it (`tempPath`), or under its own name in its
    // folder's stage; the commit renames the former one by one, the stages whole. The journal
    // lists the files written now and the stages; the spilled files are in the spill log, which it points to.
    const inMemory: [string, string][] = paths.filter((path) => !this.spilled.has(path)).map((path) => [this.tmpOf(path), path]);
    const oneByOne = new Set(paths.filter((path) => !this.folders.get(dirname(path))!.made));
    const stages: [string, string][] = [...this.stages].map(([top, stage]) => [stage, top]);
    const renames: [string, string][] = [...inMemory.filter(([, path]) => oneByOne.has(path)), ...stages];
    const spill = this.spilled.size > 0 && this.journal !== undefined ? { spill: true } : {};
    const journal = this.journal;
    // One rename needs no journal: it is the commit.
    const journaled = journal !== undefined && oneByOne.size + stages.length > 1;
    if (journaled) writeJournal(journal, { committed: false, renames, ...spill });
    try {
      for (const [tmp, path] of inMemory) {
        track(tmp);
        // No fsync: the rename is what makes the write atomic for a killed process, and an
        // fsync per file costs more than everything else Tessera does (7 ms a file here).
        writeText(tmp, this.staged.get(path)!);
      }
      if (journaled) writeJournal(journal, { committed: true, renames, ...spill });
    } catch (e) {
      for (const [tmp] of inMemory) rmSync(tmp, { force: true });
      if (journaled) rmSync(journal, { force: true });
      this.abort();
      throw e;
    }
    // Committed: from here a failure leaves the rest to the journal's roll-forward, not to the exit hook.
    spilling.delete(this);
    changing(paths.length);
    for (const path of oneByOne) renameSync(tempPath(path), path);
    for (const [stage, top] of stages) renameSync(stage, top);
    for (const [tmp] of inMemory) pending.delete(tmp);
    if (journaled) rmSync(journal, { force: true });
    if (journal) rmSync(`${journal}.spill`, { force: true });
    this.spilled.clear();
    this.staged.clear();
    this.unchanged.clear();
    this.folders.clear();
    this.stages.clear();
    this.bytes = 0;
    return paths;
  }
}

function writeJournal(path: string, journal: Journal): void {
  const base = dirname(path);
  const rel: Journal = { committed: journal.committed, renames: journal.renames.map(([t, p]) => [relative(base, t), relative(base, p)]) };
  if (journal.spill) rel.spill = true;
  mkdirSync(base, { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(rel), 'utf8');
  renameSync(`${path}.tmp`, path);
}

/**
 * Completes or undoes the commit a killed process left in `path` and its spill log (see
 * `Journal`); returns what it did, or undefined when there was nothing to do.
 */
export function recoverJournal(path: string): 'rolled-forward' | 'rolled-back' | undefined {
  rmSync(`${path}.tmp`, { force: true }); // a journal never completed: no temporary file was written yet
  const base = dirname(path);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    journal = undefined;
  }
  let spilled: [string, string][] = [];
  try {
    spilled = readFileSync(`${path}.spill`, 'utf8')
      .split('\n')
      .map((l) => l.split('\t') as [string, string])
      .filter((p) => p.length === 2 && p[0] !== '' && p[1] !== '');
  } catch {
    // no spill log
  }
  if (!journal && spilled.length === 0) {
    rmSync(`${path}.spill`, { force: true });
    return undefined;
  }
  const committed = journal?.committed ?? false;
  changing(1);
  // A committed journal with `spill` finishes the spill log's renames too (a file written both
  // ways has one temporary file: the second rename finds it gone).
  for (const [t, p] of committed ? [...journal!.renames, ...(journal!.spill ? spilled : [])] : [...(journal?.renames ?? []), ...spilled]) {
    const tmp = resolve(base, t);
    if (!existsSync(tmp)) continue; // already renamed, or never written
    if (committed) renameSync(tmp, resolve(base, p));
    // A stage is a folder; only a name Tessera gives its temporary files is removed.
    else if (/^\..+\.tmp$/.test(basename(tmp))) rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(path, { force: true });
  rmSync(`${path}.spill`, { force: true });
  return committed ? 'rolled-forward' : 'rolled-back';
}

export { existsSync };
