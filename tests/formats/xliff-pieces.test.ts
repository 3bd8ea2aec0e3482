/**
 * The XLIFF writers in pieces (xliff12Pieces, xliff20Pieces): the same bytes as the writers
 * wrote as one string before (the digests below are of the output of the writers at commit
 * a5f92f6, before pieces; a deliberate change of the format changes them), whether the units
 * come as an array or one at a time, and never more than a piece of units taken ahead of what
 * is written.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExchangeFile, ExchangeStream, ExchangeUnit } from '../../src/formats/xliff/model.js';
import { writeXliff12, xliff12Pieces } from '../../src/formats/xliff/write12.js';
import { writeXliff20, xliff20Pieces } from '../../src/formats/xliff/write20.js';
import { bigExchangeFile } from '../helpers/big-article.js';
import { bundledExchange } from '../helpers/exchange.js';

const GOLDEN: Record<string, string> = {
  'bundled it 1.2': '29f4c1a9f8fc47a23b5bc2df69261f4efb55f04369d2c889b9b4e908c28cdb11',
  'bundled it 1.2 prefill': '8553c484ed8b114867f8a2c7b9e251375207ce54cabfad365dac6535e46827c8',
  'bundled it 2.0': '69f014f1a1caed7e5a13f2a6b92b5e3ddd74ae5c78b2ea0c9e56e86fc83a479f',
  'bundled it 2.1': '07f499ed4f9a77469dd6adc97c2487dc13e3639dc8fb154501c812cd7bd7eb32',
  'bundled ar 1.2': 'daf43a21debcc18af4866d99ae51a625097491d2651bca257486bcbc5aea5dfe',
  'bundled ar 1.2 prefill': '9e52f659a430745b6cf61c7350b458399903bc8e0894e5cedd2452c9542fef9e',
  'bundled ar 2.0': '527cb03ba0b000c29129f235ab9b67b7a110c840e3cec5809625a8a0d68d2b3e',
  'bundled ar 2.1': '321dc2d7ad139c289773e047bd570a3ecafd9c2f21d58a19cbec82fdeeab442d',
  'generated 500 targets=true 1.2': 'd149b7a9c617e1167c83baa69bb8ee8bbc14043443f87ef4ed003b9f054f11fa',
  'generated 500 targets=true 1.2 prefill': 'fe15f56728ca077ac65dedf5d8e8d9c73472822e9b2710f25f13721625501004',
  'generated 500 targets=true 2.0': 'be347f95d19eae9c6efbc4ef1a21d4c160cd4160b958019ec825ec1d6a8a26e6',
  'generated 500 targets=false 1.2': 'abd6e2389d93c654f719bd1dc0968cc0dd30abf6e2f3c60d5d2846874ee5ee08',
  'generated 500 targets=false 1.2 prefill': '6c09be89249434b65978d0910666c1375f30f48c10c3bf6ee06a7a99aa010099',
  'generated 500 targets=false 2.0': 'f1c47212b1f00e3965031ffed4722fb0eccb9caf3af872dad5c2bd01d26ae4af',
  'generated 2500 targets=true 1.2': '9eed169f045fdba536dfd60d150e823507f99204f0611835bf8e76ad841ff6dd',
  'generated 2500 targets=true 1.2 prefill': '13967e17376d385c2c51cd74ba2dfcfe98db8575c315cb8371ea26a6492f9b61',
  'generated 2500 targets=true 2.0': '528e1911a511d0810f1b75210e2ce7ab14104de53bbcbd47d3547d11828f94a2',
  'generated 2500 targets=false 1.2': '19cfcca902fe1895b407d1802fe36ab32a81170015875b60abaaf095c84ffaa1',
  'generated 2500 targets=false 1.2 prefill': '5dd1cfa300831fd3ac3195b7e0d79c0e682483168e7ee2e0f0479f12339fc845',
  'generated 2500 targets=false 2.0': '06e428d9df9b436c11d130a9d222bdd9209911f25e8f0dbafb921319ffa4d630',
};

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const joined = (pieces: Iterable<string>): string => [...pieces].join('');

/** `file` with its units one at a time, as the export step gives them for a large article. */
function streamed(file: ExchangeFile): ExchangeStream {
  return { ...file, units: (function* () { yield* file.units; })() };
}

