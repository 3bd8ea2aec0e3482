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
import { formatDiagnostic, inputError, msg } from '../../core/errors.js';
import { SOURCE_LANG, TARGET_LANGS, type Diagnostic, type Lang } from '../../core/types.js';
import { readText } from '../../io/fs.js';
import { parseLangs, type Article, type Project } from '../../io/project.js';
import { entriesFromLocale } from '../../tm/derive.js';
import { reconcile } from '../../core/reconcile.js';
import { parseMemory, serializeMemory, TM_FILE } from '../../tm/file.js';
import { TmIndex } from '../../tm/lookup.js';
import { countNew, mergeEntries, type TmEntry } from '../../tm/memory.js';
import { memoryToTmx, omegatKeys, tmxToEntries, TMX_TAGS, type TmxTags } from '../../tm/tmx.js';
import { uiOf, type StepContext, type StepResult } from '../context.js';
import { expandFiles } from './files.js';

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

/**
 * What locales/ holds now, as entries. Only articles with files in locales/<lang>/ can hold
 * any, so only those are read; each is seen through its status profile and English resources
 * when they still match the article (io/project.ts `segmentsView`), without parsing it.
 */
export function derivedMemory(project: Project, lang: Lang, articles?: readonly Article[]): TmEntry[] {
  if (articles) return articles.flatMap((a) => entriesFromLocale(a.doc, project.locale(a, lang)));
  const out: TmEntry[] = [];
  for (const slug of project.slugsWithLocale(lang)) {
    const view = project.segmentsView(slug);
    if (view) out.push(...entriesFromLocale(view.article, reconcile(view.article, view.previous, project.readLocale(lang, slug))));
    else {
      const a = project.loadArticleFile(project.sourcePath(slug));
      out.push(...entriesFromLocale(a.doc, project.locale(a, lang)));
    }
  }
  return out;
}

/** The memory export and lookups use: the file and locales/ together. */
export function projectMemory(project: Project, lang: Lang, articles?: readonly Article[]): TmEntry[] {
  return mergeEntries(storedMemory(project, lang), derivedMemory(project, lang, articles));
}

/** Lazily built indexes, one per language, for a step that looks many sentences up. */
export function memoryIndexes(project: Project): (lang: Lang) => TmIndex {
  const cache = new Map<Lang, TmIndex>();
  return (lang) => {
    let index = cache.get(lang);
    if (!index) {
      index = new TmIndex(projectMemory(project, lang));
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
export async function tmUpdateStep(ctx: StepContext, options: TmUpdateOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const { t } = uiOf(ctx);
  const langs = parseLangs(options.lang);
  const tx = project.transaction();
  const lines: string[] = [];
  for (const lang of langs) {
    const stored = storedMemory(project, lang);
    const derived = derivedMemory(project, lang);
    const merged = mergeEntries(stored, derived);
    const path = memoryPath(project, lang);
    if (merged.length === 0 && !existsSync(path)) {
      lines.push(`  ${t('tm.noTranslations', { lang })}`);
      continue;
    }
    tx.write(path, serializeMemory(SOURCE_LANG, lang, merged));
    lines.push(`  ${t('tm.updateLine', { file: project.rel(path), entries: t('count.entries', { count: merged.length }), fresh: countNew(stored, derived) })}`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet) output.err(`${t('tm.updateSummary', { langs: t('count.languages', { count: langs.length }), changed: t('count.filesChanged', { count: written.length }) })}\n${lines.join('\n')}\n`);
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

export async function tmExportStep(ctx: StepContext, options: TmExportOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const { t } = uiOf(ctx);
  const langs = parseLangs(options.lang);
  const tags = (options.tags ?? 'tmx') as TmxTags;
  if (!(TMX_TAGS as readonly string[]).includes(tags)) throw inputError(msg('errors.tm.tags', { tags }), {}, msg('errors.choices', { list: [...TMX_TAGS] }), 'usage');
  // yargs reads "--out -" as "--out ''" and a stray "-": only "--out=-" means stdout.
  if (options.out === '') throw inputError(msg('errors.tm.outEmpty'), {}, msg('errors.tm.outEmptyHint'), 'usage');
  if (options.out !== undefined && options.out !== '-' && existsSync(project.abs(options.out)) && statSync(project.abs(options.out)).isDirectory()) {
    throw inputError(msg('errors.tm.outFolder'), { file: options.out }, msg('errors.tm.outFolderHint'), 'usage');
  }
  if (options.out !== undefined && langs.length !== 1) throw inputError(msg('errors.tm.outOneLang'), {}, msg('errors.tm.outOneLangHint'), 'usage');
  const tx = project.transaction();
  const lines: string[] = [];
  for (const lang of langs) {
    const entries = projectMemory(project, lang);
    const tmx = memoryToTmx(lang, entries, { tags, version: pkg.version });
    if (options.out === '-') {
      output.out(tmx);
      continue;
    }
    const path = project.abs(options.out ?? `out/tm/${SOURCE_LANG}-${lang}.tmx`);
    tx.write(path, tmx);
    lines.push(`  ${project.rel(path)}: ${t('count.units', { count: entries.length })}`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet && options.out !== '-') output.err(`${t('tm.exportSummary', { files: t('count.files', { count: lines.length }), tags, changed: written.length })}\n${lines.join('\n')}\n`);
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
  await project.ready();
  const { t } = uiOf(ctx);
  if (options.files.length === 0) throw inputError(msg('errors.import.noFiles'), {}, msg('errors.tm.noFilesHint'), 'usage');
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
    lines.push(`  ${file}: ${t('count.units', { count: read.units })}${per.length ? ` (${per.join(', ')})` : ''}${read.ignored ? t('tm.ignored', { count: read.ignored }) : ''}`);
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
    lines.push(`  ${t('tm.importLine', { file: project.rel(path), fresh: t('count.newEntries', { count: fresh }), known, total: merged.length })}`);
  }
  const written = tx.commit().map((p) => project.rel(p));
  for (const d of diagnostics) output.err(formatDiagnostic(d, t) + '\n');
  if (!output.quiet) output.err(`${t('tm.importSummary', { files: t('count.files', { count: paths.length }), changed: t('count.memoryFilesChanged', { count: written.length }) })}\n${lines.join('\n')}\n`);
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
export async function tmLookupStep(ctx: StepContext, options: TmLookupOptions): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const { t } = uiOf(ctx);
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
      if (found.length === 0) output.out(`${lang}\t-\t${t('tm.noMatch')}\n`);
      for (const m of found) output.out(`${lang}\t${m.score}%\t${m.state}\t${m.source}\t${m.target}\n`);
    }
  }
  return { ok: true, written: [] };
}
