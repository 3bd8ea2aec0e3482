import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { FileTransaction, decodeUtf8, readText, readTextChunks, recoverJournal } from '../../src/io/fs.js';
import { inputErrorOf } from '../helpers/errors.js';

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
    // Before commit: no target changed, only hidden temporary files exist.
    expect(listAll(dir).filter((f) => !/(^|\/)\.[^/]+\.\d+\.tmp$/.test(f))).toEqual(['same.txt']);
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

  it('abort removes the folders it made for spilled contents, not those that were there or that hold other files', () => {
    mkdirSync(join(dir, 'there'));
    const tx = new FileTransaction({ memoryLimit: 0 });
    tx.write(join(dir, 'there', 'x.txt'), 'x');
    tx.write(join(dir, 'new', 'deep', 'y.txt'), 'y');
    tx.write(join(dir, 'shared', 'z.txt'), 'z');
    writeFileSync(join(dir, 'shared', 'other.txt'), 'someone else');
    tx.abort();
    expect(readdirSync(dir).sort()).toEqual(['shared', 'there']);
    expect(readdirSync(join(dir, 'there'))).toEqual([]);
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

  it('contents spilled before a kill (a large transaction, no journal yet) are removed by recovery', () => {
    const journal = join(dir, '.tessera-journal');
    const tx = new FileTransaction({ journal, memoryLimit: 0 });
    tx.write(join(dir, 'locales', 'a.json'), 'new a\n');
    tx.write(join(dir, 'locales', 'b.json'), 'new b\n');
    // The process dies here: temporary files and the spill log are on disk, no journal.
    expect(listAll(dir).sort()).toEqual(['.tessera-journal.spill', 'locales/.a.json.' + process.pid + '.tmp', 'locales/.b.json.' + process.pid + '.tmp'].sort());
    expect(recoverJournal(journal)).toBe('rolled-back');
    expect(listAll(dir)).toEqual([]);
    // Committed normally, the spill log goes with the journal.
    const again = new FileTransaction({ journal, memoryLimit: 0 });
    again.write(join(dir, 'locales', 'a.json'), 'new a\n');
    again.write(join(dir, 'locales', 'b.json'), 'new b\n');
    expect(again.commit()).toHaveLength(2);
    expect(listAll(dir)).toEqual(['locales/a.json', 'locales/b.json']);
  });
});
