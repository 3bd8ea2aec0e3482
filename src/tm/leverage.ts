/**
 * Puts the memory to work on a file for translators (pure): for each unit still to translate,
 *  - an exact match (the same sentence, white space normalised, in any article) becomes the
 *    target, `translated`, provenance `tm` (1.2 state-qualifier="exact-match", 2.x
 *    subState="tessera:tm"); when several translations of the sentence exist, the best state wins
 *    and the others are offered as matches;
 *  - up to `limit` (3) other matches of at least `min` (75) similarity are offered beside it,
 *    best first (1.2 <alt-trans>, 2.x <mtc:match>);
 *  - a stale unit always offers the translation of its previous sentence, with its similarity,
 *    even below the threshold: it is the one match known to be about this very sentence.
 * Units already translated, and units that need no translation, are left as they are.
 */
import type { LocaleData } from '../core/reconcile.js';
import { isTranslated } from '../core/types.js';
import type { ExchangeFile, ExchangeMatch, ExchangeUnit } from '../formats/xliff/model.js';
import { entryKey } from './memory.js';
import { compareMatches, type TmIndex, type TmMatch } from './lookup.js';
import { FUZZY_MIN, similarity } from './similarity.js';

export const TM_ORIGIN = 'tessera-tm';

export interface LeverageOptions {
  min?: number;
  limit?: number;
}

export interface LeverageReport {
  /** Units pre-filled from an exact match. */
  exact: number;
  /** Units offered at least one fuzzy match. */
  fuzzy: number;
}

/** Whether `leverage` looks `unit` up: the others it leaves as they are. */
export function needsLeverage(unit: Pick<ExchangeUnit, 'translate' | 'state'>): boolean {
  return unit.translate && !isTranslated(unit.state);
}

export function leverage(file: ExchangeFile, tm: TmIndex, data: LocaleData, options: LeverageOptions = {}): { file: ExchangeFile; report: LeverageReport } {
  const min = options.min ?? FUZZY_MIN;
  const limit = options.limit ?? 3;
  const report: LeverageReport = { exact: 0, fuzzy: 0 };
  const units = file.units.map((u) => {
    if (!needsLeverage(u)) return u;
    let found: TmMatch[] = tm.lookup(u.source, { min, limit: limit + 1 });
    const stale = data.units[u.id];
    let previous: TmMatch | undefined;
    if (u.state === 'stale' && stale?.suggestion !== undefined && stale.previousSource !== undefined) {
      const pair = { source: stale.previousSource, target: stale.suggestion };
      previous = found.find((m) => entryKey(m.entry) === entryKey(pair));
      if (!previous) {
        const score = similarity(u.source, pair.source);
        previous = { entry: { ...pair, state: 'stale', articles: [file.article] }, score, exact: score === 100 };
        found = [...found, previous].sort(compareMatches);
      }
    }
    const next = { ...u };
    const best = found[0];
    if (best?.exact) {
      next.target = best.entry.target;
      next.state = 'translated';
      next.provenance = 'tm';
      found = found.slice(1);
      report.exact++;
    }
    let offered = found.slice(0, limit);
    if (previous && previous !== best && !offered.includes(previous)) offered = [...offered.slice(0, limit - 1), previous];
    const matches: ExchangeMatch[] = offered.map((m) => ({ source: m.entry.source, target: m.entry.target, score: m.score, origin: TM_ORIGIN }));
    if (matches.length > 0) {
      next.matches = matches;
      if (!best?.exact) report.fuzzy++;
    }
    return next;
  });
  return { file: { ...file, units }, report };
}
