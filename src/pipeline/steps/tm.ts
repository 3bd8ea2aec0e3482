/**
 * `tm`: the translation memory of each language pair, kept at locales/<lang>/.tm.json.
 *
 * What the memory is: every (source, target) pair the project holds now — live translations,
 * stale suggestions, retired translations, from every article (derived from locales/ on the fly,
 * tm/derive.ts) — together with what the file already holds (pairs seen earlier and since
 * replaced, pairs imported from TMX). `export` uses that union, so it never needs an update first.
 *
 * When the file is written: `tessera tm update` (or a `tm` pipeline step), `tessera tm import`.
 * Not as a side effect of `import` or `segment`: those keep writing exactly the article files
 * they are about, so "import the same file twice: nothing changes" and segment's incremental runs
 * stay true, and nobody's working copy grows a file they did not ask for. Run `tm update` after
 * `import` (and commit the file) to keep pairs that a later edit or a forced import replaces:
 * the file never forgets a pair, the live files do.
 */
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, inputError } from '../../core/errors.js';
import { SOURCE_LANG, TARGET_LANGS, type Diagnostic, type Lang } from '../../core/types.js';
import { readText } from '../../io/fs.js';
import { parseLangs, type Article, type Project } from '../../io/project.js';
import { entriesFromLocale } from '../../tm/derive.js';
import { parseMemory, serializeMemory, TM_FILE } from '../../tm/file.js';
import { TmIndex } from '../../tm/lookup.js';
import { countNew, mergeEntries, type TmEntry } from '../../tm/memory.js';
import { memoryToTmx, omegatKeys, tmxToEntries, TMX_TAGS, type TmxTags } from '../../tm/tmx.js';
import type { StepContext, StepResult } from '../context.js';
import { expandFiles } from './import.js';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

export function memoryPath(project: Project, lang: Lang): string {
  return join(project.localesDir, lang, TM_FILE);
}

/** Every article of the project, whatever shard this run covers: the memory is project-wide. */
function allArticles(project: Project): Article[] {
  return project.articleFiles({ all: true }).map((f) => project.loadArticleFile(f));
}

/** The memory file as committed (empty when there is none). */
export function storedMemory(project: Project, lang: Lang): TmEntry[] {
  const path = memoryPath(project, lang);
  if (!existsSync(path)) return [];
  return parseMemory(readText(path, project.rel(path)), project.rel(path), { source: SOURCE_LANG, target: lang });
}

/** What locales/ holds now, as entries. */
export function derivedMemory(project: Project, lang: Lang, articles: readonly Article[] = allArticles(project)): TmEntry[] {
  return articles.flatMap((a) => entriesFromLocale(a.doc, project.locale(a, lang)));
}

/** The memory export and lookups use: the file and locales/ together. */
export function projectMemory(project: Project, lang: Lang, articles?: readonly Article[]): TmEntry[] {
  return mergeEntries(storedMemory(project, lang), derivedMemory(project, lang, articles));
}

/** Lazily built indexes, one per language, for a step that looks many sentences up. */
export function memoryIndexes(project: Project): (lang: Lang) => TmIndex {
  const cache = new Map<Lang, TmIndex>();
  let articles: Article[] | undefined;
  return (lang) => {
    let index = cache.get(lang);
    if (!index) {
      articles ??= allArticles(project);
      index = new TmIndex(projectMemory(project, lang, articles));
      cache.set(lang, index);
    }
    return index;
  };
}

export interface TmUpdateOptions {
  /** Languages (default: it, fr, ar). */
  lang?: string[];
}

