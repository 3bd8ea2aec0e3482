/**
 * `status`: the article × language matrix of segments, words and characters by state, as a
 * terminal table, JSON (schema tessera-status/1), Markdown or a self-contained HTML dashboard.
 * Gates make it exit 1 when an article is below a percentage of translated or reviewed words
 * in a language: `90` for every language, `ar=80` for one, or both (`90,ar=80`).
 */
import { Worker } from 'node:worker_threads';
import { InputError, inputError, msg } from '../../core/errors.js';
import { articleStatus, combineStatus, hasWorkLeft, profileStatus, storedStates, sourceProfile, type ArticleStatus, type Cell, type PackedRow, type StatusReport, packRow, unpackRow } from '../../core/status.js';
import { STATES, isLang, type Lang } from '../../core/types.js';
import { formatPercent, statusDetails, statusHtml, statusJsonPieces, statusMarkdown, statusTable } from '../../formats/status.js';
import { cliTranslator, resolveUiLang } from '../../i18n/index.js';
import { parseLangs, type Project } from '../../io/project.js';
import { startProgress, type StepContext, type StepResult } from '../context.js';
import { fingerprint } from '../../io/cache.js';

import { STATUS_WORKER, type ItemResult, type StatusAnswer, type StatusItem, type StatusMessage, type StatusSetup } from '../status-worker.js';

/**
 * From this many articles to count from profiles, the counting is shared among threads
 * (TESSERA_STATUS_SHARE_MIN overrides it, for tests of the shared path on small corpora).
 */
const PARALLEL_STATUS = Number(process.env.TESSERA_STATUS_SHARE_MIN) || 2000;

import { STATUS_FORMATS } from '../../core/choices.js';
import { parseGate, type Gate } from '../../core/gate.js';
export { STATUS_FORMATS };
export { parseGate, type Gate } from '../../core/gate.js';

export interface StatusOptions {
  articles?: string[];
  lang?: string[];
  format?: string;
  /** List the segments still needing work. */
  details?: boolean;
  /** Gate on words at least translated: "90", "ar=80", ["90", "ar=80"], or { all: 90, ar: 80 }. */
  minTranslated?: unknown;
  /** Gate on words at least reviewed; same forms. */
  minReviewed?: unknown;
  /** Interface language for labels (default: from LC_ALL / LC_MESSAGES / LANG, else en). */
  uiLang?: string;
}


/** The files an article's status row depends on: its source and English resources first (see status-worker.ts). */
function rowInputs(project: Project, langs: readonly Lang[], path: string, slug: string): string[] {
  return [path, project.resourcesPath('en', slug), ...langs.flatMap((l) => [project.resourcesPath(l, slug), project.statePath(l, slug)])];
}

/**
 * The languages in which `status` last found an article with nothing left to do (no new or
 * stale segment), from its cache of rows — only while the article's source, English
 * resources and every language's files are as they were then. Export uses it to skip what is
 * complete without reading it: an archive of finished articles costs a look at their files.
 */
export function completeLanguages(project: Project, fp?: (path: string) => string): (path: string, slug: string) => Lang[] {
  const langs = parseLangs(undefined);
  const rows = project.stepCache<PackedRow>('status', { langs }, { namedFiles: true, readOnly: true });
  const open = [STATES.indexOf('new'), STATES.indexOf('stale')];
  return (path, slug) => {
    if (!rows.peek(slug)) return [];
    const row = rows.get(slug, rowInputs(project, langs, path, slug), fp);
    if (!row) return [];
    return langs.filter((l) => {
      const counts = row.counts[l];
      return counts !== undefined && open.every((i) => counts[i] === 0);
    });
  };
}

/** Articles per batch handed to a thread: small enough that no thread waits long for the last. */
const BATCH = 50;

/**
 * The young generation of the counting threads, in megabytes (see status-worker.ts). V8's
 * default is 48 on a 64-bit machine; on 10,000 articles after an import, 6 took the CPU time
 * of the count from 9.7 s to 5.5 s and its wall time from 6.2 s to 4 s on 2 cores.
 */