const bundled = bundledExchange;

/** Every way of writing `file` in `version`: all must give the bytes the digest names. */
function expectGolden(name: string, file: ExchangeFile, version: '1.2' | '1.2 prefill' | '2.0' | '2.1'): void {
  const digest = GOLDEN[name];
  expect(digest, name).toBeDefined();
  const ways: [string, () => string][] =
    version === '2.0' || version === '2.1'
      ? [
          ['string', () => writeXliff20(file, version)],
          ['pieces', () => joined(xliff20Pieces(file, version))],
          ['pieces, units one at a time', () => joined(xliff20Pieces(streamed(file), version))],
        ]
      : [
          ['string', () => writeXliff12(file, { prefill: version === '1.2 prefill' })],
          ['pieces', () => joined(xliff12Pieces(file, { prefill: version === '1.2 prefill' }))],
          ['pieces, units one at a time', () => joined(xliff12Pieces(streamed(file), { prefill: version === '1.2 prefill' }))],
        ];
  for (const [way, write] of ways) expect(sha(write()), `${name}: ${way}`).toBe(digest);
}

describe('XLIFF writers in pieces: the bytes the writers wrote as one string', () => {
  for (const lang of ['it', 'ar'] as const) {
    it(`the bundled article (${lang}), 1.2, 1.2 prefilled, 2.0 and 2.1`, () => {
      for (const version of ['1.2', '1.2 prefill', '2.0', '2.1'] as const) expectGolden(`bundled ${lang} ${version}`, bundled(lang), version);
    });
  }

  for (const count of [500, 2500]) {
    for (const targets of [true, false]) {
      it(`a generated file of ${count} units, ${targets ? 'with targets and matches' : 'without targets (one body for every language)'}`, () => {
        const file = bigExchangeFile(count, { targets }) as ExchangeFile;
        for (const version of ['1.2', '1.2 prefill', '2.0'] as const) expectGolden(`generated ${count} targets=${targets} ${version}`, file, version);
      });
    }
  }

  it('a body kept for the next language is not reused for other units', () => {
    // Two language-free files in turn (the 1.2 writer keeps the first body): each as on its own.
    const a = bigExchangeFile(500, { targets: false }) as ExchangeFile;
    const b = { ...a, units: a.units.map((u) => ({ ...u, notes: [...u.notes, 'Another note'] })) };
    const alone = writeXliff12(b);
    writeXliff12(a);
    expect(writeXliff12(b)).toBe(alone);
    expect(writeXliff12({ ...a, targetLang: 'fr' })).toBe(writeXliff12(a).replace('target-language="it"', 'target-language="fr"'));
  });
});

describe('XLIFF writers in pieces: units are taken as they are written', () => {
  for (const [name, write, tag] of [
    ['1.2', (f: ExchangeStream) => xliff12Pieces(f), '<trans-unit '],
    ['2.0', (f: ExchangeStream) => xliff20Pieces(f, '2.0'), '<unit '],
  ] as const) {
    it(`${name}: at each piece, at most a piece's worth of units (100) taken and not yet written`, () => {
      const file = bigExchangeFile(2500) as ExchangeFile;
      let taken = 0;
      const units = (function* (): Generator<ExchangeUnit> {
        for (const u of file.units) {
          taken++;
          yield u;
        }
      })();
      let written = 0;
      let pieces = 0;
      let longest = 0;
      for (const piece of write({ ...file, units })) {
        written += piece.split(tag).length - 1;
        pieces++;
        longest = Math.max(longest, piece.length);
        expect(taken - written).toBeLessThanOrEqual(101);
      }
      expect(written).toBe(2500);
      expect(taken).toBe(2500);
      expect(pieces).toBeGreaterThanOrEqual(25);
      // A piece of 100 units of this file is about 60-100 KB: nothing near the whole (2-3 MB).
      expect(longest).toBeLessThan(200_000);
    });
  }
});
