/**
 * Counting for `status` at scale, on the main thread and on worker threads alike: a batch of
 * articles, each checked against its cached row (fingerprints of its files) and, when that is
 * out of date, counted from its cached source profile and its stored locale files — the part
 * of a status after an import that reads and parses tens of thousands of small files. Batches
 * are handed out as threads free up (pipeline/steps/status.ts), so no thread waits on another.
 * A worker loads only what this needs, so it starts in a fraction of the main program's time.
 */
import { relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { packRow, profileStatus, storedStates, type PackedRow, type SourceProfile } from '../core/status.js';
import type { Diagnostic, Lang } from '../core/types.js';
import { PROFILE_CACHE, StepCache, fingerprint } from '../io/cache.js';
import { readLocaleFiles } from '../io/locale-files.js';
import { heapKeeper } from './heap.js';

/** What every batch of one run shares (a worker's `workerData`). */
export interface StatusSetup {
  root: string;
  localesDir: string;
  langs: Lang[];
  /** The names in locales/<lang>/, from one listing each. */
  listings: Partial<Record<Lang, string[]>>;
  /** Where the profile cache is (`Project.profileCache`), and whether to use it (not with --force). */
  cacheDir: string;
  useCache: boolean;
}

export interface StatusItem {
  slug: string;
  /** The files the article's row depends on: its source and English resources first. */
  inputs: string[];
  /** The cached row's fingerprints, if any. */
  rowFps?: readonly string[];
}

/** Per item: the inputs' fingerprints, and the row counted when the cached one was out of date. */
export type ItemResult =
  | { fps: string[]; kind: 'cached' }
  | { fps: string[]; kind: 'counted'; row: PackedRow }
  /** No usable profile: the article is read and parsed on the main thread. */
  | { fps: string[]; kind: 'parse' };

const same = (a: readonly string[], b: readonly string[], n = a.length): boolean => {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** A counter for one run's batches; throws InputError for a locale file it cannot read. */
export function batchCounter(setup: StatusSetup): (items: readonly StatusItem[]) => ItemResult[] {
  const where = { localesDir: setup.localesDir, rel: (p: string) => relative(setup.root, p) };
  const listings = new Map(setup.langs.map((l) => [l, new Set(setup.listings[l] ?? [])]));
  // The profiles are read only when a row is out of date (not at all in a run with no change).
  const profiles = new StepCache<SourceProfile>(setup.cacheDir, PROFILE_CACHE, null, setup.useCache, { namedFiles: true });
  // Tens of thousands of files parsed and dropped: the heap is kept near what is live.
  const keepHeap = heapKeeper(16 * 2 ** 20);
  return (items) =>
    items.map(({ slug, inputs, rowFps }) => {
      keepHeap();
      const fps = inputs.map(fingerprint);
      if (rowFps && rowFps.length === fps.length && same(rowFps, fps)) return { fps, kind: 'cached' };
      const profile = profiles.peek(slug);
      if (!profile || !same(profile.fps, fps, profile.fps.length)) return { fps, kind: 'parse' };
      const row = profileStatus(slug, profile.result, setup.langs, (lang) => storedStates(readLocaleFiles(where, lang, slug, listings.get(lang)), lang)).row;
      return { fps, kind: 'counted', row: packRow(row) };
    });
}

export interface StatusBatch {
  batch: number;
  items: StatusItem[];
}

export type StatusAnswer = { batch: number; results: ItemResult[] } | { diagnostics: Diagnostic[] } | { error: string };

// Only as the worker status starts (this module is also loaded on the main thread, which may
// itself be some other program's worker).
const setup = (workerData as { tesseraStatus?: StatusSetup } | null)?.tesseraStatus;
if (parentPort && setup) {
  const count = batchCounter(setup);
  parentPort.on('message', ({ batch, items }: StatusBatch) => {
    let answer: StatusAnswer;
    try {
      answer = { batch, results: count(items) };
    } catch (e) {
      answer = e instanceof InputError ? { diagnostics: e.diagnostics } : { error: (e as Error).stack ?? String(e) };
    }
    parentPort!.postMessage(answer);
  });
}
