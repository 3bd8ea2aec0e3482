/**
 * `build`: sets each article back together in each language and writes the editions to
 * OUT/<lang>/<slug>.{html,md,txt}. Article texts are the i18next resources of locales/ (one
 * namespace per article), resolved as i18next resolves them (`fallbackLng: 'en'`, `dir()` for
 * direction; see `withArticleTexts`, checked against i18next itself in the tests). Missing
 * translations fall back to the English sentence, marked lang="en" dir="ltr" in HTML. Files
 * whose bytes would not change are not rewritten.
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
import { sep } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { inputError, msg } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import { assessEdition, describeBlockReason, parseStalePolicy, policyFor, type BlockReason, type EditionAssessment, type LangPolicy, type PublishPolicy, type SetCounts } from '../../core/policy.js';
import { segmentSizes } from '../../core/status.js';
import { LANGS, SOURCE_LANG, isPseudoLang, type Lang } from '../../core/types.js';
import { markPseudoEdition, pseudoDir } from '../../pseudo/edition.js';
import { reconcile, type LocaleData } from '../../core/reconcile.js';
import { formatPercent } from '../../formats/status.js';
import { renderHtml, renderMarkdown, renderText, type EditionInput } from '../../formats/edition.js';
import { cliTranslator, createUi, type CliTranslator } from '../../i18n/index.js';
import { parseLangs, type Article } from '../../io/project.js';
import { fingerprint } from '../../io/cache.js';
import { startProgress, uiOf, type StepContext, type StepResult } from '../context.js';
import { parseGate } from '../../core/gate.js';
import { EDITIONS_OUT } from './defaults.js';

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
 * The direction of each edition language, as i18next's `dir()` gives it (asked once per
 * language; pseudo-locales are set by pseudoDir).
 */
const directions = new Map<Lang, 'ltr' | 'rtl'>();
let dirI18n: i18n | undefined;

function languageDir(lang: Lang): 'ltr' | 'rtl' {
  let dir = directions.get(lang);
  if (dir) return dir;
  if (!dirI18n) {
    dirI18n = i18next.createInstance();
    // Without lowerCaseLng i18next looks 'qps-ploc' up as 'qps-Ploc'.
    void dirI18n.init({ lng: SOURCE_LANG, lowerCaseLng: true, initAsync: false, resources: {} });
  }
  dir = dirI18n.dir(lang) === 'rtl' ? 'rtl' : 'ltr';
  directions.set(lang, dir);
  return dir;
}

/** A sentence looked up by segment id. */
export type SentenceLookup = (id: string) => string;

/**
 * Runs `fn` with the article's sentences in `lang`: the translation (`data`'s resources, i18next
 * JSON v4, one namespace per article) or else the English sentence, and whether the language
 * has its own. This is i18next's resolution as Tessera configured it — `fallbackLng: 'en'`,
 * `returnEmptyString: false` (an empty translation sets the English sentence, but it *is* the
 * language's own resource, as `exists` says, so it is not marked as a fallback), no key or
 * namespace separators, sentences never interpolated — done as plain look-ups: through
 * i18next's `t` and `exists` it cost 90 µs a sentence (its options are copied on every call),
 * over a minute of a newsroom build. tests/editions/edition.test.ts checks the two agree.
 */
export function withArticleTexts<T>(article: Article, lang: Lang, data: LocaleData | undefined, fn: (t: SentenceLookup, exists: (id: string) => boolean, dir: 'ltr' | 'rtl') => T): T {
  const en = new Map<string, string>();
  for (const s of article.doc.segments) en.set(s.id, s.source);
  const own = data !== undefined && lang !== SOURCE_LANG ? data.resources : undefined;
  const has = (id: string): boolean => own !== undefined && Object.hasOwn(own, id) && typeof own[id] === 'string';
  const t = (id: string): string => {
    const mine = has(id) ? own![id]! : '';
    if (mine !== '') return mine;
    const source = en.get(id);
    return source ? source : id; // i18next gives the key when nothing is found
  };
  const exists = (id: string): boolean => lang === SOURCE_LANG || has(id);
  return fn(t, exists, languageDir(lang));
}

/**
 * Edition chrome by language and value (a date, the source language): the same few strings for
 * every article, formatted once each rather than through i18next for every edition.
 */
const chrome = new Map<string, string>();

