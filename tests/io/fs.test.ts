import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { FileTransaction, decodeUtf8, readText, readTextChunks, recoverJournal, textPieces, writeText } from '../../src/io/fs.js';
import { inputErrorOf } from '../helpers/errors.js';
import { REPO } from '../helpers/project.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-fs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative, sorted (to see stray temporary files). */
function listAll(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name).slice(root.length + 1))
    .sort();
}

describe('FileTransaction', () => {
  it('changes nothing on disk before commit', () => {
    const existing = join(dir, 'a.json');
    writeFileSync(existing, 'old\n');
    const fresh = join(dir, 'sub', 'deeper', 'b.json');
    const tx = new FileTransaction();
    tx.write(existing, 'new\n');
    tx.write(fresh, 'fresh\n');
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(dir, 'sub'))).toBe(false);
    expect(tx.changed()).toEqual([existing, fresh].sort());
    // Still nothing after asking what changed.
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
    expect(listAll(dir)).toEqual(['a.json']);
  });

  it('commit writes the changed files (creating folders) and returns their paths', () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'x', 'y', 'b.txt');
    writeFileSync(a, 'old');
    const tx = new FileTransaction();
    tx.write(b, 'B «ب»\n');
    tx.write(a, 'A\n');
    expect(tx.commit()).toEqual([a, b].sort());
    expect(readFileSync(a, 'utf8')).toBe('A\n');
    expect(readFileSync(b, 'utf8')).toBe('B «ب»\n');
    // No temporary files are left behind.
    expect(listAll(dir)).toEqual(['a.txt', join('x', 'y', 'b.txt')]);
  });

  it('does not rewrite files whose bytes would not change (same inode and mtime)', () => {
    const same = join(dir, 'same.json');
    const other = join(dir, 'other.json');
    writeFileSync(same, '{"a": 1}\n');
    writeFileSync(other, 'before\n');
    const before = statSync(same, { bigint: true });
    const tx = new FileTransaction();
    tx.write(same, '{"a": 1}\n');
    tx.write(other, 'after\n');
    expect(tx.changed()).toEqual([other]);
    expect(tx.commit()).toEqual([other]);
    const after = statSync(same, { bigint: true });
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(after.ctimeNs).toBe(before.ctimeNs);
    expect(readFileSync(other, 'utf8')).toBe('after\n');
  });

  it('a second commit of the same content writes nothing', () => {
    const p = join(dir, 'a.txt');
    const tx = new FileTransaction();
    tx.write(p, 'x');
    expect(tx.commit()).toEqual([p]);
    const ino = statSync(p).ino;
    expect(tx.commit()).toEqual([]);
    expect(statSync(p).ino).toBe(ino);
  });

  it('the last staged content for a path wins', () => {
    const p = join(dir, 'a.txt');
    const tx = new FileTransaction();
    tx.write(p, 'first');
    tx.write(p, 'second');
    expect(tx.commit()).toEqual([p]);
    expect(readFileSync(p, 'utf8')).toBe('second');
  });

  it('when a write fails, no file is changed and no temporary file is left', () => {
    const a = join(dir, 'a.txt');
    writeFileSync(a, 'original');
    // "blocker" is a file, so blocker/c.txt cannot be created.
    writeFileSync(join(dir, 'blocker'), 'I am a file');
    const tx = new FileTransaction();
    tx.write(a, 'changed');
    tx.write(join(dir, 'blocker', 'c.txt'), 'never');
    expect(() => tx.commit()).toThrow();
    expect(readFileSync(a, 'utf8')).toBe('original');
    expect(listAll(dir)).toEqual(['a.txt', 'blocker']);
  });
});