const YOUNG_MB = 6;

/** Worker threads for `shareOut`, started as soon as they are known to be needed. */
function startThreads(n: number): Worker[] {
  return Array.from({ length: n }, () => new Worker(new URL('../status-worker.js', import.meta.url), { workerData: STATUS_WORKER, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }));
}

/**
 * Checks and counts `count` items (status-worker.ts) on worker threads, a batch at a time to
 * whichever thread is free. `itemsOf(from, to)` makes a batch's items as it is sent — the
 * first batches go out at once, and the rest are made while the threads work; `take(from,
 * results)` gets each batch's results as they come back (in no particular order), so that the
 * bookkeeping is done by the time the last batch is. The caller terminates the threads.
 */
async function shareOut(
  threads: readonly Worker[],
  count: number,
  itemsOf: (from: number, to: number) => StatusItem[],
  setup: StatusSetup,
  take: (from: number, results: ItemResult[]) => void,
): Promise<void> {
  const batches = Math.ceil(count / BATCH);
  let next = 0;
  await Promise.all(
    threads.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = (): void => {
            if (next < batches) {
              const batch = next++;
              w.postMessage({ batch, items: itemsOf(batch * BATCH, Math.min(count, (batch + 1) * BATCH)) } satisfies StatusMessage);
              inFlight++;
            } else if (inFlight === 0) resolve();
          };
          w.on('message', (a: StatusAnswer) => {
            inFlight--;
            if ('error' in a) reject(new Error(a.error));
            else if ('diagnostics' in a) reject(new InputError(a.diagnostics));
            else {
              try {
                take(a.batch * BATCH, a.results);
              } catch (e) {
                reject(e as Error);
                return;
              }
              send();
            }
          });
          w.once('error', reject);
          w.once('exit', (code) => (inFlight > 0 || next < batches) && reject(new Error(`status worker exited with code ${code}`)));
          w.postMessage({ setup } satisfies StatusMessage);
          // Two batches queued: the worker never waits for this thread between batches.
          send();
          send();
        }),
    ),
  );
}

/** Articles looked at to tell a status after an import from one with little changed (`rowsLookStale`). */
const SAMPLE = 64;

/**
 * Whether any of a few articles spread over the corpus has changed since its row was cached,
 * as after an import, when most have. (`stale` looks at one article's files.)
 */
function rowsLookStale(files: readonly string[], stale: (path: string) => boolean): boolean {
  const step = Math.max(1, Math.floor(files.length / SAMPLE));
  for (let i = 0; i < files.length; i += step) if (stale(files[i]!)) return true;
  return false;
}

/**
 * The report. Incremental at two levels (io/cache.ts):
 *  - an article whose source and locale files are unchanged since the last run reuses its row
 *    without reading anything;
 *  - an article whose source and English resources are unchanged (only translations moved,
 *    as after an import) is counted from its cached source profile (core/status.ts) and its
 *    locale files, without reading or parsing the article.
 * Only articles edited since their last `segment` are parsed, a batch at a time.
 */
