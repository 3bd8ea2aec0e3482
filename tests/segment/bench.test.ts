/**
 * Throughput against Intl.Segmenter: printed, not asserted (timings are not tests). Under
 * vitest every imported function call goes through the module runner's bindings, which slows
 * the segmenter's hot loop but not ICU; for the shipped figure run the built module:
 * `node -e "import('./dist/segment/bench.js').then((m) => console.log(m.benchSegmenter(2, 7)))"`.
 */
import { expect, it } from 'vitest';
import { benchSegmenter } from '../../src/segment/bench.js';

it('measures throughput against Intl.Segmenter', () => {
  const { mbPerSec, intlMbPerSec } = benchSegmenter(1, 5);
  console.log(
    `segmenter ${mbPerSec.toFixed(1)} MB/s, Intl.Segmenter ${intlMbPerSec.toFixed(1)} MB/s ` +
      '(best of 5 rounds of 1 MB, under vitest; the built module is faster, see the file header)',
  );
  expect(mbPerSec).toBeGreaterThan(0);
  expect(intlMbPerSec).toBeGreaterThan(0);
});
