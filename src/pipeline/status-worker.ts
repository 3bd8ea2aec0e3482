/**
 * Counting for `status` at scale, on worker threads: a batch of articles, each checked against
 * its cached row (fingerprints of its files) and, when that is out of date, counted from its
 * cached source profile and its stored locale files — the part of a status after an import
 * that reads and parses tens of thousands of small files. Batches are handed out as threads
 * free up (pipeline/steps/status.ts), so no thread waits on another.
 *
 * The threads run with a small young generation (`resourceLimits`): each file read makes a few
 * kilobytes of short-lived strings and objects, and V8 scavenges a small young generation far
 * more cheaply than its default one — half the CPU time of a status after an import, measured
 * on 10,000 articles. A process cannot set that for its own main thread (V8 reads the flag at
 * start-up), which is why the main thread only hands out batches and gathers answers.
 *
 * A worker loads only what this needs, so it starts in a fraction of the main program's time;
 * the profiles come with the items, from the main thread's one copy of their cache.
 */
import { relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { packRow, profileStatus, storedStates, type PackedRow, type SourceProfile } from '../core/status.js';
import type { Diagnostic, Lang } from '../core/types.js';
import { fingerprint } from '../io/cache.js';
import { readLocaleFiles } from '../io/locale-files.js';
import { heapKeeper } from './heap.js';

/** What every batch of one run shares (a worker's first message). */
export interface StatusSetup {
  root: string;
  localesDir: string;
  langs: Lang[];
  /** The names in locales/<lang>/, from one listing each. */
  listings: Partial<Record<Lang, string[]>>;
}

/** A cached source profile and the fingerprints of the files it was taken from (Project.profileFiles). */
export interface ProfileEntry {
  fps: readonly string[];
  result: SourceProfile;
}

export interface StatusItem {
  slug: string;
  /** The files the article's row depends on: its source and English resources first. */
  inputs: string[];
  /** The cached row's fingerprints, if any. */
  rowFps?: readonly string[];
  /**
   * The article's cached source profile, if any: as JSON text when the main thread took it
   * from its cache unparsed (StepCache.entryTexts), parsed here.
   */
  profile: ProfileEntry | string | null;
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
  // Tens of thousands of files parsed and dropped: the heap is kept near what is live.
  const keepHeap = heapKeeper(8 * 2 ** 20);
  return (items) =>
    items.map(({ slug, inputs, rowFps, profile: given }) => {
      keepHeap();
      const profile = typeof given === 'string' ? (JSON.parse(given) as ProfileEntry) : given;
      if (!rowFps && profile) {
        // No row to compare with (the first status, or one after an import changed the
        // article): it is counted, and its locale files are fingerprinted as they are read —
        // 60,000 looks fewer on 10,000 articles in three languages.
        const head = inputs.slice(0, profile.fps.length).map(fingerprint);
        if (same(profile.fps, head)) {
          const seen = new Map<string, string>();
          const row = profileStatus(slug, profile.result, setup.langs, (lang) => storedStates(readLocaleFiles(where, lang, slug, listings.get(lang), seen), lang)).row;
          const fps = [...head, ...inputs.slice(head.length).map((p) => seen.get(p) ?? '-')];
          return { fps, kind: 'counted', row: packRow(row) };
        }
      }
      const fps = inputs.map(fingerprint);
      if (rowFps && rowFps.length === fps.length && same(rowFps, fps)) return { fps, kind: 'cached' };
      if (!profile || !same(profile.fps, fps, profile.fps.length)) return { fps, kind: 'parse' };
      const row = profileStatus(slug, profile.result, setup.langs, (lang) => storedStates(readLocaleFiles(where, lang, slug, listings.get(lang)), lang)).row;
      return { fps, kind: 'counted', row: packRow(row) };
    });
}

export interface StatusBatch {
  batch: number;
  items: StatusItem[];
}

/** To a worker: the run's setup first (the worker starts while the main thread gathers it), then batches. */
export type StatusMessage = { setup: StatusSetup } | StatusBatch;

export type StatusAnswer = { batch: number; results: ItemResult[] } | { diagnostics: Diagnostic[] } | { error: string };

/** A worker's `workerData`. */
export const STATUS_WORKER = { tesseraStatus: true };

// Only as the worker status starts (this module is also loaded on the main thread, which may
// itself be some other program's worker).
if (parentPort && (workerData as { tesseraStatus?: boolean } | null)?.tesseraStatus === true) {
  const port = parentPort;
  let count: ReturnType<typeof batchCounter> | undefined;
  port.on('message', (m: StatusMessage) => {
    if ('setup' in m) {
      count = batchCounter(m.setup);
      return;
    }
    let answer: StatusAnswer;
    try {
      if (!count) throw new Error('status worker: a batch came before the setup');
      answer = { batch: m.batch, results: count(m.items) };
    } catch (e) {
      answer = e instanceof InputError ? { diagnostics: e.diagnostics } : { error: (e as Error).stack ?? String(e) };
    }
    port.postMessage(answer);
  });
}
