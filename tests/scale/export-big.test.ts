/**
 * Export of an article larger than one window of units (pipeline/steps/export.ts UNIT_WINDOW,
 * 1,000) through the built binary: units made, matched against the memory and written a window
 * at a time give the files the export wrote when it held every unit and wrote one string. The
 * digests are of the files the binary wrote at commit a5f92f6 (before windows and pieces) for
 * this very project; a deliberate change of the format or of the segmenter changes them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigArticle, translateSome } from '../helpers/big-article.js';
import { copyProject, tessera } from '../helpers/project.js';

let root: string;
beforeAll(() => {
  root = copyProject();
  writeFileSync(join(root, 'source/big.md'), bigArticle(300));
  expect(tessera(['--root', root, '--quiet', 'segment']).code).toBe(0);
  translateSome(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const CASES: [string, string[], Record<string, string>][] = [
  ['1.2, every unit', ['--format', 'xliff12', '--all'], {
    'it/big': 'c3815b8b119ddc15485f88c5324fa833ebd2e4c638716ef0d23fcc214dcaf151',
    'fr/big': '33ec68dbac275161728369cd90b288994588c5dd7febb69e6f5177d77502446d',
    'it/palermo-conference': 'c6997c4e8be42317a498de595937ba56732298a58b96c16660829b963de3cfa0',
  }],
  ['1.2, the work to do', [], {
    'it/big': 'd2e6d95216d712e2e8e7bfab91b939d6ff53406f3f29f9105d31130d01b3aff2',
    'fr/big': '0ae05849771a1954f293127b31e64ffb08f9291ab71a7ed86d4ebf89662e61e2',
  }],
  ['1.2, prefilled', ['--prefill'], {
    'it/big': '3276fcdbed1b9e19e9ff54c6efa0e036b0bea3c1868f09c2367ba1b6ca7e46f9',
    'fr/big': '002f6a9eeb94d12b1728df7701136aa5d34a489c896c00d9ffcab464fcc12529',
  }],
  ['2.0, every unit', ['--format', 'xliff20', '--all'], {
    'it/big': 'ef60b4acdaa56e27e808f0ac485ed64ef9dae488264149ac52ef072556f338af',
    'fr/big': '068481e4d2217c99a440bb272b0c9dc2505a6bcabcd1bf63361ab0d1f5b1a67a',
  }],
  ['2.1, the work to do', ['--format', 'xliff21'], {
    'it/big': 'eb511894fc8d8ef0d0ff91b0217c3f6d759d7ecb68ac2dcf72108a9c49f9553d',
    'fr/big': 'b814c2293483d0b92721bdb473e5cd127bca48851e31678e66dd9dad7ca58df1',
  }],
];

describe('export of an article of 2,512 segments (three windows of units)', () => {
  CASES.forEach(([name, flags, expected], n) => {
    it(`${name}: the same bytes as before windows and pieces`, () => {
      const out = `out/big-${n}`;
      const r = tessera(['--root', root, 'export', '--lang', 'it,fr', '--out', out, ...flags]);
      expect(r.code, r.stderr).toBe(0);
      for (const [file, sha] of Object.entries(expected)) expect(digest(join(root, out, `${file}.xlf`)), file).toBe(sha);
      if (name.includes('every unit')) {
        // Every unit is there, and the memory was asked: Italian has exact and fuzzy matches.
        const xlf = readFileSync(join(root, out, 'it/big.xlf'), 'utf8');
        expect(xlf.split(flags.includes('xliff20') ? '<unit ' : '<trans-unit ').length - 1).toBe(2512);
        expect(xlf).toMatch(flags.includes('xliff20') ? /subState="tessera:tm"/ : /state-qualifier="exact-match"/);
        expect(xlf).toMatch(flags.includes('xliff20') ? /<mtc:match / : /<alt-trans /);
      } else if (!flags.includes('--prefill')) {
        expect(existsSync(join(root, out, 'it/palermo-conference.xlf'))).toBe(false);
      }
      expect(r.stderr).toMatch(/exact|fuzzy|units/);
    });
  });
});
