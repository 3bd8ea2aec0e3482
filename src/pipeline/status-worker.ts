/**
 * A worker thread for `status` at scale: counts a share of the articles from their cached
 * profiles and stored locale files (the part of a status after an import that reads and
 * parses tens of thousands of small files), and answers their rows packed. It loads only what
 * that needs, so it starts in a fraction of the main program's time.
 */
import { relative } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { packRow, profileStatus, storedStates, type PackedRow, type SourceProfile } from '../core/status.js';
import type { Lang } from '../core/types.js';
import { readLocaleFiles } from '../io/locale-files.js';

export interface StatusJob {
  root: string;
  localesDir: string;
  langs: Lang[];
  listings: Partial<Record<Lang, string[]>>;
  items: { slug: string; profile: SourceProfile }[];
}

export type StatusAnswer = { rows: PackedRow[] } | { index: number; diagnostics: InputError['diagnostics'] } | { error: string };

export function countProfiles(job: StatusJob): StatusAnswer {
  const where = { localesDir: job.localesDir, rel: (p: string) => relative(job.root, p) };
  const listings = new Map(job.langs.map((l) => [l, new Set(job.listings[l] ?? [])]));
  const rows: PackedRow[] = [];
  for (const [index, { slug, profile }] of job.items.entries()) {
    try {
      rows.push(packRow(profileStatus(slug, profile, job.langs, (lang) => storedStates(readLocaleFiles(where, lang, slug, listings.get(lang)), lang)).row));
    } catch (e) {
      if (e instanceof InputError) return { index, diagnostics: e.diagnostics };
      return { error: (e as Error).stack ?? String(e) };
    }
  }
  return { rows };
}

parentPort?.on('message', (job: StatusJob) => parentPort!.postMessage(countProfiles(job)));