describe('decodeUtf8 / readText', () => {
  it('decodes UTF-8, dropping a BOM', () => {
    expect(decodeUtf8(Buffer.from('Libya’s «café» ليبيا\n', 'utf8'), 'x')).toBe('Libya’s «café» ليبيا\n');
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc')]), 'x')).toBe('abc');
  });

  it('refuses invalid UTF-8, naming the file and the line of the first bad byte', () => {
    const buf = Buffer.concat([Buffer.from('line one\nline two\nline ', 'utf8'), Buffer.from([0xe9]), Buffer.from(' three (Latin-1 é)\n')]);
    const err = inputErrorOf(() => decodeUtf8(buf, 'source/latin1.md'));
    const d = err.diagnostics[0]!;
    expect(d.file).toBe('source/latin1.md');
    expect(d.line).toBe(3);
    expect(d.message).toMatch(/UTF-8/);
    expect(d.hint).toMatch(/UTF-8/);
  });

  it('finds the bad line after valid multi-byte characters, and for a truncated sequence', () => {
    const buf = Buffer.concat([Buffer.from('ليبيا\n«ok»\n', 'utf8'), Buffer.from([0xe2, 0x80])]);
    expect(inputErrorOf(() => decodeUtf8(buf, 'x')).diagnostics[0]!.line).toBe(3);
    // An overlong encoding (0xC0 0xAF) is invalid too.
    expect(inputErrorOf(() => decodeUtf8(Buffer.from([0x61, 0x0a, 0xc0, 0xaf]), 'x')).diagnostics[0]!.line).toBe(2);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'Libya’s «café»\nليبيا';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeUtf8(le, 'x')).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(be[0]).toBe(0xfe);
    expect(decodeUtf8(be, 'x')).toBe(text);
  });

  it('readText reads a file, and reports a missing file or a folder as InputError naming it', () => {
    const p = join(dir, 'a.md');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]));
    expect(readText(p)).toBe('héllo');
    const missing = inputErrorOf(() => readText(join(dir, 'nope.md'), 'source/nope.md'));
    expect(missing.diagnostics[0]).toMatchObject({ file: 'source/nope.md', message: 'no such file' });
    expect(inputErrorOf(() => readText(dir, 'source')).diagnostics[0]!.message).toMatch(/folder/);
  });
});

describe('FileTransaction past its memory budget', () => {
  it('spills contents to hidden temporary files, commits them all, and skips unchanged ones', () => {
    const same = join(dir, 'same.txt');
    writeFileSync(same, 'x'.repeat(20));
    const tx = new FileTransaction({ memoryLimit: 10 }); // every content is over the budget
    tx.write(join(dir, 'a', 'one.txt'), 'first version, over budget');
    tx.write(join(dir, 'a', 'one.txt'), 'second version wins');
    tx.write(same, 'x'.repeat(20));
    tx.write(join(dir, 'two.txt'), 'two, over the budget too');
    // Before commit: no target changed, only hidden temporary files exist (a new folder's files
    // wait in the folder's hidden stage, under their own names).
    expect(listAll(dir).filter((f) => !/(^|\/)\.[^/]+\.\d+\.tmp(\/|$)/.test(f))).toEqual(['same.txt']);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(tx.changed()).toEqual([join(dir, 'a', 'one.txt'), join(dir, 'two.txt')]);
    expect(tx.commit()).toEqual([join(dir, 'a', 'one.txt'), join(dir, 'two.txt')]);
    expect(readFileSync(join(dir, 'a', 'one.txt'), 'utf8')).toBe('second version wins');
    expect(listAll(dir)).toEqual([join('a', 'one.txt'), 'same.txt', 'two.txt']);
  });

  it('abort removes the temporary files and changes nothing', () => {
    writeFileSync(join(dir, 'keep.txt'), 'original');
    const tx = new FileTransaction({ memoryLimit: 0 });
    tx.write(join(dir, 'keep.txt'), 'changed');
    tx.write(join(dir, 'new.txt'), 'new');
    tx.abort();
    expect(tx.commit()).toEqual([]);
    expect(listAll(dir)).toEqual(['keep.txt']);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('original');
  });

  it('read gives back what was staged: from memory, from its temporary file, or from the disk when unchanged', () => {
    const same = join(dir, 'same.txt');
    writeFileSync(same, 'already there');
    const tx = new FileTransaction({ memoryLimit: 12 });
    tx.write(join(dir, 'small.txt'), 'in memory'); // 9 characters: within the budget
    tx.write(join(dir, 'b', 'big.txt'), 'past the budget: spilled');
    tx.write(same, 'already there');
    expect(tx.read(join(dir, 'small.txt'))).toBe('in memory');
    expect(tx.read(join(dir, 'b', 'big.txt'))).toBe('past the budget: spilled');
    expect(tx.read(same)).toBe('already there');
    expect(tx.read(join(dir, 'never.txt'))).toBeUndefined();
    tx.write(join(dir, 'b', 'big.txt'), 'restaged, spilled again');
    expect(tx.read(join(dir, 'b', 'big.txt'))).toBe('restaged, spilled again');
    expect(tx.commit().sort()).toEqual([join(dir, 'b', 'big.txt'), join(dir, 'small.txt')]);
    expect(tx.read(join(dir, 'small.txt'))).toBeUndefined();
  });

  it('a new folder appears at the commit, whole; abort leaves no trace of it, and nothing of a folder that was there', () => {
    mkdirSync(join(dir, 'there'));
    const tx = new FileTransaction({ memoryLimit: 0 });
    tx.write(join(dir, 'there', 'x.txt'), 'x');
    tx.write(join(dir, 'new', 'deep', 'y.txt'), 'y');
    tx.write(join(dir, 'new', 'z.txt'), 'z');
    expect(existsSync(join(dir, 'new'))).toBe(false);
    tx.abort();
    expect(readdirSync(dir).sort()).toEqual(['there']);
    expect(readdirSync(join(dir, 'there'))).toEqual([]);

    const again = new FileTransaction({ memoryLimit: 5 }); // some contents in memory, some spilled
    again.write(join(dir, 'new', 'deep', 'y.txt'), 'y');
    again.write(join(dir, 'new', 'z.txt'), 'z, spilled');
    again.write(join(dir, 'new', 'other', 'w.txt'), 'w');
    expect(again.commit()).toEqual([join(dir, 'new', 'deep', 'y.txt'), join(dir, 'new', 'other', 'w.txt'), join(dir, 'new', 'z.txt')]);
    expect(listAll(dir)).toEqual([join('new', 'deep', 'y.txt'), join('new', 'other', 'w.txt'), join('new', 'z.txt')]);
    expect(readFileSync(join(dir, 'new', 'z.txt'), 'utf8')).toBe('z, spilled');
  });

  it('a new folder that another process makes meanwhile: the commit refuses, writes nothing and says why', () => {
    const tx = new FileTransaction({ memoryLimit: 0 });
    tx.write(join(dir, 'kept.txt'), 'mine');
    tx.write(join(dir, 'shared', 'z.txt'), 'z');
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'other.txt'), 'someone else');
    expect(() => tx.commit()).toThrow(/shared was made by another process while this one was writing into it; nothing was written/);
    expect(listAll(dir)).toEqual([join('shared', 'other.txt')]);
  });

  it('when a rename target cannot be written, spilled temporary files are removed', () => {
    writeFileSync(join(dir, 'blocker'), 'I am a file');
    const tx = new FileTransaction({ memoryLimit: 0 });
    tx.write(join(dir, 'ok.txt'), 'fine');
    expect(() => tx.write(join(dir, 'blocker', 'c.txt'), 'never')).toThrow();
    tx.abort();
    expect(listAll(dir)).toEqual(['blocker']);
  });
});