function chromeText(key: string, make: () => string): string {
  let text = chrome.get(key);
  if (text === undefined) {
    text = make();
    if (chrome.size < 10_000) chrome.set(key, text);
  }
  return text;
}

/**
 * What the renderers need for one edition, read inside `withArticleTexts`: every
 * sentence is looked up there and then.
 */
export function editionInput(article: Article, lang: Lang, t: SentenceLookup, translated: (id: string) => boolean, dir: 'ltr' | 'rtl'): EditionInput {
  const ui = createUi(lang);
  // A sentence such as "{{x}}" or "$t(y)" is text, never a template.
  const texts = new Map(article.doc.segments.map((s) => [s.id, { text: t(s.id), fallback: !translated(s.id) }]));
  // The published date in the edition's calendar format; the pattern (and, for Arabic, the
  // digits) is chrome in src/i18n/<lang>.json.
  const date = chromeText(`${lang}\0date\0${article.doc.meta.date}`, () => ui.t('edition.date', { date: new Date(`${article.doc.meta.date}T12:00:00Z`) }));
  const input: EditionInput = {
    doc: article.doc,
    lang,
    dir: pseudoDir(lang) ?? dir,
    text: (id) => texts.get(id) ?? { text: '', fallback: true },
    chrome: { date },
  };
  if (lang !== article.doc.meta.lang) {
    const from = article.doc.meta.lang;
    input.chrome.translatedFrom = chromeText(`${lang}\0from\0${from}`, () => ui.t('edition.translatedFrom', { language: ui.t(`language.${from}`) }));
  }
  return input;
}

