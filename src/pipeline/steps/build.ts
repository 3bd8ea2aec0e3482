/**
 * `build`: sets each article back together in each language and writes the editions to
 * OUT/<lang>/<slug>.{html,md,txt}. Article texts are read through i18next (one namespace per
 * article, `fallbackLng: 'en'`, `dir()` for direction). Missing translations fall back to
 * the English sentence, marked lang="en" dir="ltr" in HTML. Files whose bytes would not
 * change are not rewritten.
 *
 * The publish policy (src/core/policy.ts) decides, per edition, what a stale segment is set
 * from and whether the edition may go out at all. An edition below its gate is not written,
 * and any file a previous build left at its path stays as it was: a newsroom would rather keep
 * serving yesterday's complete edition than replace it with a half-English one, and deleting it
 * would take the article off the site in that language. Every such edition is named on stderr
 * (and under --json), and the step fails (exit 1); the other editions are still written.
 * English, the source, is never held back.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { InputError, inputError, msg } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import { assessEdition, describeBlockReason, parseStalePolicy, policyFor, type BlockReason, type EditionAssessment, type LangPolicy, type PublishPolicy, type SetCounts } from '../../core/policy.js';
import { segmentSizes } from '../../core/status.js';
import { LANGS, SOURCE_LANG, isPseudoLang, type Diagnostic, type Lang } from '../../core/types.js';
import { markPseudoEdition, pseudoDir } from '../../pseudo/edition.js';
import { reconcile, type LocaleData } from '../../core/reconcile.js';
import { formatPercent } from '../../formats/status.js';
import { renderHtml, renderMarkdown, renderText, type EditionInput } from '../../formats/edition.js';
import { cliTranslator, createUi, type CliTranslator } from '../../i18n/index.js';
import { parseLangs, type Article } from '../../io/project.js';
import { startProgress, uiOf, type StepContext, type StepResult } from '../context.js';
import { parseGate } from './status.js';

import { EDITION_FORMATS } from '../../core/choices.js';
export { EDITION_FORMATS };

export interface BuildOptions {
  articles?: string[];
  /** Languages to build (default: en and every target language). */
  lang?: string[];
  /** Formats (default: html, md, txt). */
  format?: string[];
  /** Output folder, relative to the project root (default out/editions). */
  out?: string;
  /**
   * Publish gate on words set in the edition's language: "80", "ar=80", "100,ar=80", a list of
   * those, or { all: 100, ar: 80 } (default 100: every segment translated). See core/policy.ts.
   */
  minTranslated?: unknown;
  /** Stale segments: previous (default), source or block; per language as "previous,ar=block". */
  stale?: unknown;
  /** Print a machine-readable summary (schema tessera-build/1) on stdout. */
  json?: boolean;
}

/**
 * One i18next instance per edition language, for a whole build: each article is one namespace,
 * added for its edition and removed after it (i18next's way with many namespaces; creating an
 * instance per edition cost more than setting the edition). Sentences are resources, never
 * templates.
 */
const instances = new Map<Lang, i18n>();

function languageI18n(lang: Lang): i18n {
  let inst = instances.get(lang);
  if (inst) return inst;
  inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: SOURCE_LANG,
    ns: [],
    // Segment ids hold no separators, and sentences are text, not templates.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnEmptyString: false,
    // Without it i18next looks 'qps-ploc' up as 'qps-Ploc' and every sentence falls back.
    lowerCaseLng: true,
    initAsync: false,
    resources: {},
  });
  instances.set(lang, inst);
  return inst;
}

/**
 * Runs `fn` with the article's namespace loaded in its language's instance (English, and the
 * translations when `data` is given), and unloads it after.
 */
export function withArticleI18n<T>(article: Article, lang: Lang, data: LocaleData | undefined, fn: (t: TFunction, exists: (id: string) => boolean, dir: 'ltr' | 'rtl') => T): T {
  const inst = languageI18n(lang);
  const ns = article.slug;
  const en: Record<string, string> = {};
  for (const s of article.doc.segments) en[s.id] = s.source;
  const own = data !== undefined && lang !== SOURCE_LANG;
  inst.addResourceBundle(SOURCE_LANG, ns, en);
  if (own) inst.addResourceBundle(lang, ns, data.resources);
  try {
    const t = inst.getFixedT(lang, ns);
    const exists = (id: string): boolean => lang === SOURCE_LANG || inst.exists(id, { lng: lang, ns, fallbackLng: [] as string[] });
    return fn(t, exists, inst.dir(lang) === 'rtl' ? 'rtl' : 'ltr');
  } finally {
    inst.removeResourceBundle(SOURCE_LANG, ns);
    if (own) inst.removeResourceBundle(lang, ns);
  }
}

