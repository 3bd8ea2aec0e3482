/**
 * `import`: merges translators' XLIFF files into locales/<lang>/<slug>.json and the segment
 * states. All files are read and checked before anything is written; a file that cannot be
 * read as XLIFF, or that names an unknown article or language, stops the whole command with
 * no file changed (exit 2). Units that cannot be applied are reported and skipped (exit 1);
 * with `strict`, any such unit refuses the whole command.
 */
import { InputError, diagnostic, formatDiagnostic, inputError, msg } from '../../core/errors.js';
import { knownArticlesHint } from '../../core/nearest.js';
import type { Merger } from '../../core/merge.js';
import { emptyLocale, type LocaleData } from '../../core/reconcile.js';
import { SOURCE_LANG, TARGET_LANGS, isLang, type Diagnostic, type Lang } from '../../core/types.js';
import type { ReadFile } from '../../formats/xliff/model.js';
import type { Glossary } from '../../checks/index.js';
import { readTextChunks, type FileTransaction } from '../../io/fs.js';
import { fingerprint } from '../../io/cache.js';
import { heapKeeper } from '../heap.js';
import type { Article } from '../../io/project.js';
import { uiOf, type StepContext, type StepResult } from '../context.js';
import { expandFiles } from './files.js';

/** QA findings printed by an import; the rest are counted. */
const QA_SHOWN = 20;
/** Above this many changed segments (a bulk import), QA is left to `tessera check`. */
const QA_AT_IMPORT = 2000;

export interface ImportOptions {
  /** Files or glob patterns, relative to the project root. */
  files: string[];
  /** Replace reviewed or final translations that differ (default: report a conflict). */
  force?: boolean;
  /** Refuse everything when any unit cannot be applied. */
  strict?: boolean;
  /** A pattern that matches no file is fine (a scheduled pipeline on a day nothing came back). */
  optional?: boolean;
}

function langOf(tag: string): Lang | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

export async function importStep(ctx: StepContext, options: ImportOptions): Promise<StepResult> {
  const { project, output } = ctx;
  if (options.files.length === 0) throw inputError(msg('errors.import.noFiles'), {}, msg('errors.import.noFilesHint'), 'usage');
  const paths = await expandFiles(ctx, options.files, options.optional ?? false);
  if (paths.length === 0) {
    if (!output.quiet) output.err(`${uiOf(ctx).t('import.nothing')}\n`);
    return { ok: true, written: [] };
  }
  // Each language and article is staged in the transaction as soon as its <file> is merged
  // (past a few megabytes the transaction spills to hidden temporary files, which the commit
  // journal recovers), so memory holds one article at a time, never the batch. Nothing is
  // renamed into place before every file has been read and checked.
  const tx = project.transaction();
  try {
    return await importInto(ctx, options, paths, tx);
  } catch (e) {
    tx.abort();
    throw e;
  }
}

/** Ids whose translation in `now` differs from `before`'s. */
function changedSince(before: LocaleData, now: LocaleData): string[] {
  return Object.keys(now.resources).filter((id) => before.resources[id] !== now.resources[id]);
}

/**
 * What merging and QA read of an article: its segments, and the kind of each block. The
 * skeleton and the blocks' parts, which set the Markdown back together, are left out: a
 * 100,000-sentence article's are 25 MB, held through the whole of its file.
 */
function forMerging(a: Article): Article {
  return { ...a, doc: { ...a.doc, skeleton: [], blocks: a.doc.blocks.map((b) => ({ ...b, parts: [] })) } };
}

/** Articles kept parsed between files: a batch sorted by language meets each one again later. */
const ARTICLES_KEPT = 32;

/**
 * What reading a file takes — the XLIFF reader and its checks, the merger, the QA checks — loaded
 * on the first file not answered by the cache: a rerun with nothing new loads none of it
 * (0.2 s of a step process's start).
 */
async function readingModules() {
  const [read, merge, run, check] = await Promise.all([import('../../formats/xliff/read-checked.js'), import('../../core/merge.js'), import('../../checks/run.js'), import('./check.js')]);
  return { CheckedRead: read.CheckedRead, Merger: merge.Merger, checkSuite: run.checkSuite, toDiagnostics: run.toDiagnostics, projectGlossaries: check.projectGlossaries, segmentsToCheck: check.segmentsToCheck };
}