/** The edition in each format. */
export function renderEditions(article: Article, lang: Lang, data: LocaleData | undefined, formats: readonly string[]): string[] {
  const input = withArticleTexts(article, lang, data, (t, exists, dir) => editionInput(article, lang, t, exists, dir));
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

export { checkBuildOption } from './build-options.js';

/**
 * An edition's verdict, compact — a build holds one for every edition of the corpus (40,000 at
 * newsroom scale) and its cache stores them: the segment and word counts (SetCounts order:
 * total, translated, previous, stale, missing), the percentage of words translated, which of the
 * edition's files a blocked edition left on disk (a bit per format), and the reasons it was
 * blocked, if it was. Everything else an outcome says follows from the key and the options.
 */
type Verdict = [...counts: number[]] | [...counts: number[], BlockReason[]];
const COUNT_KEYS = ['total', 'translated', 'previous', 'stale', 'missing'] as const;
/** Index of the percentage, the kept-files bits and the reasons in a Verdict. */
const PCT = 10;
const KEPT = 11;
const REASONS = 12;

function verdictOf(a: EditionAssessment, kept: number): Verdict {
  const v: Verdict = [...COUNT_KEYS.map((k) => a.segments[k]), ...COUNT_KEYS.map((k) => a.words[k]), a.translatedWords, kept];
  if (a.blocked.length) (v as unknown[]).push(a.blocked);
  return v;
}

function setCounts(v: Verdict, at: number): SetCounts {
  return { total: v[at] as number, translated: v[at + 1] as number, previous: v[at + 2] as number, stale: v[at + 3] as number, missing: v[at + 4] as number };
}

/** Articles read at a time (Project.forEachArticle). */
const BATCH = 16;
/** Up to this many files, a build lists them all; past it, those it changed, up to this many. */
const LISTED = 60;

export async function buildStep(ctx: StepContext, options: BuildOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  const ui = uiOf(ctx);
  const langs = parseLangs(options.lang, LANGS, { pseudo: true }); // pseudo-locales only when named
  const formats = (options.format && options.format.length ? options.format.flatMap((f) => f.split(/[\s,]+/)).filter(Boolean) : [...EDITION_FORMATS]) as string[];
  for (const f of formats) {
    if (!(EDITION_FORMATS as readonly string[]).includes(f)) throw inputError(msg('errors.unknownFormat.edition', { format: f }), {}, msg('errors.formats', { list: [...EDITION_FORMATS] }), 'usage');
  }
  const policy = buildPolicy(options);
  const outDir = project.abs(options.out ?? EDITIONS_OUT);
  const sources = project.articlePaths(options.articles ?? []);
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  // Concatenated (outDir is absolute and normalised): path.join costs more than a cache check.
  const outPrefix = outDir.endsWith(sep) ? outDir : outDir + sep;
  const fileOf = (slug: string, lang: Lang, f: string): string => `${outPrefix}${lang}${sep}${slug}.${f}`;
  // Incremental (io/cache.ts): an edition whose inputs and files are as the last build left
  // them is not set again. The key holds everything that shapes an edition. Entries are set
  // only once the build's files are in place, so the cache takes their fingerprints then and
  // keeps no list of files for the 40,000 editions in between.
  // The editions themselves are checked for presence (StepCacheOptions.outputs): a deleted
  // one is set again, one edited by hand is left until its article or translations change.
  const cache = project.stepCache<Verdict>('build', { formats, policy, out: project.rel(outDir), verdict: 3 }, { namedFiles: true, fingerprintOnSet: true, outputs: (p) => p.startsWith(outPrefix) });
  const inputsOf = (path: string, lang: Lang): string[] => {
    const slug = slugOf(path);
    const own = lang === SOURCE_LANG ? [] : [project.resourcesPath(lang, slug), project.statePath(lang, slug)];
    return [path, project.resourcesPath(SOURCE_LANG, slug), ...own, ...formats.map((f) => fileOf(slug, lang, f))];
  };
  // One verdict per edition, article by article, languages in order.
  const verdicts: Verdict[] = new Array<Verdict>(sources.length * langs.length);
  const fresh = new Uint8Array(verdicts.length);
  const indexOf = new Map<string, number>(); // slug → article index, for the articles to set
  const needed: string[] = [];
  sources.forEach((path, i) => {
    let miss = false;
    // The article's source and English resources are inputs of each of its editions: looked at once.
    const en = project.resourcesPath(SOURCE_LANG, slugOf(path));
    const sourceFp = fingerprint(path);
    const enFp = fingerprint(en);
    const fp = (p: string): string => (p === path ? sourceFp : p === en ? enFp : fingerprint(p));
    for (const [j, lang] of langs.entries()) {
      const hit = cache.get(`${slugOf(path)}/${lang}`, inputsOf(path, lang), fp);
      if (hit) verdicts[i * langs.length + j] = hit;
      else miss = true;
    }
    if (miss) {
      needed.push(path);
      indexOf.set(slugOf(path), i);
    }
  });
  const progress = startProgress(ctx, 'build', sources.length);
  for (let i = 0; i < sources.length - needed.length; i++) progress.tick();
  // The whole build is one transaction (io/fs.ts): a killed build leaves every edition as it
  // was; past a few megabytes the contents wait in temporary files beside their targets, and
  // the journal names them through its spill log, so memory stays flat at any size.
  const tx = project.transaction();
  try {
    // Articles a batch at a time (Project.forEachArticle): memory holds a batch, not the corpus.
    await project.forEachArticle(
      needed,
      (a) => {
        const i = indexOf.get(a.slug)!;
        const sizes = segmentSizes(a.doc);
        const previous = project.readPreviousEnglish(a.slug);
        for (const [j, lang] of langs.entries()) {
          const at = i * langs.length + j;
          if (verdicts[at]) continue;
          const data = lang === SOURCE_LANG ? undefined : reconcile(a.doc, previous, project.readLocale(lang, a.slug));
          const assessment = assessEdition(a.doc, lang, data, policyFor(policy, lang), sizes);
          const paths = formats.map((f) => fileOf(a.slug, lang, f));
          let kept = 0;
          if (assessment.blocked.length > 0) paths.forEach((p, k) => (kept |= existsSync(p) ? 1 << k : 0));
          else {
            const contents = renderEditions(a, lang, data && { ...data, resources: assessment.resources }, formats);
            for (const [k, f] of formats.entries()) tx.write(paths[k]!, isPseudoLang(lang) ? markPseudoEdition(contents[k]!, f, lang) : contents[k]!);
          }
          // The cache and the report keep the verdict and counts, not the edition's text.
          verdicts[at] = verdictOf(assessment, kept);
          fresh[at] = 1;
        }
      },
      () => progress.tick(),
      // Small batches: articles read ahead stay in memory while a batch is set, long enough
      // for the garbage collector to move them to the old generation, which it then lets grow.
      { batch: BATCH },
    );
  } catch (e) {
    tx.abort();
    throw e;
  }
  progress.done();
  const written = tx.commit().map((p) => project.rel(p));
  sources.forEach((path, i) => {
    for (const [j, lang] of langs.entries()) if (fresh[i * langs.length + j]) cache.set(`${slugOf(path)}/${lang}`, inputsOf(path, lang), verdicts[i * langs.length + j]!);
  });
  cache.save();
  const out = project.rel(outDir);
  const changedSet = options.json ? new Set(written) : undefined;
  /** The outcome of edition `at`, made when it is reported (the verdicts are what is kept). */
  const outcomeAt = (at: number): EditionOutcome => {
    const path = sources[Math.floor(at / langs.length)]!;
    const lang = langs[at % langs.length]!;
    const article = slugOf(path);
    const v = verdicts[at]!;
    const blocked = (v[REASONS] as BlockReason[] | undefined) ?? [];
    const assessment: EditionAssessment = { lang, resources: {}, segments: setCounts(v, 0), words: setCounts(v, 5), translatedWords: v[PCT] as number, blocked };
    if (lang !== SOURCE_LANG) assessment.policy = policyFor(policy, lang);
    const files = formats.map((f) => project.rel(fileOf(article, lang, f)));
    const kept = files.filter((_, k) => ((v[KEPT] as number) & (1 << k)) !== 0);
    const changed = blocked.length || !changedSet ? [] : files.filter((f) => changedSet.has(f));
    const status = blocked.length ? 'blocked' : changed.length ? 'written' : 'unchanged';
    return { article, lang, status, assessment, files, changed, kept };
  };
  const isBlocked = (at: number): boolean => verdicts[at]![REASONS] !== undefined;
  let blockedCount = 0;
  for (let at = 0; at < verdicts.length; at++) if (isBlocked(at)) blockedCount++;
  if (options.json) output.out(buildJson(verdicts.map((_, at) => outcomeAt(at)), out, formats));
  if (!output.quiet) {
    // Lines go out a chunk at a time: 120,000 file names are 120,000 writes otherwise.
    const lines = chunkedWriter((text) => output.err(text));
    const builtFiles = (verdicts.length - blockedCount) * formats.length;
    lines(`${ui.t('build.summary', { files: ui.t('count.editionFiles', { count: builtFiles }), out: `${out}/`, changed: written.length })}${blockedCount ? ui.t('build.notPublished', { count: blockedCount }) : ''}\n`);
    // Every file of a small build; of a large one, the files it changed, up to LISTED (120,000
    // names of files that are where they were help nobody on a terminal; --json has them all).
    const all = builtFiles <= LISTED;
    const changedNow = all ? undefined : (changedSet ?? new Set(written));
    let listed = 0;
    for (let at = 0; at < verdicts.length && (all || listed < LISTED); at++) {
      if (isBlocked(at)) continue;
      const slug = slugOf(sources[Math.floor(at / langs.length)]!);
      for (const f of formats) {
        const rel = project.rel(fileOf(slug, langs[at % langs.length]!, f));
        if (!all && (listed >= LISTED || !changedNow!.has(rel))) continue;
        lines(`  ${rel}\n`);
        listed++;
      }
    }
    if (listed < builtFiles) lines(`  ${ui.t('build.notListed', { files: ui.t('count.editionFiles', { count: builtFiles - listed }) })}\n`);
    for (let at = 0; at < verdicts.length; at++) {
      const v = verdicts[at]!;
      // Only an edition with previous, stale or missing segments has a note (fallbackNote).
      if (isBlocked(at) || (v[2] as number) + (v[3] as number) + (v[4] as number) === 0) continue;
      const note = fallbackNote(outcomeAt(at), ui);
      if (note) lines(`  ${ui.t('build.note', { article: slugOf(sources[Math.floor(at / langs.length)]!), lang: langs[at % langs.length]!, note })}\n`);
    }
    lines();
  }
  // Always printed, like a failed status gate: this is why the command exits 1.
  for (let at = 0; at < verdicts.length; at++) if (isBlocked(at)) output.err(blockedLine(outcomeAt(at), ui) + '\n');
  return { ok: blockedCount === 0, written };
}

/** Collects text and hands it on in pieces of about 64 KB; called without text, hands on the rest. */
function chunkedWriter(write: (text: string) => void): (text?: string) => void {
  let buffer = '';
  return (text) => {
    if (text !== undefined) buffer += text;
    if ((text === undefined && buffer !== '') || buffer.length >= 1 << 16) {
      write(buffer);
      buffer = '';
    }
  };
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