/**
 * What the renderers need for one edition, read through i18next inside `withArticleI18n`: every
 * sentence is looked up there and then, so the input stays good after the namespace is gone.
 */
export function editionInput(article: Article, lang: Lang, t: TFunction, translated: (id: string) => boolean, dir: 'ltr' | 'rtl'): EditionInput {
  const ui = createUi(lang);
  // skipInterpolation: a sentence such as "{{x}}" or "$t(y)" is text, never a template.
  const texts = new Map(article.doc.segments.map((s) => [s.id, { text: t(s.id, { skipInterpolation: true }), fallback: !translated(s.id) }]));
  // The published date in the edition's calendar format; the pattern (and, for Arabic, the
  // digits) is chrome in src/i18n/<lang>.json.
  const date = ui.t('edition.date', { date: new Date(`${article.doc.meta.date}T12:00:00Z`) });
  const input: EditionInput = {
    doc: article.doc,
    lang,
    dir: pseudoDir(lang) ?? dir,
    text: (id) => texts.get(id) ?? { text: '', fallback: true },
    chrome: { date },
  };
  if (lang !== article.doc.meta.lang) {
    input.chrome.translatedFrom = ui.t('edition.translatedFrom', { language: ui.t(`language.${article.doc.meta.lang}`) });
  }
  return input;
}

/** The edition in each format. */
export function renderEditions(article: Article, lang: Lang, data: LocaleData | undefined, formats: readonly string[]): string[] {
  const input = withArticleI18n(article, lang, data, (t, exists, dir) => editionInput(article, lang, t, exists, dir));
  return formats.map((f) => (f === 'html' ? renderHtml(input) : f === 'md' ? renderMarkdown(input) : renderText(input)));
}

/** What became of one edition. */
export interface EditionOutcome {
  article: string;
  lang: Lang;
  /** written: at least one file changed · unchanged: every file already as built · blocked: below the policy, nothing written. */
  status: 'written' | 'unchanged' | 'blocked';
  assessment: EditionAssessment;
  /** The edition's files (relative to the project root), one per format. */
  files: string[];
  /** The files this build rewrote. */
  changed: string[];
  /** For a blocked edition: the files an earlier build left, untouched. */
  kept: string[];
}

/** Parses the policy options; throws a usage error (exit 2) before anything is read or written. */
export function buildPolicy(options: Pick<BuildOptions, 'minTranslated' | 'stale'>): PublishPolicy {
  return { minTranslated: parseGate(options.minTranslated, 'min-translated'), stale: parseStalePolicy(options.stale, 'stale') };
}

/**
 * Checks one policy option's value as a pipeline declares it (kebab-case name), without running
 * anything: the problem and the valid choices, or undefined when the value is good. For a
 * loader that reports bad values at their line and column.
 */
export function checkBuildOption(option: string, value: unknown): Diagnostic | undefined {
  try {
    if (option === 'min-translated') parseGate(value, option);
    else if (option === 'stale') parseStalePolicy(value, option);
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const d = e.diagnostics[0]!;
    return d;
  }
}

