/**
 * `import`: merges translators' XLIFF files into locales/<lang>/<slug>.json and the segment
 * states. All files are read and checked before anything is written; a file that cannot be
 * read as XLIFF, or that names an unknown article or language, stops the whole command with
 * no file changed (exit 2). Units that cannot be applied are reported and skipped (exit 1);
 * with `strict`, any such unit refuses the whole command.
 */
import { glob } from 'tinyglobby';
import { existsSync, statSync } from 'node:fs';
import { InputError, diagnostic, formatDiagnostic, inputError, msg } from '../../core/errors.js';
import { Merger } from '../../core/merge.js';
import type { LocaleData } from '../../core/reconcile.js';
import { SOURCE_LANG, TARGET_LANGS, isLang, type Diagnostic, type Lang } from '../../core/types.js';
import type { ReadFile } from '../../formats/xliff/model.js';
import { CheckedRead } from '../../formats/xliff/read-checked.js';
import { checkSuite, toDiagnostics } from '../../checks/run.js';
import { projectGlossaries, segmentsToCheck } from './check.js';
import { readTextChunks } from '../../io/fs.js';
import type { Article } from '../../io/project.js';
import { uiOf, type StepContext, type StepResult } from '../context.js';

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

/** Expands globs; a plain path that does not exist is an error, a glob matching nothing too. */
export async function expandFiles(ctx: StepContext, patterns: readonly string[], optional = false): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    const abs = ctx.project.abs(p);
    if (/[*?[\]{}]/.test(p)) {
      const found = (await glob(p, { cwd: ctx.project.root, absolute: true, onlyFiles: true })).sort();
      if (found.length === 0 && optional) continue;
      if (found.length === 0) throw inputError(msg('errors.noMatch', { pattern: p }), {}, msg('errors.noMatchHint'), 'usage');
      out.push(...found);
    } else {
      if (!existsSync(abs)) throw inputError(msg('errors.noSuchFile'), { file: p }, msg('errors.checkPath'), 'usage');
      if (statSync(abs).isDirectory()) throw inputError(msg('errors.import.folder'), { file: p }, undefined, 'usage');
      out.push(abs);
    }
  }
  return [...new Set(out)];
}

function langOf(tag: string): Lang | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

