/**
 * Reading one article's stored data in one language, with nothing else loaded: shared by the
 * Project and by status's worker threads (pipeline/status-worker.ts), which must start fast.
 */
import { sep } from 'node:path';
import { emptyLocale, type LocaleData } from '../core/reconcile.js';
import type { Lang } from '../core/types.js';
import { parseResources, parseState } from '../formats/locale.js';
import { fingerprintOf, readListedText, readTextIfExists } from './fs.js';

export interface LocalePaths {
  localesDir: string;
  /** A path relative to the project root, for messages. */
  rel: (path: string) => string;
}

/**
 * A target language's stored data for an article, as on disk (not reconciled). `listing` (the
 * names in locales/<lang>/) saves a look per file when many articles are read in a row.
 * `seen`, with a listing: each file read is fingerprinted there (by path) as it was opened.
 */
export function readLocaleFiles(where: LocalePaths, lang: Lang, slug: string, listing?: Set<string>, seen?: Map<string, string>): LocaleData {
  const data = emptyLocale();
  // Plain concatenation and names worked out only for messages: this runs for every article
  // and language of a status after an import.
  const dir = `${where.localesDir}${sep}${lang}${sep}`;
  const read = (name: string): string | undefined => {
    const path = dir + name;
    const label = (): string => where.rel(path);
    if (listing) return listing.has(name) ? readListedText(path, label, seen && ((st) => seen.set(path, fingerprintOf(st)))) : undefined;
    return readTextIfExists(path, label);
  };
  const resourcesName = `${slug}.json`;
  const resources = read(resourcesName);
  if (resources !== undefined) data.resources = parseResources(resources, () => where.rel(dir + resourcesName));
  const stateName = `${slug}.state.json`;
  const state = read(stateName);
  if (state !== undefined) Object.assign(data, parseState(state, () => where.rel(dir + stateName)));
  return data;
}
