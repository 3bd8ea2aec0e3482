/**
 * `check`: runs the QA checks (src/checks/) over every translated segment of the articles, in
 * every target language, and reports what they find: diagnostics on stderr, or JSON (schema
 * tessera-check/1) on stdout, and optionally a JUnit XML file for CI. The step fails when a
 * finding reaches `failOn` (default: error; warnings do not fail); the CLI turns that into
 * exit code 1.
 *
 * The names check compares each translation with a glossary built from the project's reviewed
 * translations — all articles, whatever articles are being checked.
 */
import { existsSync } from 'node:fs';
import { inputError, formatDiagnostic, msg } from '../../core/errors.js';
import { stateRank, TARGET_LANGS, type Lang } from '../../core/types.js';
import { CHECKS, buildGlossary, type Glossary, type GlossarySegment } from '../../checks/index.js';
import { checkJson, junitXml, listChecks, listChecksJson, summary } from '../../checks/report.js';
import { checkSuite, failed, lineOfKey, parseFailOn, toDiagnostics, type CheckSegment, type Locator, type SuiteResult } from '../../checks/run.js';
import { readText } from '../../io/fs.js';
import type { LocaleData } from '../../core/reconcile.js';
import { parseLangs, type Article, type Project } from '../../io/project.js';
import { uiOf, type StepContext, type StepResult } from '../context.js';

export interface CheckOptions {
  /** Article slugs (default: all). */
  articles?: string[];
  /** Target languages (default: it, fr, ar). */
  lang?: string[];
  /** Print the results as JSON (schema tessera-check/1) on stdout instead of diagnostics on stderr. */
  json?: boolean;
  /** Also write JUnit XML to this file (relative to the project root). */
  junit?: string;
  /** List the checks (id, severity, explanation) and check nothing. */
  list?: boolean;
  /** Lowest severity that fails the step: "error" (default) or "warning". */
  failOn?: string;
}

/**
 * The segments of an article that have a translation in `data`, as the checks see them;
 * `ids` narrows them (e.g. to the units an import just applied).
 */
export function segmentsToCheck(article: Article, data: LocaleData, ids?: ReadonlySet<string>): CheckSegment[] {
  const { doc } = article;
  return doc.segments
    .filter((s) => data.resources[s.id] !== undefined && (!ids || ids.has(s.id)))
    .map((s) => ({ id: s.id, source: s.source, target: data.resources[s.id]!, kind: doc.blocks[s.block]!.kind }));
}

/** The segments of an article with a translation in `lang`, as the project has them now. */
export function translatedSegments(project: Project, article: Article, lang: Lang): CheckSegment[] {
  return segmentsToCheck(article, project.locale(article, lang));
}

/** Reviewed (or final) translations of every article of the project, per language, for the names glossary. */
export function projectGlossaries(project: Project, langs: readonly Lang[]): Map<Lang, Glossary> {
  // One article at a time, and only those with a reviewed translation stored in one of the
  // languages (reconciling never raises a state to reviewed): at newsroom scale, holding every
  // article at once cost an import over a hundred megabytes before its first file.
  const reviewed = stateRank('reviewed');
  const segments = new Map(langs.map((lang) => [lang, [] as GlossarySegment[]]));
  for (const path of project.articlePaths([])) {
    const slug = path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    const wanted = langs.filter((lang) => Object.values(project.readLocale(lang, slug).units).some((u) => stateRank(u.state) >= reviewed));
    if (wanted.length === 0) continue;
    const a = project.loadArticleFile(path);
    for (const lang of wanted) {
      const data = project.locale(a, lang);
      const out = segments.get(lang)!;
      for (const s of a.doc.segments) {
        const target = data.resources[s.id];
        const unit = data.units[s.id];
        if (target !== undefined && unit && stateRank(unit.state) >= reviewed) out.push({ key: `${a.slug}/${s.id}`, source: s.source, target });
      }
    }
  }
  return new Map(langs.map((lang) => [lang, buildGlossary(segments.get(lang)!, lang)]));
}

/** file:line of each segment in locales/<lang>/<slug>.json, read once per file. */
function locator(project: Project): Locator {
  const texts = new Map<string, string | undefined>();
  return (article, lang, segment) => {
    const path = project.resourcesPath(lang, article);
    const file = project.rel(path);
    if (!texts.has(path)) texts.set(path, existsSync(path) ? readText(path, file) : undefined);
    const text = texts.get(path);
    const line = text === undefined ? undefined : lineOfKey(text, segment);
    return line === undefined ? { file } : { file, line };
  };
}

export function checkResults(project: Project, options: Pick<CheckOptions, 'articles' | 'lang'> = {}): SuiteResult[] {
  const langs = parseLangs(options.lang, TARGET_LANGS);
  const articles = project.loadArticles(options.articles ?? []);
  const glossaries = projectGlossaries(project, langs);
  const results: SuiteResult[] = [];
  for (const a of articles) {
    for (const lang of langs) {
      const glossary = glossaries.get(lang);
      results.push(checkSuite(a.slug, lang, translatedSegments(project, a, lang), glossary ? { glossary } : {}));
    }
  }
  return results;
}

export async function checkStep(ctx: StepContext, options: CheckOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const failOn = parseFailOn(options.failOn);
  if (options.list) {
    output.out(options.json ? listChecksJson(CHECKS) : listChecks(CHECKS, 100, uiOf(ctx)));
    return { ok: true, written: [] };
  }
  if (options.junit !== undefined && options.junit.trim() === '') throw inputError(msg('errors.check.junit'), {}, msg('errors.check.junitHint'), 'usage');
  const results = checkResults(project, options);
  const locate = locator(project);
  const written: string[] = [];
  if (options.junit) {
    const tx = project.transaction();
    tx.write(project.abs(options.junit), junitXml(results, CHECKS, failOn));
    written.push(...tx.commit().map((p) => project.rel(p)));
  }
  if (options.json) output.out(checkJson(results, CHECKS, failOn, locate));
  else {
    const diagnostics = toDiagnostics(results, locate).filter((d) => !output.quiet || d.severity === 'error' || failOn === 'warning');
    if (diagnostics.length) output.err(diagnostics.map((d) => formatDiagnostic(d, uiOf(ctx).t)).join('\n') + '\n');
  }
  if (!output.quiet) output.err(summary(results, CHECKS, uiOf(ctx).t) + (options.junit ? uiOf(ctx).t('check.junitWritten', { file: project.rel(project.abs(options.junit)) }) : '') + '\n');
  return { ok: !failed(results, failOn), written };
}
