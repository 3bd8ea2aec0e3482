/**
 * Throughput of the English segmenter against `Intl.Segmenter` on the same news-like
 * paragraphs, one call per paragraph as the pipeline makes them. The only module of
 * `segment/` that reads a clock — it is a measurement — and it is not imported by the others.
 */
import { segmenterFor } from './index.js';

/** News-style paragraphs with the usual traps: titles, acronyms, quotes, numbers, links. */
const PARAGRAPHS = [
  'ROME (Reuters) — Italy’s government on Tuesday hosted rival Libyan leaders at a two-day conference in Palermo, hoping to revive a U.N. plan for elections. Gen. Khalifa Haftar met Prime Minister Fayez al-Sarraj on the sidelines.',
  '“We are committed to the political process,” U.N. envoy Ghassan Salame told reporters at 5 p.m. Tuesday. “The parties agreed to meet again.”',
  'Oil output rose 3.5% to 1.25 million barrels a day in October, the National Oil Corp. said. Exports from Es Sider resumed on Nov. 2 after a three-week halt.',
  'Welcome today’s conference for #Libya in Palermo. Underlined support for the U.N. Action Plan and for elections next year. pic.twitter.com/g5bbaN5LzK',
  '— Alistair Burt (@AlistairBurtUK) November 13, 2018',
  'Turkey’s Vice-President Fuat Oktay left early. “Turkey is leaving the meeting with deep disappointment,” he said, calling the informal meeting “a very misleading and damaging approach.”',
  'The talks (the second in six months) were held at Villa Igiea. Officials from the U.S., Russia, Egypt and France attended, along with Dr. Mohamed Ali and Mr. Smith of Acme Inc. Details are at https://www.example.org/libya.html. Questions? Write to press@example.org.',
];

export interface BenchResult {
  /** MB (10^6 UTF-16 code units) per second through `splitSentences(…, 'en')`. */
  mbPerSec: number;
  /** The same for `Intl.Segmenter('en', { granularity: 'sentence' })`. */
  intlMbPerSec: number;
}

/**
 * Runs both segmenters over about `megabytes` of text, interleaved `rounds` times after a
 * warm-up, and reports the best round of each (the least disturbed by other work).
 */
export function benchSegmenter(megabytes = 1, rounds = 5): BenchResult {
  const paras: string[] = [];
  let size = 0;
  while (size < megabytes * 1e6) {
    for (const p of PARAGRAPHS) {
      paras.push(p);
      size += p.length;
    }
  }
  const ours = segmenterFor('en');
  const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
  const runOurs = (): void => {
    for (const p of paras) ours.split(p);
  };
  const runIntl = (): void => {
    for (const p of paras) for (const s of intl.segment(p)) void s;
  };
  const time = (f: () => void): number => {
    const t = performance.now();
    f();
    return (performance.now() - t) / 1000;
  };
  runOurs();
  runIntl();
  let best = Infinity;
  let bestIntl = Infinity;
  for (let r = 0; r < rounds; r++) {
    best = Math.min(best, time(runOurs));
    bestIntl = Math.min(bestIntl, time(runIntl));
  }
  return { mbPerSec: size / 1e6 / best, intlMbPerSec: size / 1e6 / bestIntl };
}