describe('readTextChunks', () => {
  it('streams a large file in several chunks that join to what readText gives, multibyte characters intact', () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, '\uFEFF' + 'àé€😀 news. '.repeat(30_000));
    const chunks: string[] = [];
    readTextChunks(p, 'big.txt', (c) => (chunks.push(c), true));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(readText(p)); // the BOM is not text, for either
  });

  it('stops when the reader says so, and refuses invalid UTF-8 as readText does, with the line', () => {
    const p = join(dir, 'bad.txt');
    writeFileSync(p, Buffer.concat([Buffer.from('ok\n'.repeat(40_000)), Buffer.from([0xff]), Buffer.from('\n')]));
    let n = 0;
    readTextChunks(p, 'bad.txt', () => (n++, false));
    expect(n).toBe(1);
    const e = inputErrorOf(() => readTextChunks(p, 'bad.txt', () => true));
    expect(e.diagnostics[0]).toMatchObject({ file: 'bad.txt', line: 40_001, message: 'is not valid UTF-8' });
  });
});

describe('FileTransaction with a journal', () => {
  const stage = (journal: string): FileTransaction => {
    const tx = new FileTransaction({ journal });
    for (const n of ['a', 'b', 'c']) tx.write(join(dir, 'locales', `${n}.json`), `new ${n}\n`);
    return tx;
  };

  it('commits every file and leaves no journal', () => {
    const journal = join(dir, '.tessera-journal');
    expect(stage(journal).commit()).toHaveLength(3);
    expect(listAll(dir)).toEqual(['locales/a.json', 'locales/b.json', 'locales/c.json']);
    expect(recoverJournal(journal)).toBeUndefined();
  });

  it('a committed journal left by a killed process is rolled forward; an uncommitted one back', () => {
    const journal = join(dir, '.tessera-journal');
    for (const committed of [true, false]) {
      rmSync(join(dir, 'locales'), { recursive: true, force: true });
      mkdirSync(join(dir, 'locales'));
      // What a process killed after writing its journal and temporary files leaves behind;
      // when committed, it had also renamed the first file already.
      const names = ['a', 'b', 'c'];
      const files = names.map((n) => `locales/${n}.json`);
      const temps = names.map((n) => `locales/.${n}.json.1.tmp`);
      names.forEach((n, i) => writeFileSync(join(dir, i === 0 && committed ? files[i]! : temps[i]!), `new ${n}\n`));
      writeFileSync(journal, JSON.stringify({ committed, renames: temps.map((t, i) => [t, files[i]!]) }));
      expect(recoverJournal(journal)).toBe(committed ? 'rolled-forward' : 'rolled-back');
      expect(listAll(join(dir, 'locales'))).toEqual(committed ? ['a.json', 'b.json', 'c.json'] : []);
      if (committed) expect(readFileSync(join(dir, files[2]!), 'utf8')).toBe('new c\n');
      expect(existsSync(journal)).toBe(false);
    }
  });

  it('a committed journal whose stage was not yet renamed: recovery puts the folder in place, whole', () => {
    const journal = join(dir, '.tessera-journal');
    const stage = join(dir, `.fresh.${process.pid}.1.tmp`);
    mkdirSync(join(stage, 'deep'), { recursive: true });
    writeFileSync(join(stage, 'a.json'), 'a\n');
    writeFileSync(join(stage, 'deep', 'b.json'), 'b\n');
    mkdirSync(join(dir, 'locales'));
    writeFileSync(join(dir, 'locales', `.c.json.${process.pid}.tmp`), 'c\n');
    writeFileSync(journal, JSON.stringify({ committed: true, renames: [[`locales/.c.json.${process.pid}.tmp`, 'locales/c.json'], [basename(stage), 'fresh']] }));
    expect(recoverJournal(journal)).toBe('rolled-forward');
    expect(listAll(dir)).toEqual(['fresh/a.json', 'fresh/deep/b.json', 'locales/c.json']);
  });

  it('an uncommitted journal removes stages, but nothing that does not bear a temporary name', () => {
    const journal = join(dir, '.tessera-journal');
    const stage = join(dir, `.fresh.${process.pid}.1.tmp`);
    mkdirSync(stage);
    writeFileSync(join(stage, 'a.json'), 'a\n');
    mkdirSync(join(dir, 'precious'));
    writeFileSync(join(dir, 'precious', 'keep.txt'), 'keep\n');
    writeFileSync(journal, JSON.stringify({ committed: false, renames: [[basename(stage), 'fresh'], ['precious', 'elsewhere']] }));
    expect(recoverJournal(journal)).toBe('rolled-back');
    expect(listAll(dir)).toEqual(['precious/keep.txt']);
  });

  it('contents spilled before a kill (a large transaction, no journal yet) are removed by recovery', () => {
    const journal = join(dir, '.tessera-journal');
    // Written on this thread, so that they are on disk when looked at (on the writer thread they
    // may still be on their way when the process dies: recovery takes the log's word for them).
    mkdirSync(join(dir, 'locales'));
    const tx = new FileTransaction({ journal, memoryLimit: 0, thread: false });
    tx.write(join(dir, 'locales', 'a.json'), 'new a\n');
    tx.write(join(dir, 'locales', 'b.json'), 'new b\n');
    // A new folder's files wait in its stage, which the log names once.
    tx.write(join(dir, 'fresh', 'deep', 'c.json'), 'new c\n');
    tx.write(join(dir, 'fresh', 'd.json'), 'new d\n');
    // The process dies here: temporary files and the spill log are on disk, no journal.
    const stage = readdirSync(dir).find((f) => f.startsWith('.fresh.'))!;
    expect(stage).toMatch(new RegExp(`^\\.fresh\\.${process.pid}\\.\\d+\\.tmp$`));
    expect(listAll(dir).sort()).toEqual(['.tessera-journal.spill', `${stage}/d.json`, `${stage}/deep/c.json`, 'locales/.a.json.' + process.pid + '.tmp', 'locales/.b.json.' + process.pid + '.tmp'].sort());
    expect(readFileSync(`${journal}.spill`, 'utf8').split('\n')).toContain(`${stage}\tfresh`);
    expect(recoverJournal(journal)).toBe('rolled-back');
    expect(listAll(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['locales']);
    // Committed normally, the spill log goes with the journal.
    const again = new FileTransaction({ journal, memoryLimit: 0 });
    again.write(join(dir, 'locales', 'a.json'), 'new a\n');
    again.write(join(dir, 'locales', 'b.json'), 'new b\n');
    expect(again.commit()).toHaveLength(2);
    expect(listAll(dir)).toEqual(['locales/a.json', 'locales/b.json']);
  });
});

/** Characters past which writePieces streams to the temporary file, and writeText writes in pieces (BIG_FILE in io/fs.ts). */
const BIG = 1 << 20;
const tempOf = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/** Whether the file holds exactly the UTF-8 of `text` (toEqual on megabyte buffers takes minutes). */
function expectBytes(path: string, text: string, what?: string): void {
  const bytes = readFileSync(path);
  const expected = Buffer.from(text, 'utf8');
  expect(bytes.length, what).toBe(expected.length);
  expect(bytes.equals(expected), what).toBe(true);
}

/** About 1.3 million characters (2.3 MB of UTF-8) in pieces of 72,000, multibyte and astral characters included. */
function bigPieces(last = 'the end\n'): string[] {
  const pieces = Array.from({ length: 18 }, (_, i) => `${i}:` + 'àé€😀 news. '.repeat(6_000));
  pieces.push(last);
  return pieces;
}

describe('FileTransaction.writePieces', () => {
  it('small content is staged like write: read back, listed as changed, committed as UTF-8 bytes, and unchanged the second time', () => {
    const p = join(dir, 'a.json');
    writeFileSync(p, 'old');
    const tx = new FileTransaction();
    tx.writePieces(p, ['{\n', '  "k": "«ب» 😀"', '\n}\n']);
    expect(tx.read(p)).toBe('{\n  "k": "«ب» 😀"\n}\n');
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(listAll(dir)).toEqual(['a.json']); // in memory, no temporary file
    expect(tx.commit()).toEqual([p]);
    expectBytes(p, '{\n  "k": "«ب» 😀"\n}\n');
    const ino = statSync(p).ino;
    tx.writePieces(p, ['{\n  "k": ', '"«ب» 😀"\n}\n']);
    expect(tx.commit()).toEqual([]);
    expect(statSync(p).ino).toBe(ino);
    // Past the memory budget, small content is spilled as write spills it.
    const spilling = new FileTransaction({ memoryLimit: 0, thread: false });
    spilling.writePieces(p, ['new ', 'text']);
    expect(existsSync(tempOf(p))).toBe(true);
    expect(spilling.read(p)).toBe('new text');
    expect(spilling.commit()).toEqual([p]);
    expect(readFileSync(p, 'utf8')).toBe('new text');
  });

  it('past a million characters, the pieces are streamed to the hidden temporary file as they come; the target changes at commit only', () => {
    const p = join(dir, 'locales', 'it', 'big.json');
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, 'old content\n');
    const before = statSync(p, { bigint: true });
    const pieces = bigPieces();
    const content = pieces.join('');
    expect(content.length).toBeGreaterThan(BIG);
    /** The temporary file's size each time a piece is asked for. */
    const sizes: (number | undefined)[] = [];
    function* streamed(): Generator<string> {
      for (const piece of pieces) {
        sizes.push(statSync(tempOf(p), { throwIfNoEntry: false })?.size);
        yield piece;
      }
    }
    const tx = new FileTransaction();
    tx.writePieces(p, streamed());
    // The temporary file exists as soon as the first million characters came, and holds every
    // piece given before the one being asked for.
    const firstSpilled = sizes.findIndex((s) => s !== undefined);
    expect(firstSpilled).toBeGreaterThan(0);
    expect(pieces.slice(0, firstSpilled).join('').length).toBeGreaterThan(BIG);
    expect(pieces.slice(0, firstSpilled - 1).join('').length).toBeLessThanOrEqual(BIG);
    for (let i = firstSpilled; i < pieces.length; i++) expect(sizes[i], `piece ${i}`).toBe(Buffer.byteLength(pieces.slice(0, i).join(''), 'utf8'));
    // Before commit: the whole content in the temporary file, the target as it was.
    expectBytes(tempOf(p), content);
    expect(readFileSync(p, 'utf8')).toBe('old content\n');
    expect(statSync(p, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    expect(tx.read(p)).toBe(content);
    expect(tx.changed()).toEqual([p]);
    expect(tx.commit()).toEqual([p]);
    expectBytes(p, content);
    expect(listAll(dir)).toEqual([join('locales', 'it', 'big.json')]);
  });

  it('a new file in a new folder is streamed and committed too', () => {
    const p = join(dir, 'new', 'folder', 'big.json');
    const content = bigPieces().join('');
    const tx = new FileTransaction();
    tx.writePieces(p, bigPieces());
    // In the stage of the new folder, under its own name.
    expect(listAll(dir)).toEqual([expect.stringMatching(new RegExp(`^\\.new\\.${process.pid}\\.\\d+\\.tmp/folder/big\\.json$`))]);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect(tx.commit()).toEqual([p]);
    expectBytes(p, content);
    expect(listAll(dir)).toEqual(['new/folder/big.json']);
  });

  it('the same big content already on disk is unchanged: no temporary file, not committed, same inode and mtime', () => {
    const p = join(dir, 'big.json');
    const other = join(dir, 'other.txt');
    const content = bigPieces().join('');
    writeFileSync(p, content);
    const before = statSync(p, { bigint: true });
    const tx = new FileTransaction();
    tx.writePieces(p, bigPieces());
    tx.write(other, 'something else');
    expect(existsSync(tempOf(p))).toBe(false);
    expect(tx.changed()).toEqual([other]);
    expect(tx.read(p)).toBe(content);
    expect(tx.commit()).toEqual([other]);
    const after = statSync(p, { bigint: true });
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(listAll(dir)).toEqual(['big.json', 'other.txt']);
  });

  it('big content that differs from the disk only in its last byte, or in length, is written', () => {
    const content = bigPieces().join('');
    const disks: [string, string | Buffer][] = [
      ['the last byte differs', content.slice(0, -1) + 'X'],
      ['the last byte of a multibyte character differs', Buffer.concat([Buffer.from(bigPieces('end €').join('')).subarray(0, -1), Buffer.from([0xad])])],
      ['the disk file is longer', content + '\n'],
      ['the disk file is shorter', content.slice(0, -1)],
      ['the disk file is much shorter', content.slice(0, BIG / 2)],
    ];
    for (const [name, disk] of disks) {
      const last = typeof disk === 'string' ? 'the end\n' : 'end €';
      const expected = bigPieces(last).join('');
      const p = join(dir, 'big.json');
      writeFileSync(p, disk);
      const tx = new FileTransaction();
      tx.writePieces(p, bigPieces(last));
      expect(existsSync(tempOf(p)), name).toBe(true);
      expect(tx.changed(), name).toEqual([p]);
      expect(tx.commit(), name).toEqual([p]);
      expectBytes(p, expected, name);
    }
    expect(listAll(dir)).toEqual(['big.json']);
  });

  it('a later stage of the same path wins, big over small and small over big', () => {
    const p = join(dir, 'a.json');
    const tx = new FileTransaction();
    tx.write(p, 'small');
    tx.writePieces(p, bigPieces());
    expect(tx.read(p)).toBe(bigPieces().join(''));
    tx.writePieces(p, ['small ', 'again']);
    expect(existsSync(tempOf(p))).toBe(false);
    expect(tx.commit()).toEqual([p]);
    expect(readFileSync(p, 'utf8')).toBe('small again');
  });

  it('abort removes the temporary file and leaves the target as it was', () => {
    const p = join(dir, 'big.json');
    writeFileSync(p, 'original');
    const tx = new FileTransaction();
    tx.writePieces(p, bigPieces());
    tx.writePieces(join(dir, 'sub', 'b.json'), bigPieces());
    expect(existsSync(tempOf(p))).toBe(true);
    tx.abort();
    expect(listAll(dir)).toEqual(['big.json']);
    expect(existsSync(join(dir, 'sub'))).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe('original');
    expect(tx.commit()).toEqual([]);
  });

  it('with a journal, the spill log names the streamed file before commit; recovery after a kill removes it; a commit leaves neither', () => {
    const journal = join(dir, '.tessera-journal');
    const p = join(dir, 'locales', 'a.json');
    mkdirSync(join(dir, 'locales')); // there already: each file waits beside its target
    const stage = (): FileTransaction => {
      const tx = new FileTransaction({ journal });
      tx.writePieces(p, bigPieces());
      tx.write(join(dir, 'locales', 'b.json'), 'small\n');
      return tx;
    };
    stage();
    // The process dies here.
    expect(readFileSync(`${journal}.spill`, 'utf8')).toBe(`locales/.a.json.${process.pid}.tmp\tlocales/a.json\n`);
    expect(listAll(dir)).toEqual(['.tessera-journal.spill', `locales/.a.json.${process.pid}.tmp`]);
    expect(recoverJournal(journal)).toBe('rolled-back');
    expect(listAll(dir)).toEqual([]);
    expect(stage().commit()).toEqual([p, join(dir, 'locales', 'b.json')]);
    expect(listAll(dir)).toEqual(['locales/a.json', 'locales/b.json']);
    expectBytes(p, bigPieces().join(''));
    // Unchanged the second time: nothing to commit, no log left.
    expect(stage().commit()).toEqual([]);
    expect(listAll(dir)).toEqual(['locales/a.json', 'locales/b.json']);
  });
});

describe('writeText / textPieces', () => {
  /** Over a million characters, the 1,048,576th UTF-16 unit a high surrogate. */
  const text = 'a'.repeat(BIG - 1) + '😀' + ' «ب» '.repeat(1_000) + '𝔘';

  it('the text has a surrogate pair across the million-character mark', () => {
    expect(text.charCodeAt(BIG - 1)).toBe(0xd83d);
    expect(text.charCodeAt(BIG)).toBe(0xde00);
  });

  it('writeText writes the UTF-8 of the whole text, for a long text and for pieces given', () => {
    const p = join(dir, 'long.txt');
    writeText(p, text);
    expectBytes(p, text);
    writeText(p, ['a', '😀', '', 'é']);
    expect(readFileSync(p, 'utf8')).toBe('a😀é');
    writeText(p, 'short «ب»');
    expectBytes(p, 'short «ب»');
  });

  it('a FileTransaction commits a long text staged in memory byte for byte', () => {
    const p = join(dir, 'long.txt');
    const tx = new FileTransaction({ memoryLimit: 4 * BIG });
    tx.write(p, text);
    expect(tx.commit()).toEqual([p]);
    expectBytes(p, text);
  });

  it('textPieces never splits a surrogate pair, and its pieces join to the text', () => {
    const pieces = [...textPieces(text)];
    expect(pieces.length).toBe(2);
    expect(pieces[0]!.length).toBe(BIG - 1);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(BIG);
      expect(/[\ud800-\udbff]$/.test(piece)).toBe(false);
      expect(/^[\udc00-\udfff]/.test(piece)).toBe(false);
    }
    expect(Buffer.concat(pieces.map((x) => Buffer.from(x, 'utf8'))).equals(Buffer.from(text, 'utf8'))).toBe(true);
    // A text of exactly a million characters, or less, is one piece; an empty one none.
    expect([...textPieces('b'.repeat(BIG))]).toHaveLength(1);
    expect([...textPieces('')]).toEqual([]);
    const three = [...textPieces('c'.repeat(2 * BIG + 5))];
    expect(three.map((x) => x.length)).toEqual([BIG, BIG, 5]);
  });
});

describe('FileTransaction compares bytes, not decoded text', () => {
  it('a file holding the same text in UTF-16 is rewritten as UTF-8, in memory and spilled', () => {
    // "€€" is 6 bytes in UTF-8, and 6 in UTF-16 with its BOM: the sizes agree.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('€€', 'utf16le')]);
    expect(utf16.length).toBe(Buffer.byteLength('€€', 'utf8'));
    for (const memoryLimit of [undefined, 0]) {
      const p = join(dir, `x-${memoryLimit}.txt`);
      writeFileSync(p, utf16);
      const tx = new FileTransaction(memoryLimit === undefined ? {} : { memoryLimit });
      tx.write(p, '€€');
      expect(tx.commit(), `memoryLimit ${memoryLimit}`).toEqual([p]);
      expectBytes(p, '€€');
    }
  });

  it('a file whose bytes are not UTF-8 is rewritten, even when they decode to the text with replacement characters', () => {
    // A cut 4-byte sequence is 3 bytes, as is the U+FFFD a lenient decoder makes of it.
    const p = join(dir, 'cut.txt');
    writeFileSync(p, Buffer.from([0xf0, 0x9f, 0x98]));
    const tx = new FileTransaction();
    tx.write(p, '\ufffd');
    expect(tx.commit()).toEqual([p]);
    expectBytes(p, '\ufffd');
  });
});

describe('FileTransaction: spilled contents written on a thread of their own (io/writer.ts)', () => {
  const files = (n: number): [string, string][] => Array.from({ length: n }, (_, i) => [join(dir, 'out', `l${i % 3}`, `f-${i}.xlf`), `<x n="${i}">${'«é» '.repeat(i % 50)}</x>\n`]);

  it('writes the same files as this thread does, reads each back once written, and leaves no temporary file', () => {
    const all = files(600);
    for (const thread of [true, false]) {
      const root = join(dir, 'out');
      rmSync(root, { recursive: true, force: true });
      const tx = new FileTransaction({ memoryLimit: 0, thread });
      for (const [p, c] of all) tx.write(p, c);
      // Read back at once: waits for the thread's write of it.
      expect(tx.read(all[599]![0])).toBe(all[599]![1]);
      expect(tx.commit()).toHaveLength(600);
      for (const [p, c] of all) expect(readFileSync(p, 'utf8'), `thread ${thread}`).toBe(c);
      expect(listAll(dir)).toHaveLength(600);
    }
  });

  it('writes contents given in parts as their concatenation, across the ring’s end and past its size', () => {
    // 2-byte and 4-byte characters, a surrogate pair split between two parts, an empty part;
    // 60 files of 50,000-450,000 characters go round the 8 MB ring several times; the last
    // (3,000,000 × "é", 6 MB of UTF-8 but room for 9 MB needed) does not fit and is written here.
    const all: [string, string[]][] = [];
    for (let i = 0; i < 60; i++) {
      const body = `«${'x'.repeat(i)}» 😀 `.repeat(Math.floor((50_000 + i * 7_000) / (i + 6)));
      const parts = i % 5 === 0 ? ['<a>', '😀'.slice(0, 1), `${'😀'.slice(1)}${body}`, '', '</a>\n'] : ['<a>', body, '', '</a>\n'];
      all.push([join(dir, 'out', `l${i % 3}`, `f-${i}.xlf`), parts]);
    }
    all.push([join(dir, 'out', 'big.xlf'), ['<b>', 'é'.repeat(3_000_000), '</b>\n']]);
    for (const thread of [true, false]) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const tx = new FileTransaction({ memoryLimit: 0, thread });
      for (const [p, parts] of all) tx.write(p, parts);
      expect(tx.commit()).toHaveLength(all.length);
      for (const [p, parts] of all) expect(readFileSync(p).equals(Buffer.from(parts.join(''), 'utf8')), `${basename(p)}, thread ${thread}`).toBe(true);
      expect(listAll(dir)).toHaveLength(all.length);
    }
  });

  it('a write that fails fails the commit with its error, and every file stays as it was', () => {
    const all = files(300);
    mkdirSync(dirname(all[0]![0]), { recursive: true });
    writeFileSync(all[0]![0], 'the old file');
    // A folder where one temporary file goes: writing it fails (EISDIR).
    const [victim] = all[150]!;
    const blocker = join(dirname(victim), `.${basename(victim)}.${process.pid}.tmp`);
    mkdirSync(blocker, { recursive: true });
    const tx = new FileTransaction({ memoryLimit: 0 });
    for (const [p, c] of all) tx.write(p, c);
    expect(() => tx.commit()).toThrow(/EISDIR/);
    expect(readFileSync(all[0]![0], 'utf8')).toBe('the old file');
    expect(listAll(dir)).toEqual([relative(dir, all[0]![0])]);
    rmSync(blocker, { recursive: true });
  });

  it('abort waits for the writes on their way, then removes every temporary file', () => {
    const tx = new FileTransaction({ memoryLimit: 0 });
    for (const [p, c] of files(400)) tx.write(p, c);
    tx.abort();
    expect(listAll(dir)).toEqual([]);
  });

  it('a process that exits before its commit leaves no temporary file, whatever the writer was doing', () => {
    // The built module: the writer thread and the exit hook as the command runs them.
    const script = `
      const { FileTransaction } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'dist/io/fs.js')).href)});
      const tx = new FileTransaction({ memoryLimit: 0 });
      for (let i = 0; i < 3000; i++) tx.write(${JSON.stringify(dir)} + '/out/f-' + i + '.xlf', 'x'.repeat(2000) + i);
      process.exit(3);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(listAll(dir)).toEqual([]);
  });
});
