/**
 * File-system edges. Every write in Tessera goes through `FileTransaction`: contents are
 * staged in memory, compared with what is on disk (files whose bytes would not change are not
 * touched), written to temporary files beside their targets, and only then renamed into
 * place. Until `commit()` nothing on disk changes, so a command that fails half-way — bad
 * input found late, an exception, Ctrl-C before the renames — leaves every file as it was.
 * Each rename is atomic on POSIX file systems.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { inputError, msg } from '../core/errors.js';

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
    throw inputError(msg('errors.notUtf8'), { file: label, line }, msg('errors.notUtf8Hint'));
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

export class FileTransaction {
  private readonly staged = new Map<string, string>();

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
    const temps: [string, string][] = [];
    try {
      for (const path of paths) {
        mkdirSync(dirname(path), { recursive: true });
        const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
        // No fsync: the rename is what makes the write atomic for a killed process, and an
        // fsync per file costs more than everything else Tessera does (7 ms a file here).
        writeFileSync(tmp, this.staged.get(path)!, 'utf8');
        temps.push([tmp, path]);
      }
    } catch (e) {
      for (const [tmp] of temps) rmSync(tmp, { force: true });
      throw e;
    }
    for (const [tmp, path] of temps) renameSync(tmp, path);
    return paths;
  }
}

export { existsSync };