export async function statusReport(ctx: StepContext, options: StatusOptions = {}): Promise<StatusReport> {
  const { project } = ctx;
  const langs = parseLangs(options.lang);
  const details = options.details ?? false;
  const files = project.articlePaths(options.articles ?? []);
  const rows = project.stepCache<PackedRow>('status', { langs }, { namedFiles: true, readOnly: true });
  const profiles = project.profileCache();
  const progress = startProgress(ctx, 'status', files.length);
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const inputsOf = (path: string, slug: string): string[] => rowInputs(project, langs, path, slug);
  // Which locale files exist, from one listing per language instead of a look per file.
  const listings = new Map<Lang, Set<string>>();
  const existing = (lang: Lang): Set<string> => {
    let set = listings.get(lang);
    if (!set) listings.set(lang, (set = project.localeFiles(lang)));
    return set;
  };
  const parts = new Map<string, ArticleStatus>();
  const toParse: string[] = [];
  const rowStale = (path: string): boolean => {
    const slug = slugOf(path);
    const fps = rows.peek(slug)?.fps;
    const inputs = inputsOf(path, slug);
    return !fps || fps.length !== inputs.length || inputs.some((p, i) => fingerprint(p) !== fps[i]);
  };
  if (!details && files.length >= PARALLEL_STATUS && rowsLookStale(files, rowStale)) {
    // At scale, after an import (every locale file to read and count): batches of articles are
    // checked and counted on worker threads, each taking the next batch as it frees up. The
    // caches' bookkeeping stays here, from the fingerprints the threads took. With little
    // changed, this thread does it alone: the rows it reuses cost a look at their files each,
    // less than starting threads.
    // The threads start first: they load their code while this one gathers what they need.
    // As many as the concurrency: one more hid the disk's latency when the locale files were
    // out of the page cache (10,000 articles after an import: 5.6-6.3 s → 4.8-5.2 s), but in
    // the benchmark, where they are mostly in it, it gained nothing and took the step from
    // 203 to 234 MB.
    const threads = startThreads(Math.max(1, Math.min(project.concurrency, 4, Math.ceil(files.length / BATCH))));
    const inputs: string[][] = new Array<string[]>(files.length);
    const parseAt: number[] = [];
    try {
      // What the threads share first (they load their code meanwhile): which locale files exist.
      const setup: StatusSetup = { root: project.root, localesDir: project.localesDir, langs, listings: Object.fromEntries(langs.map((l) => [l, [...existing(l)]])) };
      // The profiles go out with the items, each as its text in the cache file, parsed by the
      // thread that counts the article: this thread only splits the file (10,000 articles:
      // 0.03 s instead of a 0.12 s parse and a copy for the thread). A cache file of the
      // earlier layout is parsed here.
      const texts = profiles.entryTexts();
      const itemsOf = (from: number, to: number): StatusItem[] => {
        const batch: StatusItem[] = [];
        for (let i = from; i < to; i++) {
          const path = files[i]!;
          const slug = slugOf(path);
          const row = rows.peek(slug);
          inputs[i] = inputsOf(path, slug);
          batch.push({ slug, inputs: inputs[i]!, ...(row ? { rowFps: row.fps } : {}), profile: (texts ? texts.get(slug) : profiles.peek(slug)) ?? null });
        }
        return batch;
      };
      const take = (from: number, results: ItemResult[]): void => {
        results.forEach((r, k) => {
          const i = from + k;
          const path = files[i]!;
          const slug = slugOf(path);
          const cached = rows.checked(slug, r.fps);
          if (cached) parts.set(path, { row: unpackRow(slug, cached), remaining: [] });
          else if (r.kind === 'counted') {
            rows.set(slug, inputs[i]!, r.row);
            parts.set(path, { row: unpackRow(slug, r.row), remaining: [] });
          } else parseAt.push(i);
        });
        progress.tick(results.length);
      };
      await shareOut(threads, files.length, itemsOf, setup, take);
    } finally {
      await Promise.all(threads.map((w) => w.terminate()));
    }
    // In the order of the files, whatever order the batches came back in.
    for (const i of parseAt.sort((a, b) => a - b)) toParse.push(files[i]!);
  } else {
    for (const path of files) {
      const slug = slugOf(path);
      const packed = rows.get(slug, inputsOf(path, slug));
      const row = packed && unpackRow(slug, packed);
      if (row && !(details && hasWorkLeft(row))) {
        parts.set(path, { row, remaining: [] });
        progress.tick();
        continue;
      }
      // A profile exists only while the English resources match the article, so there are no
      // edits to pair: the stored files give the states directly.
      const profile = profiles.get(slug, project.profileFiles(slug));
      if (!profile) {
        toParse.push(path);
        continue;
      }
      const sources = details ? project.readPreviousEnglish(slug) : undefined;
      const result = profileStatus(slug, profile, langs, (lang) => storedStates(project.readLocale(lang, slug, existing(lang)), lang), sources);
      rows.set(slug, inputsOf(path, slug), packRow(result.row));
      parts.set(path, result);
      progress.tick();
    }
  }
  await project.forEachArticle(
    toParse,
    (article) => {
      const result = articleStatus(article.doc, langs, (lang) => project.locale(article, lang));
      rows.set(article.slug, inputsOf(project.abs(article.file), article.slug), packRow(result.row));
      parts.set(project.abs(article.file), details ? result : { row: result.row, remaining: [] });
      // The profile is only good while the English resources match the article.
      const previous = project.readPreviousEnglish(article.slug);
      if (previous && sameIds(Object.keys(previous), article.doc.segments)) {
        profiles.set(article.slug, project.profileFiles(article.slug), sourceProfile(article.doc));
      }
    },
    () => progress.tick(),
  );
  progress.done();
  rows.save();
  profiles.save();
  return combineStatus(
    files.map((f) => parts.get(f)!),
    langs,
    { details },
  );
}

