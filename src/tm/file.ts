/**
 * The memory as kept in the repository, `locales/<lang>/.tm.json` (a pure codec).
 *
 * The name starts with a dot, which no article slug can ([a-z0-9-]+), so it never collides with
 * an article's namespace, and globs such as `locales/it/*.json` (i18next backends, scripts) do
 * not pick it up. Deterministic: entries sorted by source then target, fixed key order, two-space
 * indent, LF, final newline; no dates, so the same memory is the same bytes and a diff shows
 * exactly the pairs that changed.
 */
import { inputError, msg } from '../core/errors.js';
import type { Message } from '../core/types.js';
import { stableJson } from '../core/json.js';
import type { Lang } from '../core/types.js';
import { parseJsonFile } from '../formats/locale.js';
import { isTmState, mergeEntries, TM_STATES, type TmEntry } from './memory.js';

export const TM_FORMAT = 'tessera-tm/1';
export const TM_FILE = '.tm.json';

interface MemoryFile {
  format: string;
  sourceLanguage: string;
  targetLanguage: string;
  entries: TmEntry[];
}

export function serializeMemory(sourceLang: Lang, targetLang: Lang, entries: readonly TmEntry[]): string {
  const file: MemoryFile = {
    format: TM_FORMAT,
    sourceLanguage: sourceLang,
    targetLanguage: targetLang,
    entries: mergeEntries(entries).map((e) => ({ source: e.source, target: e.target, state: e.state, articles: e.articles })),
  };
  return stableJson(file);
}

/** Reads a memory file; anything that is not one is refused (InputError naming the file). */
export function parseMemory(content: string, file: string, expected: { source: Lang; target: Lang }): TmEntry[] {
  const data = parseJsonFile(content, file) as Partial<MemoryFile> | null;
  const refuse = (message: Message): never => {
    throw inputError(message, { file }, msg('errors.tm.fileHint'), 'tm');
  };
  if (!data || typeof data !== 'object' || data.format !== TM_FORMAT) refuse(msg('errors.tm.notMemory', { format: TM_FORMAT }));
  if (data!.sourceLanguage !== expected.source || data!.targetLanguage !== expected.target) {
    refuse(msg('errors.tm.pair', { source: String(data!.sourceLanguage), target: String(data!.targetLanguage), expectedSource: expected.source, expectedTarget: expected.target }));
  }
  if (!Array.isArray(data!.entries)) refuse(msg('errors.tm.entriesNotList'));
  return data!.entries!.map((e, i) => {
    const entry = i + 1;
    if (!e || typeof e !== 'object') refuse(msg('errors.tm.entryNotObject', { entry }));
    if (typeof e.source !== 'string' || typeof e.target !== 'string') refuse(msg('errors.tm.entryTexts', { entry }));
    if (!isTmState(e.state)) refuse(msg('errors.tm.entryState', { entry, state: String(e.state), list: [...TM_STATES] }));
    if (!Array.isArray(e.articles) || !e.articles.every((a) => typeof a === 'string')) refuse(msg('errors.tm.entryArticles', { entry }));
    return { source: e.source, target: e.target, state: e.state, articles: [...e.articles] };
  });
}
