/**
 * File-system edges. Every write in Tessera goes through `FileTransaction`: contents are
 * staged in memory, compared with what is on disk (files whose bytes would not change are not
 * touched), written to temporary files beside their targets, and only then renamed into
 * place. Until `commit()` nothing on disk changes, so a command that fails half-way — bad
 * input found late, an exception, Ctrl-C before the renames — leaves every file as it was.
 * Each rename is atomic on POSIX file systems.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, relative, resolve } from 'node:path';
import { inputError } from '../core/errors.js';

export function readText(path: string, label = path): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('no such file', { file: label }, 'check the path');
    if (code === 'EISDIR') throw inputError('is a folder, not a file', { file: label });
    throw inputError(`cannot read: ${(e as Error).message}`, { file: label });
  }
  return decodeUtf8(buf, label);
}

/** Bytes read at a time by `readTextChunks`. */
const CHUNK = 1 << 16;

/**
 * Streams a text file to `onChunk` as decoded strings, a megabyte at a time, with the same
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
        throw inputError('is not valid UTF-8', { file: label }, 'save the file as UTF-8 and try again');
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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    const line = buf.subarray(0, bad).toString('latin1').split('\n').length;
    throw inputError('is not valid UTF-8', { file: label, line }, 'save the file as UTF-8 and try again');
  }
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
 * half-way through the renames. The journal is written (atomically) before the first temporary
 * file and again, marked committed, once they are all written; then come the renames, then
 * the journal goes. `recoverJournal`, run when a project is opened, finishes the renames of a
 * committed journal (roll forward) or removes the temporary files of an uncommitted one (roll
 * back): either way every file is as before or as after, never a mix.
 */
interface Journal {
  committed: boolean;
  /** [temporary file, target], relative to the journal's folder. */
  renames: [string, string][];
}

export class FileTransaction {
  private readonly staged = new Map<string, string>();

  /** `journal`: where the commit journal goes (see `Journal`); without one, each file is atomic on its own. */
  constructor(private readonly options: { journal?: string } = {}) {}

  /** Stages `content` for `path`; later stages of the same path win. */
  write(path: string, content: string): void {
    this.staged.set(path, content);
  }

  /** Paths whose content differs from the disk (or that do not exist yet). */
  changed(): string[] {
    const out: string[] = [];
    for (const [path, content] of this.staged) {
      let current: string | undefined;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== content) out.push(path);
    }
    return out.sort();
  }

  /** Writes every changed file atomically; returns the paths written. */
  commit(): string[] {
    const paths = this.changed();
    if (paths.length === 0) return paths;
    const temps: [string, string][] = paths.map((path) => [join(dirname(path), `.${basename(path)}.${process.pid}.tmp`), path]);
    const journal = this.options.journal;
    // One file needs no journal: its rename is the commit.
    const journaled = journal !== undefined && paths.length > 1;
    if (journaled) writeJournal(journal, { committed: false, renames: temps });
    try {
      for (const [tmp, path] of temps) {
        mkdirSync(dirname(path), { recursive: true });
        // No fsync: the rename is what makes the write atomic for a killed process, and an
        // fsync per file costs more than everything else Tessera does (7 ms a file here).
        writeFileSync(tmp, this.staged.get(path)!, 'utf8');
      }
      if (journaled) writeJournal(journal, { committed: true, renames: temps });
    } catch (e) {
      for (const [tmp] of temps) rmSync(tmp, { force: true });
      if (journaled) rmSync(journal, { force: true });
      throw e;
    }
    for (const [tmp, path] of temps) renameSync(tmp, path);
    if (journaled) rmSync(journal, { force: true });
    return paths;
  }
}

function writeJournal(path: string, journal: Journal): void {
  const base = dirname(path);
  const rel: Journal = { committed: journal.committed, renames: journal.renames.map(([t, p]) => [relative(base, t), relative(base, p)]) };
  mkdirSync(base, { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(rel), 'utf8');
  renameSync(`${path}.tmp`, path);
}

/**
 * Completes or undoes the commit a killed process left in `path` (see `Journal`); returns
 * what it did, or undefined when there was nothing to do.
 */
export function recoverJournal(path: string): 'rolled-forward' | 'rolled-back' | undefined {
  rmSync(`${path}.tmp`, { force: true }); // a journal never completed: no temporary file was written yet
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    return undefined;
  }
  const base = dirname(path);
  for (const [t, p] of journal.renames) {
    const tmp = resolve(base, t);
    if (!existsSync(tmp)) continue; // already renamed, or never written
    if (journal.committed) renameSync(tmp, resolve(base, p));
    else rmSync(tmp, { force: true });
  }
  rmSync(path, { force: true });
  return journal.committed ? 'rolled-forward' : 'rolled-back';
}

export { existsSync };
