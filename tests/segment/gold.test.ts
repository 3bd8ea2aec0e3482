/**
 * Scores the segmenter on gold cases: the public ones in `../shared/segmentation` and our own
 * in `cases/`. A case passes when the sentences, trimmed and without empty ones, equal
 * `expected` exactly. Each suite fails below its target accuracy and prints its score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SEGMENT_LANGS, segmentText, type SegmentLang } from '../../src/segment/index.js';
import { readShared } from './shared.js';

interface GoldCase {
  id: string;
  text: string;
  expected: string[];
  reason?: string;
}

/** Public targets: one English miss is allowed (48/49); the others must all pass. */
const PUBLIC_TARGET: Record<SegmentLang, number> = { en: 0.98, it: 1, fr: 1, ar: 1 };
const OWN_MIN_CASES = 40;
const here = path.dirname(fileURLToPath(import.meta.url));

function score(cases: GoldCase[], lang: SegmentLang): { passed: number; failures: string[] } {
  const failures: string[] = [];
  for (const c of cases) {
    const got = segmentText(c.text, lang).map((s) => s.trim()).filter((s) => s !== '');
    if (JSON.stringify(got) !== JSON.stringify(c.expected)) {
      failures.push(`${c.id}: ${c.text}\n  expected ${JSON.stringify(c.expected)}\n  received ${JSON.stringify(got)}`);
    }
  }
  return { passed: cases.length - failures.length, failures };
}

const report: string[] = [];
afterAll(() => {
  if (report.length) console.log(`segmentation accuracy\n${report.join('\n')}`);
});

function scoreSuite(label: string, lang: SegmentLang, cases: GoldCase[], target: number): void {
  const { passed, failures } = score(cases, lang);
  const pct = (100 * passed) / cases.length;
  report.push(`  ${label.padEnd(12)} ${lang}: ${passed}/${cases.length} (${pct.toFixed(1)}%)`);
  expect(passed / cases.length, `${lang} ${label} below ${target * 100}%:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(target);
}

describe('public gold cases (../shared/segmentation)', () => {
  for (const lang of SEGMENT_LANGS) {
    const raw = readShared(`segmentation/public-${lang}.json`);
    it.skipIf(raw === undefined)(`${lang} reaches ${PUBLIC_TARGET[lang] * 100}%`, () => {
      scoreSuite('public', lang, JSON.parse(raw!) as GoldCase[], PUBLIC_TARGET[lang]);
    });
  }
});

describe('our own news cases (tests/segment/cases)', () => {
  for (const lang of SEGMENT_LANGS) {
    const cases = JSON.parse(fs.readFileSync(path.join(here, 'cases', `${lang}.json`), 'utf8')) as GoldCase[];

    it(`${lang} has at least ${OWN_MIN_CASES} well-formed cases, each saying why it is hard`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(OWN_MIN_CASES);
      const ids = new Set<string>();
      for (const c of cases) {
        expect(typeof c.id === 'string' && !ids.has(c.id), `duplicate or missing id ${c.id}`).toBe(true);
        ids.add(c.id);
        expect(typeof c.reason === 'string' && c.reason.length > 10, `${c.id} needs a reason`).toBe(true);
        expect(Array.isArray(c.expected) && c.expected.length > 0, `${c.id} needs expected sentences`).toBe(true);
        // Expected sentences must come from the text, in order.
        let at = 0;
        for (const s of c.expected) {
          const found = c.text.indexOf(s, at);
          expect(found, `${c.id}: "${s}" is not in the text after index ${at}`).toBeGreaterThanOrEqual(0);
          at = found + s.length;
        }
      }
    });

    it(`${lang} passes all of them`, () => scoreSuite('own', lang, cases, 1));

    it(`${lang}: each expected sentence, segmented alone, stays one sentence`, () => {
      for (const c of cases) for (const s of c.expected) expect(segmentText(s, lang), c.id).toEqual([s]);
    });
  }
});