async function importInto(ctx: StepContext, options: ImportOptions, paths: string[], tx: FileTransaction): Promise<StepResult> {
  let m: Awaited<ReturnType<typeof readingModules>> | undefined;
  const { project, output } = ctx;
  // Translators' files come back for any article, whatever shard this run covers.
  const known = new Set(project.articleFiles({ all: true }).map((f) => f.replace(/^.*[\\/]/, '').replace(/\.md$/, '')));
  /** The last few articles used (most recent last); the English of every one is staged when first loaded. */
  const articles = new Map<string, Article>();
  const englishStaged = new Set<string>();
  /** lang/slug of every language and article staged so far: a later file for one reads it back. */
  const staged = new Set<string>();
  // Thousands of files, or one of 100,000 units: the heap is kept near what is live
  // (pipeline/heap.ts), checked at every chunk read (64 KB) and between the loads that start
  // a file, each of which leaves tens of megabytes of garbage behind for a large article.
  const keepHeap = heapKeeper(32 * 2 ** 20, 1);
  const article = (slug: string): Article => {
    let a = articles.get(slug);
    if (a) articles.delete(slug);
    else {
      a = project.loadArticleFile(project.abs(`source/${slug}.md`));
      keepHeap();
      if (!englishStaged.has(slug)) {
        project.stageEnglish(tx, a);
        englishStaged.add(slug);
        keepHeap();
      }
      a = forMerging(a);
      if (articles.size >= ARTICLES_KEPT) articles.delete(articles.keys().next().value!);
    }
    articles.set(slug, a);
    return a;
  };
  /** The article and language a <file> is for; an InputError when this project has no such pair. */
  const fileTarget = (f: ReadFile, file: string): { article: Article; lang: Lang } => {
    const where = { file, line: f.line, column: f.column };
    const src = langOf(f.sourceLang);
    if (src !== SOURCE_LANG) throw inputError(msg('errors.import.sourceLang', { lang: f.sourceLang, expected: SOURCE_LANG }), where, msg('errors.import.sourceLangHint'), 'xliff-language');
    if (!f.targetLang) throw inputError(msg('errors.import.noTargetLang'), where, msg('errors.import.noTargetLangHint', { list: TARGET_LANGS }), 'xliff-language');
    const lang = langOf(f.targetLang);
    if (!lang || !TARGET_LANGS.includes(lang)) throw inputError(msg('errors.import.targetLang', { lang: f.targetLang, list: TARGET_LANGS }), where, msg('errors.import.targetLangHint'), 'xliff-language');
    if (!known.has(f.article)) throw inputError(msg('errors.import.unknownArticle', { article: f.article }), where, knownArticlesHint(known, f.article), 'xliff-article');
    return { article: article(f.article), lang };
  };
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let skipped = 0;
  // The QA checks (src/checks) on what this import changed: reported, never blocking — the
  // translator's work is applied, and `tessera check` (or a pipeline's check step) is the gate.
  // They run as each language and article is merged, while the segments changed stay within
  // QA_AT_IMPORT; past that (a bulk import) they are left to `tessera check`.
  /**
   * How many segments' translations this import changed, per lang/slug. A later file for the
   * same language and article counts those that differ from what the project had before.
   */
  const changed = new Map<string, number>();
  let changedCount = 0;
  /** QA findings per lang/slug, for the data as last merged; undefined once QA is left out. */
  let qaFound: Map<string, Diagnostic[]> | undefined = new Map();
  const glossaries = new Map<Lang, Glossary>();
  const runQa = (key: string, a: Article, lang: Lang, d: LocaleData, ids: Set<string>): void => {
    if (!qaFound) return;
    if (changedCount > QA_AT_IMPORT) {
      qaFound = undefined;
      return;
    }
    if (ids.size === 0) return;
    if (!glossaries.has(lang)) glossaries.set(lang, m!.projectGlossaries(project, [lang]).get(lang)!);
    const r = m!.checkSuite(a.slug, lang, m!.segmentsToCheck(a, d, ids), { glossary: glossaries.get(lang)! });
    const rel = project.rel(project.resourcesPath(lang, a.slug));
    qaFound.set(key, m!.toDiagnostics([r], () => ({ file: rel })).map((x) => ({ ...x, severity: 'warning' as const, rule: `qa/${x.rule}` })));
  };
  // Incremental (io/cache.ts): a file imported cleanly before, with it and every project file
  // it touched unchanged since, has nothing new to say. Files with problems are always re-read,
  // so their problems are always reported.
  // The result of a file is the lang/slug of each of its <file>s, which name the project files
  // it touched (`touchedBy`): the cache stores fingerprints, not paths.
  const cache = project.stepCache<string[]>('import', { force: options.force ?? false }, { namedFiles: true });
  const touchedBy = (path: string, keys: readonly string[]): string[] => {
    const touched = new Set([path]);
    for (const key of keys) {
      const [lang, slug] = key.split('/') as [Lang, string];
      for (const t of [project.sourcePath(slug), project.resourcesPath(SOURCE_LANG, slug), project.resourcesPath(lang, slug), project.statePath(lang, slug)]) touched.add(t);
    }
    return [...touched];
  };
  /** Files read, with the lang/slug of each of their <file>s. */
  const done: { file: string; keys: string[]; clean: boolean }[] = [];
  let cached = 0;
  // An article's source and English are looked at once for all its languages' files (nothing
  // is written until the commit): 20,000 looks fewer over 30,000 unchanged returned files.
  const fps = new Map<string, string>();
  const seen = (path: string): string => {
    let fp = fps.get(path);
    if (fp === undefined) fps.set(path, (fp = fingerprint(path)));
    return fp;
  };

  for (const path of paths) {
    const file = project.rel(path);
    const before = cache.peek(file)?.result;
    if (Array.isArray(before) && cache.get(file, touchedBy(path, before), seen)) {
      cached++;
      continue;
    }
    if (!m) {
      m = await readingModules();
      await project.ready(); // the article reader, for the articles the files name
    }
    const { CheckedRead, Merger } = m;
    const keys: string[] = [];
    let clean = true;
    // One pass reads, checks (the same rules as `tessera validate`) and merges, a chunk at a
    // time; a file that breaks XLIFF's rules is still refused whole, since nothing staged is
    // written before every file has been read.
    let refused: InputError | undefined;
    let nFiles = 0;
    let merging: { key: string; article: Article; lang: Lang; merger: Merger; earlier: string[] } | undefined;
    const endFile = (): void => {
      if (!merging) return;
      const { key, article, lang, merger, earlier } = merging;
      merging = undefined;
      const merged = merger.finish();
      project.stageLocale(tx, lang, article.slug, merged.data);
      staged.add(key);
      // The findings come out in the order the languages and articles were first merged.
      if (qaFound && !qaFound.has(key)) qaFound.set(key, []);
      if (merger.changed.length > 0) {
        const ids = new Set([...earlier, ...merger.changed]);
        changedCount += ids.size - (changed.get(key) ?? 0);
        changed.set(key, ids.size);
        runQa(key, article, lang, merged.data, ids);
      }
      const r = merged.report;
      if (r.skipped > 0 || r.diagnostics.length > 0) clean = false;
      skipped += r.skipped;
      diagnostics.push(...r.diagnostics);
      lines.push(`  ${uiOf(ctx).t('import.fileLine', { file, article: article.slug, lang, applied: r.applied, unchanged: r.unchanged, skipped: r.skipped })}${r.ignored ? uiOf(ctx).t('import.ignored', { count: r.ignored }) : ''}`);
    };
    const startFile = (f: ReadFile): void => {
      endFile();
      nFiles++;
      if (refused) return;
      try {
        const { article, lang } = fileTarget(f, file);
        const key = `${lang}/${f.article}`;
        const original = staged.has(key) ? undefined : project.locale(article, lang);
        // Handed over to the merger, which updates it in place.
        const before = original ?? project.stagedLocale(tx, lang, f.article) ?? emptyLocale();
        keepHeap();
        const earlier = original ? [] : changedSince(project.locale(article, lang), before);
        merging = { key, article, lang, merger: new Merger(article.doc, before, { force: options.force ?? false, file, owned: true }), earlier };
        keys.push(key);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        refused = e; // thrown once the file is known to be valid XLIFF
      }
    };
    const reading = new CheckedRead(file, { file: startFile, unit: (_f, u) => merging?.merger.add(u) });
    readTextChunks(path, file, (chunk) => {
      keepHeap();
      return reading.write(chunk);
    });
    const problems = reading.close().validation.problems.filter((p) => p.severity === 'error');
    if (problems.length > 0) {
      throw new InputError([
        ...problems,
        diagnostic('error', 'xliff', msg('errors.import.invalid', { file }), {}, msg('errors.import.invalidHint', { file })),
      ]);
    }
    if (refused) throw refused;
    endFile();
    if (nFiles === 0) throw inputError(msg('errors.import.noFileElement'), { file }, msg('errors.import.exportAgain'), 'xliff');
    done.push({ file, keys, clean });
  }
  if (cached > 0) lines.push(`  ${uiOf(ctx).t('import.cached', { count: cached })}`);
  if (options.strict && skipped > 0) {
    throw new InputError([
      ...diagnostics,
      diagnostic('error', 'strict', msg('errors.import.strict', { count: skipped })),
    ]);
  }
  const qa: Diagnostic[] = [];
  if (changedCount > QA_AT_IMPORT) {
    qa.push(diagnostic('warning', 'qa', msg('import.qaSkipped', { count: changedCount, max: QA_AT_IMPORT }), {}, msg('import.qaSkippedHint')));
  } else if (qaFound) for (const found of qaFound.values()) qa.push(...found);
  // A file full of problems should not bury the import's own report: the first few, then a count.
  diagnostics.push(...qa.slice(0, QA_SHOWN));
  if (qa.length > QA_SHOWN) diagnostics.push(diagnostic('warning', 'qa', msg('import.qaMore', { count: qa.length - QA_SHOWN }), {}, msg('import.qaMoreHint')));
  const written = tx.commit().map((p) => project.rel(p));
  for (const d of done) if (d.clean) cache.set(d.file, () => touchedBy(project.abs(d.file), d.keys), d.keys);
  cache.save();
  for (const d of diagnostics) output.err(formatDiagnostic(d, uiOf(ctx).t) + '\n');
  if (!output.quiet || skipped > 0) output.err(`${uiOf(ctx).t('import.summary', { files: uiOf(ctx).t('count.files', { count: paths.length }), updated: uiOf(ctx).t('count.projectFilesUpdated', { count: written.length }) })}\n${lines.join('\n')}\n`);
  return { ok: skipped === 0, written };
}