export async function importStep(ctx: StepContext, options: ImportOptions): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  if (options.files.length === 0) throw inputError(msg('errors.import.noFiles'), {}, msg('errors.import.noFilesHint'), 'usage');
  const paths = await expandFiles(ctx, options.files, options.optional ?? false);
  if (paths.length === 0) {
    if (!output.quiet) output.err(`${uiOf(ctx).t('import.nothing')}\n`);
    return { ok: true, written: [] };
  }
  const articles = new Map<string, Article>();
  // Translators' files come back for any article, whatever shard this run covers.
  const known = new Set(project.articleFiles({ all: true }).map((f) => f.replace(/^.*[\\/]/, '').replace(/\.md$/, '')));
  const data = new Map<string, { article: Article; lang: Lang; data: LocaleData }>();
  /** The article and language a <file> is for; an InputError when this project has no such pair. */
  const fileTarget = (f: ReadFile, file: string): { article: Article; lang: Lang } => {
    const where = { file, line: f.line, column: f.column };
    const src = langOf(f.sourceLang);
    if (src !== SOURCE_LANG) throw inputError(msg('errors.import.sourceLang', { lang: f.sourceLang, expected: SOURCE_LANG }), where, msg('errors.import.sourceLangHint'), 'xliff-language');
    if (!f.targetLang) throw inputError(msg('errors.import.noTargetLang'), where, msg('errors.import.noTargetLangHint', { list: TARGET_LANGS }), 'xliff-language');
    const lang = langOf(f.targetLang);
    if (!lang || !TARGET_LANGS.includes(lang)) throw inputError(msg('errors.import.targetLang', { lang: f.targetLang, list: TARGET_LANGS }), where, msg('errors.import.targetLangHint'), 'xliff-language');
    if (!known.has(f.article)) throw inputError(msg('errors.import.unknownArticle', { article: f.article }), where, msg('errors.knownArticles', { list: [...known] }), 'xliff-article');
    let article = articles.get(f.article);
    if (!article) {
      article = project.loadArticleFile(project.abs(`source/${f.article}.md`));
      articles.set(f.article, article);
    }
    return { article, lang };
  };
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let skipped = 0;
  /** Segments whose translation this import changed, per lang/slug: the QA checks look at them. */
  const changed = new Map<string, Set<string>>();
  // Incremental (io/cache.ts): a file imported cleanly before, with it and every project file
  // it touched unchanged since, has nothing new to say. Files with problems are always re-read,
  // so their problems are always reported.
  const cache = project.stepCache<{ touched: string[] }>('import', { force: options.force ?? false });
  const done: { file: string; touched: string[]; clean: boolean }[] = [];
  let cached = 0;

  for (const path of paths) {
    const file = project.rel(path);
    if (cache.get(file)) {
      cached++;
      continue;
    }
    const touched = new Set<string>([path]);
    let clean = true;
    // One pass reads, checks (the same rules as `tessera validate`) and merges, a chunk at a
    // time; a file that breaks XLIFF's rules is still refused whole, since nothing merged is
    // written before every file has been read.
    let refused: InputError | undefined;
    let nFiles = 0;
    let merging: { key: string; article: Article; lang: Lang; before: LocaleData; merger: Merger } | undefined;
    const endFile = (): void => {
      if (!merging) return;
      const { key, article, lang, before, merger } = merging;
      merging = undefined;
      const merged = merger.finish();
      data.set(key, { article, lang, data: merged.data });
      const ids = changed.get(key) ?? new Set<string>();
      for (const [id, text] of Object.entries(merged.data.resources)) if (before.resources[id] !== text) ids.add(id);
      changed.set(key, ids);
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
        const before = data.get(key)?.data ?? project.locale(article, lang);
        merging = { key, article, lang, before, merger: new Merger(article.doc, before, { force: options.force ?? false, file }) };
        for (const t of [project.abs(article.file), project.resourcesPath(SOURCE_LANG, f.article), project.resourcesPath(lang, f.article), project.statePath(lang, f.article)]) touched.add(t);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        refused = e; // thrown once the file is known to be valid XLIFF
      }
    };
    const reading = new CheckedRead(file, { file: startFile, unit: (_f, u) => merging?.merger.add(u) });
    readTextChunks(path, file, (chunk) => reading.write(chunk));
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
    done.push({ file, touched: [...touched], clean });
  }
  if (cached > 0) lines.push(`  ${uiOf(ctx).t('import.cached', { count: cached })}`);
  if (options.strict && skipped > 0) {
    throw new InputError([
      ...diagnostics,
      diagnostic('error', 'strict', msg('errors.import.strict', { count: skipped })),
    ]);
  }
  // The QA checks (src/checks) on what this import changed: reported, never blocking — the
  // translator's work is applied, and `tessera check` (or a pipeline's check step) is the gate.
  const qa: Diagnostic[] = [];
  const langsSeen = [...new Set([...data.values()].map((d) => d.lang))];
  const changedCount = [...changed.values()].reduce((n, ids) => n + ids.size, 0);
  if (changedCount > QA_AT_IMPORT) {
    qa.push(diagnostic('warning', 'qa', msg('import.qaSkipped', { count: changedCount, max: QA_AT_IMPORT }), {}, msg('import.qaSkippedHint')));
  } else if (langsSeen.length > 0) {
    const glossaries = projectGlossaries(project, langsSeen);
    for (const [key, d] of data) {
      const ids = changed.get(key);
      if (!ids || ids.size === 0) continue;
      const r = checkSuite(d.article.slug, d.lang, segmentsToCheck(d.article, d.data, ids), { glossary: glossaries.get(d.lang)! });
      const rel = project.rel(project.resourcesPath(d.lang, d.article.slug));
      qa.push(...toDiagnostics([r], () => ({ file: rel })).map((x) => ({ ...x, severity: 'warning' as const, rule: `qa/${x.rule}` })));
    }
  }
  // A file full of problems should not bury the import's own report: the first few, then a count.
  diagnostics.push(...qa.slice(0, QA_SHOWN));
  if (qa.length > QA_SHOWN) diagnostics.push(diagnostic('warning', 'qa', msg('import.qaMore', { count: qa.length - QA_SHOWN }), {}, msg('import.qaMoreHint')));
  const tx = project.transaction();
  for (const a of articles.values()) project.stageEnglish(tx, a);
  for (const d of data.values()) project.stageLocale(tx, d.lang, d.article.slug, d.data);
  const written = tx.commit().map((p) => project.rel(p));
  for (const d of done) if (d.clean) cache.set(d.file, d.touched, { touched: d.touched });
  cache.save();
  for (const d of diagnostics) output.err(formatDiagnostic(d, uiOf(ctx).t) + '\n');
  if (!output.quiet || skipped > 0) output.err(`${uiOf(ctx).t('import.summary', { files: uiOf(ctx).t('count.files', { count: paths.length }), updated: uiOf(ctx).t('count.projectFilesUpdated', { count: written.length }) })}\n${lines.join('\n')}\n`);
  return { ok: skipped === 0, written };
}