export async function buildStep(ctx: StepContext, options: BuildOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  const ui = uiOf(ctx);
  const langs = parseLangs(options.lang, LANGS, { pseudo: true }); // pseudo-locales only when named
  const formats = (options.format && options.format.length ? options.format.flatMap((f) => f.split(/[\s,]+/)).filter(Boolean) : [...EDITION_FORMATS]) as string[];
  for (const f of formats) {
    if (!(EDITION_FORMATS as readonly string[]).includes(f)) throw inputError(msg('errors.unknownFormat.edition', { format: f }), {}, msg('errors.formats', { list: [...EDITION_FORMATS] }), 'usage');
  }
  const policy = buildPolicy(options);
  const outDir = project.abs(options.out ?? 'out/editions');
  const sources = project.articlePaths(options.articles ?? []);
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  // Incremental (io/cache.ts): an edition whose inputs and files are as the last build left
  // them is not set again. The key holds everything that shapes an edition.
  type Cached = Omit<EditionOutcome, 'status' | 'changed'>;
  const cache = project.stepCache<Cached>('build', { formats, policy, out: project.rel(outDir) }, { namedFiles: true });
  const inputsOf = (path: string, lang: Lang): string[] => {
    const slug = slugOf(path);
    const own = lang === SOURCE_LANG ? [] : [project.resourcesPath(lang, slug), project.statePath(lang, slug)];
    return [path, project.resourcesPath(SOURCE_LANG, slug), ...own, ...formats.map((f) => join(outDir, lang, `${slug}.${f}`))];
  };
  const hits = new Map<string, Cached>();
  for (const path of sources) for (const lang of langs) {
    const hit = cache.get(`${slugOf(path)}/${lang}`, inputsOf(path, lang));
    if (hit) hits.set(`${slugOf(path)}/${lang}`, hit);
  }
  const progress = startProgress(ctx, 'build', sources.length);
  const needed = sources.filter((p) => langs.some((l) => !hits.has(`${slugOf(p)}/${l}`)));
  for (let i = 0; i < sources.length - needed.length; i++) progress.tick();
  const tx = project.transaction();
  const built = new Map<string, Cached>();
  const fresh: { key: string; inputs: string[]; entry: Cached }[] = [];
  // Articles a batch at a time (Project.forEachArticle): memory holds a batch, not the corpus.
  await project.forEachArticle(
    needed,
    (a) => {
      const path = project.abs(a.file);
      const sizes = segmentSizes(a.doc);
      const previous = project.readPreviousEnglish(a.slug);
      for (const lang of langs) {
        const key = `${a.slug}/${lang}`;
        if (hits.has(key)) continue;
        const data = lang === SOURCE_LANG ? undefined : reconcile(a.doc, previous, project.readLocale(lang, a.slug));
        const assessment = assessEdition(a.doc, lang, data, policyFor(policy, lang), sizes);
        const paths = formats.map((f) => join(outDir, lang, `${a.slug}.${f}`));
        const files = paths.map((p) => project.rel(p));
        let kept: string[] = [];
        if (assessment.blocked.length > 0) kept = paths.filter((p) => existsSync(p)).map((p) => project.rel(p));
        else {
          const contents = renderEditions(a, lang, data && { ...data, resources: assessment.resources }, formats);
          for (const [i, f] of formats.entries()) tx.write(paths[i]!, isPseudoLang(lang) ? markPseudoEdition(contents[i]!, f, lang) : contents[i]!);
        }
        // The cache and the report keep the verdict and counts, not the edition's text.
        const entry: Cached = { article: a.slug, lang, assessment: { ...assessment, resources: {} }, files, kept };
        built.set(key, entry);
        fresh.push({ key, inputs: inputsOf(path, lang), entry });
      }
    },
    () => progress.tick(),
  );
  const pending: Cached[] = [];
  for (const path of sources) for (const lang of langs) pending.push(hits.get(`${slugOf(path)}/${lang}`) ?? built.get(`${slugOf(path)}/${lang}`)!);
  progress.done();
  const written = tx.commit().map((p) => project.rel(p));
  for (const f of fresh) cache.set(f.key, f.inputs, f.entry);
  cache.save();
  const changedSet = new Set(written);
  const outcomes: EditionOutcome[] = pending.map((e) => {
    const changed = e.assessment.blocked.length ? [] : e.files.filter((f) => changedSet.has(f));
    const status = e.assessment.blocked.length ? 'blocked' : changed.length ? 'written' : 'unchanged';
    return { article: e.article, lang: e.lang, status, assessment: e.assessment, files: e.files, changed, kept: e.kept };
  });
  const blocked = outcomes.filter((o) => o.status === 'blocked');
  const out = project.rel(outDir);
  if (options.json) output.out(buildJson(outcomes, out, formats));
  if (!output.quiet) {
    const built = outcomes.filter((o) => o.status !== 'blocked').flatMap((o) => o.files);
    output.err(`${ui.t('build.summary', { files: ui.t('count.editionFiles', { count: built.length }), out: `${out}/`, changed: written.length })}${blocked.length ? ui.t('build.notPublished', { count: blocked.length }) : ''}\n`);
    for (const f of built) output.err(`  ${f}\n`);
    for (const o of outcomes) {
      const note = fallbackNote(o, ui);
      if (note) output.err(`  ${ui.t('build.note', { article: o.article, lang: o.lang, note })}\n`);
    }
  }
  // Always printed, like a failed status gate: this is why the command exits 1.
  for (const o of blocked) output.err(blockedLine(o, ui) + '\n');
  return { ok: blocked.length === 0, written };
}