/** The English resources hold exactly the article's segments, in order. */
export function sameIds(ids: readonly string[], segments: readonly { id: string }[]): boolean {
  return ids.length === segments.length && segments.every((s, i) => s.id === ids[i]);
}

export interface GateFailure {
  article: string;
  lang: Lang;
  what: 'translated' | 'reviewed';
  percent: number;
  min: number;
  segments: number;
  words: number;
}

export function gateFailures(report: StatusReport, gates: { translated?: Gate; reviewed?: Gate }): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const what of ['translated', 'reviewed'] as const) {
    const gate = gates[what];
    if (!gate) continue;
    for (const a of report.articles) {
      for (const lang of report.languages) {
        const min = gate.perLang[lang] ?? gate.all;
        const c: Cell | undefined = a.languages[lang];
        if (min === undefined || !c) continue;
        const got = what === 'translated' ? c.translatedWords : c.reviewedWords;
        if (got >= min) continue;
        const below = what === 'translated' ? (['new', 'stale'] as const) : (['new', 'stale', 'translated'] as const);
        failures.push({
          article: a.article,
          lang,
          what,
          percent: got,
          min,
          segments: below.reduce((n, s) => n + c.segments[s], 0),
          words: below.reduce((n, s) => n + c.words[s], 0),
        });
      }
    }
  }
  return failures;
}

export async function statusStep(ctx: StepContext, options: StatusOptions = {}): Promise<StepResult> {
  const format = options.format ?? 'table';
  if (!(STATUS_FORMATS as readonly string[]).includes(format)) {
    throw inputError(msg('errors.unknownFormat.status', { format }), {}, msg('errors.formats', { list: [...STATUS_FORMATS] }), 'usage');
  }
  const gates = { translated: parseGate(options.minTranslated, 'min-translated'), reviewed: parseGate(options.minReviewed, 'min-reviewed') };
  const ui = options.uiLang || !ctx.ui ? cliTranslator(resolveUiLang(options.uiLang)) : ctx.ui;
  const report = await statusReport(ctx, { ...options, details: options.details || format === 'html' });
  const failures = gateFailures(report, gates);
  const { output } = ctx;
  if (format === 'json') for (const piece of statusJsonPieces(report)) output.out(piece);
  else if (format === 'markdown') output.out(statusMarkdown(report, { ui }));
  else if (format === 'html') output.out(statusHtml(report, { ui }));
  else {
    output.out(statusTable(report, { color: output.color, ui }));
    if (options.details) output.out('\n' + statusDetails(report, { ui }));
  }
  for (const f of failures) {
    output.err(
      ui.t('status.gateFailed', {
        article: f.article,
        lang: f.lang,
        percent: formatPercent(f.percent, ui.lang),
        what: ui.t(`status.what.${f.what}`),
        min: formatPercent(f.min, ui.lang),
        segments: ui.t('count.segments', { count: f.segments }),
        words: ui.t('count.words', { count: f.words }),
      }) + '\n',
    );
  }
  return { ok: failures.length === 0, written: [] };
}