/** Writes locales/<lang>/.tm.json: the file's entries and locales/'s, merged. */
export function tmUpdateStep(ctx: StepContext, options: TmUpdateOptions = {}): StepResult {
  const { project, output } = ctx;
  const langs = parseLangs(options.lang);
  const articles = allArticles(project);
  const tx = project.transaction();
  const lines: string[] = [];
  for (const lang of langs) {
    const stored = storedMemory(project, lang);
    const derived = derivedMemory(project, lang, articles);
    const merged = mergeEntries(stored, derived);
    const path = memoryPath(project, lang);
    if (merged.length === 0 && !existsSync(path)) {
      lines.push(`  ${lang}: no translations yet`);
      continue;
    }
    tx.write(path, serializeMemory(SOURCE_LANG, lang, merged));
    lines.push(`  ${project.rel(path)}: ${merged.length} entries (${countNew(stored, derived)} new)`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet) output.err(`tm update: ${langs.length} language(s), ${written.length} file(s) changed\n${lines.join('\n')}\n`);
  return { ok: true, written };
}

export interface TmExportOptions {
  /** Target language (exactly one when `out` is a file name). */
  lang?: string[];
  /** Output file (`-`: stdout); default out/tm/en-<lang>.tmx, relative to the project root. */
  out?: string;
  /** How inline codes are written: tmx (default) or omegat (see tm/tmx.ts). */
  tags?: string;
}

export function tmExportStep(ctx: StepContext, options: TmExportOptions = {}): StepResult {
  const { project, output } = ctx;
  const langs = parseLangs(options.lang);
  const tags = (options.tags ?? 'tmx') as TmxTags;
  if (!(TMX_TAGS as readonly string[]).includes(tags)) throw inputError(`unknown --tags "${tags}"`, {}, `choices: ${TMX_TAGS.join(', ')}`, 'usage');
  // yargs reads "--out -" as "--out ''" and a stray "-": only "--out=-" means stdout.
  if (options.out === '') throw inputError('--out needs a file name', {}, 'write --out=- for standard output', 'usage');
  if (options.out !== undefined && options.out !== '-' && existsSync(project.abs(options.out)) && statSync(project.abs(options.out)).isDirectory()) {
    throw inputError('is a folder; --out names the TMX file to write', { file: options.out }, 'e.g. --out out/tm/it.tmx', 'usage');
  }
  if (options.out !== undefined && langs.length !== 1) throw inputError('--out names one file: give one language with --lang', {}, 'e.g. tessera tm export --lang it --out it.tmx', 'usage');
  const articles = allArticles(project);
  const tx = project.transaction();
  const lines: string[] = [];
  for (const lang of langs) {
    const entries = projectMemory(project, lang, articles);
    const tmx = memoryToTmx(lang, entries, { tags, version: pkg.version });
    if (options.out === '-') {
      output.out(tmx);
      continue;
    }
    const path = project.abs(options.out ?? `out/tm/${SOURCE_LANG}-${lang}.tmx`);
    tx.write(path, tmx);
    lines.push(`  ${project.rel(path)}: ${entries.length} unit(s)`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet && options.out !== '-') output.err(`tm export: ${lines.length} file(s) (TMX 1.4b, tags: ${tags}), ${written.length} changed\n${lines.join('\n')}\n`);
  return { ok: true, written };
}

export interface TmImportOptions {
  /** TMX files or glob patterns, relative to the project root. */
  files: string[];
}

/**
 * Merges TMX files into the memories: every file is read and checked before anything is
 * written (a malformed one stops the command, exit 2, no file changed). Entries already in the
 * memory are not added again.
 */
export async function tmImportStep(ctx: StepContext, options: TmImportOptions): Promise<StepResult> {
  const { project, output } = ctx;
  if (options.files.length === 0) throw inputError('no files to import', {}, 'give one or more TMX files: tessera tm import project_save.tmx', 'usage');
  const paths = await expandFiles(ctx, options.files);
  const articles = allArticles(project);
  const current = new Map<Lang, TmEntry[]>();
  const memory = (lang: Lang): TmEntry[] => {
    let m = current.get(lang);
    if (!m) current.set(lang, (m = projectMemory(project, lang, articles)));
    return m;
  };
  // OmegaT's memories name inline codes by shortcuts (<l0/>): the sentences they can stand for.
  const sentences = new Set<string>(articles.flatMap((a) => a.doc.segments.map((s) => s.source)));
  const incoming = new Map<Lang, TmEntry[]>();
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // …and the memories' sources (a retired or stale sentence is no article's segment any more).
  for (const lang of TARGET_LANGS) for (const e of memory(lang)) sentences.add(e.source);
  const known = omegatKeys(sentences);
  for (const path of paths) {
    const file = project.rel(path);
    const content = readText(path, file);
    const read = tmxToEntries(content, file, known);
    diagnostics.push(...read.diagnostics);
    const per: string[] = [];
    for (const [lang, entries] of read.entries) {
      incoming.set(lang, [...(incoming.get(lang) ?? []), ...entries]);
      per.push(`${lang} ${entries.length}`);
    }
    lines.push(`  ${file}: ${read.units} unit(s)${per.length ? ` (${per.join(', ')})` : ''}${read.ignored ? `, ${read.ignored} without an English source or a project language` : ''}`);
  }
  const tx = project.transaction();
  for (const [lang, entries] of [...incoming].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = memory(lang);
    const stored = storedMemory(project, lang);
    const merged = mergeEntries(stored, before, entries);
    const path = memoryPath(project, lang);
    tx.write(path, serializeMemory(SOURCE_LANG, lang, merged));
    const fresh = countNew(before, entries);
    const known = mergeEntries(entries).length - fresh;
    lines.push(`  ${project.rel(path)}: ${fresh} new entr${fresh === 1 ? 'y' : 'ies'}, ${known} already in the memory; ${merged.length} in all`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  for (const d of diagnostics) output.err(formatDiagnostic(d) + '\n');
  if (!output.quiet) output.err(`tm import: ${paths.length} file(s), ${written.length} memory file(s) changed\n${lines.join('\n')}\n`);
  return { ok: true, written };
}

export interface TmLookupOptions {
  lang?: string[];
  /** The English sentence (Markdown inline text). */
  text: string;
  min?: number;
  limit?: number;
  json?: boolean;
}

/** Prints the memory's matches for one sentence: score, state, source and translation. */
export function tmLookupStep(ctx: StepContext, options: TmLookupOptions): StepResult {
  const { project, output } = ctx;
  const langs = parseLangs(options.lang);
  const index = memoryIndexes(project);
  const report: Record<string, { score: number; state: string; source: string; target: string; articles: string[] }[]> = {};
  for (const lang of langs) {
    report[lang] = index(lang)
      .lookup(options.text, { min: options.min ?? 75, limit: options.limit ?? 3 })
      .map((m) => ({ score: m.score, state: m.entry.state, source: m.entry.source, target: m.entry.target, articles: m.entry.articles }));
  }
  if (options.json) output.out(JSON.stringify(report, null, 2) + '\n');
  else {
    for (const lang of langs) {
      const found = report[lang]!;
      if (found.length === 0) output.out(`${lang}\t-\tno match\n`);
      for (const m of found) output.out(`${lang}\t${m.score}%\t${m.state}\t${m.source}\t${m.target}\n`);
    }
  }
  return { ok: true, written: [] };
}