const pct = (p: number): string => formatPercent(p, 'en');

/** "palermo-conference (fr): 92.1% of words translated, below 100.0% (…) — not published; …" */
export function blockedLine(o: EditionOutcome, ui: CliTranslator = cliTranslator('en')): string {
  const why = o.assessment.blocked.map((r) => describeBlockReason(r, (p) => formatPercent(p, ui.lang), ui.t)).join(ui.t('list.semicolon'));
  return ui.t('build.blocked', { article: o.article, lang: o.lang, why, kept: o.kept.length ? ui.t('build.kept', { files: filesPhrase(o.kept), count: o.kept.length }) : ui.t('build.nothingKept') });
}

/** out/editions/fr/palermo-conference.{html,md,txt} */
function filesPhrase(files: string[]): string {
  if (files.length === 1) return files[0]!;
  const stem = files[0]!.replace(/\.[^./]+$/, '');
  if (!files.every((f) => f.replace(/\.[^./]+$/, '') === stem)) return files.join(', ');
  return `${stem}.{${files.map((f) => f.slice(stem.length + 1)).join(',')}}`;
}

/** What a published translated edition holds besides current translations, if anything. */
function fallbackNote(o: EditionOutcome, ui: CliTranslator): string | undefined {
  if (o.status === 'blocked' || !o.assessment.policy) return undefined;
  const s = o.assessment.segments;
  const parts: string[] = [];
  if (s.missing + s.stale) parts.push(ui.t('build.setInEnglish', { count: s.missing + s.stale }));
  if (s.previous) parts.push(ui.t('build.setFromPrevious', { count: s.previous }));
  return parts.length ? ui.t('build.fallback', { percent: formatPercent(o.assessment.translatedWords, ui.lang), parts }) : undefined;
}

const counts = (c: SetCounts): SetCounts => ({ total: c.total, translated: c.translated, previous: c.previous, stale: c.stale, missing: c.missing });

function policyJson(p: LangPolicy | undefined): { minTranslated: number; stale: string } | null {
  return p ? { minTranslated: p.minTranslated, stale: p.stale } : null;
}

function reasonJson(r: BlockReason): Record<string, unknown> {
  const message = describeBlockReason(r, pct);
  if (r.rule === 'stale') return { rule: r.rule, policy: r.policy, segments: r.segments, words: r.words, message };
  return { rule: r.rule, translatedWords: r.translatedWords, minTranslated: r.minTranslated, segments: r.segments, words: r.words, message };
}

/**
 * The --json summary, schema tessera-build/1. Keys in a fixed order; editions in article ×
 * language order; every edition has every key (empty lists rather than absent ones).
 */
export function buildJson(outcomes: readonly EditionOutcome[], out: string, formats: readonly string[]): string {
  return stableJson({
    schema: 'tessera-build/1',
    out,
    formats: [...formats],
    editions: outcomes.map((o) => ({
      article: o.article,
      lang: o.lang,
      status: o.status,
      policy: policyJson(o.assessment.policy),
      translatedWords: o.assessment.translatedWords,
      segments: counts(o.assessment.segments),
      words: counts(o.assessment.words),
      files: o.files,
      changed: o.changed,
      kept: o.kept,
      reasons: o.assessment.blocked.map(reasonJson),
    })),
    totals: {
      editions: outcomes.length,
      written: outcomes.filter((o) => o.status === 'written').length,
      unchanged: outcomes.filter((o) => o.status === 'unchanged').length,
      blocked: outcomes.filter((o) => o.status === 'blocked').length,
      changedFiles: outcomes.reduce((n, o) => n + o.changed.length, 0),
    },
  });
}
