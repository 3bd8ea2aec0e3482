/**
 * Reading one article's stored data in one language, with nothing else loaded: shared by the
 * Project and by status's worker threads (pipeline/status-worker.ts), which must start fast.
 */
import { join } from 'node:path';
import { emptyLocale, type LocaleData } from '../core/reconcile.js';
import type { Lang } from '../core/types.js';
import { parseResources, parseState } from '../formats/locale.js';
import { readText, readTextIfExists } from './fs.js';

export interface LocalePaths {
  localesDir: string;
  /** A path relative to the project root, for messages. */
  rel: (path: string) => string;
}

/**
 * A target language's stored data for an article, as on disk (not reconciled). `listing` (the
 * names in locales/<lang>/) saves a look per file when many articles are read in a row.
 */
export function readLocaleFiles(where: LocalePaths, lang: Lang, slug: string, listing?: Set<string>): LocaleData {
  const data = emptyLocale();
  const read = (name: string): string | undefined => {
    const path = join(where.localesDir, lang, name);
    if (listing) return listing.has(name) ? readText(path, where.rel(path)) : undefined;
    return readTextIfExists(path, () => where.rel(path));
  };
  const resources = read(`${slug}.json`);
  if (resources !== undefined) data.resources = parseResources(resources, where.rel(join(where.localesDir, lang, `${slug}.json`)));
  const state = read(`${slug}.state.json`);
  if (state !== undefined) Object.assign(data, parseState(state, where.rel(join(where.localesDir, lang, `${slug}.state.json`))));
  return data;
}
