/**
 * `export`: one XLIFF file per article and target language, at OUT/<lang>/<slug>.xlf, with the
 * segments still to do (new and stale), or every segment with `all`. Each unit carries notes
 * that give the translator context: where the sentence sits, its neighbours, and for a stale
 * segment the previous source and translation.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import createjs from 'xliff/createjs';
import { inputError, msg } from '../../core/errors.js';
import { isTranslated, type Doc, type Lang, type Segment } from '../../core/types.js';
import { reconcile, type LocaleData } from '../../core/reconcile.js';

/** Nothing stored for the language: no translation, no state, nothing retired. */
function isEmptyLocale(d: LocaleData): boolean {
  return Object.keys(d.resources).length === 0 && Object.keys(d.units).length === 0 && Object.keys(d.retired).length === 0;
}
import type { ExchangeFile, ExchangeUnit } from '../../formats/xliff/model.js';
import { fingerprint } from '../../io/cache.js';
import { parseLangs, type Project } from '../../io/project.js';
import type { TmIndex } from '../../tm/lookup.js';
import { startProgress, uiOf, type StepContext, type StepResult } from '../context.js';
import { completeLanguages } from './status.js';
import { XLIFF_OUT } from './defaults.js';

import { EXPORT_FORMATS } from '../../core/choices.js';
export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  articles?: string[];
  /** Target languages (default: it, fr, ar). */
  lang?: string[];
  /** Default xliff12: the version every CAT tool reads (OmegaT 3.6, Translate Toolkit 3.8). */
  format?: string;
  /** Output folder, relative to the project root (default out/xliff). */
  out?: string;
  /** Every segment, with existing translations and their states (default: only work to do). */
  all?: boolean;
  /** Pre-fill targets still to translate with the source (for OmegaT 3.x). XLIFF 1.2 only. */
  prefill?: boolean;
  /**
   * Use the translation memory (default true): exact matches pre-fill the target (provenance
   * tm), fuzzy matches of 75% and more are offered beside it (tm/leverage.ts).
   */
  tm?: boolean;
}

/** Units made and matched at a time by an export (see exportStep). */
const UNIT_WINDOW = 1000;

const KIND_LABEL: Record<string, string> = {
  headline: 'Headline',
  heading: 'Heading',
  paragraph: 'Paragraph',
  quote: 'Embedded post (blockquote)',
  attribution: 'Attribution line of the embedded post',
  'list-item': 'List item',
};

/** Context notes for one segment: where it sits and what surrounds it. */
export function contextNotes(doc: Doc, seg: Segment, bodyIndex: Map<number, number>): string[] {
  const block = doc.blocks[seg.block]!;
  const count = block.parts.filter((p) => 'seg' in p).length;
  return notesAt(doc, doc.segments.indexOf(seg), count, bodyIndex.get(seg.block) ?? seg.block);
}

function notesAt(doc: Doc, i: number, count: number, body: number): string[] {
  const seg = doc.segments[i]!;
  const block = doc.blocks[seg.block]!;
  const label = KIND_LABEL[block.kind] ?? block.kind;
  const where = block.kind === 'headline' ? label : `${label} ${body}, sentence ${seg.index + 1} of ${count}`;
  const notes = [where];
  const prev = doc.segments[i - 1];
  const next = doc.segments[i + 1];
  if (prev && prev.block !== 0) notes.push(`Previous sentence: ${prev.source}`);
  if (next) notes.push(`Next sentence: ${next.source}`);
  return notes;
}

/**
 * Every segment's context notes (as contextNotes gives them), by the segment's index in
 * document order: a fresh array at each call. They depend on the article only: an article of
 * up to `UNIT_WINDOW` segments works them out once for all its languages (and the 1.2 writer
 * then finds the same strings in the next language's units). A larger one makes them as each
 * unit is exported: for a 100,001-sentence article they took 47 MB of heap held at once
 * (measured after a forced GC), needed for none of its segments when there was nothing to export.
 */
export function articleContext(doc: Doc): (index: number) => string[] {
  const counts = new Map<number, number>();
  for (const seg of doc.segments) if (!counts.has(seg.block)) counts.set(seg.block, doc.blocks[seg.block]!.parts.filter((p) => 'seg' in p).length);
  // Body blocks are numbered from 1 after the headline (block 0): their index.
  const notes = (i: number): string[] => notesAt(doc, i, counts.get(doc.segments[i]!.block)!, doc.segments[i]!.block);
  if (doc.segments.length > UNIT_WINDOW) return notes;
  const all = doc.segments.map((_, i) => notes(i));
  return (i) => all[i]!.slice();
}

/** The segments (indexes into doc.segments) a file for a language holds: all, or the work to do. */
export function exportedSegments(doc: Doc, data: LocaleData, all: boolean): number[] {
  const out: number[] = [];
  const units = unitsOf(data);
  doc.segments.forEach((seg, i) => {
    if (all || (seg.translate && !isTranslated(units?.[seg.id]?.state ?? 'new'))) out.push(i);
  });
  return out;
}

/**
 * The language's units, or undefined when it has none (a language not begun): each look-up by
 * a segment's id costs V8 a hash of the id (ids read from JSON are not interned) — 0.15 s over
 * the 900,000 segments of a first export of 10,000 articles in three languages.
 */
function unitsOf(data: LocaleData): LocaleData['units'] | undefined {
  for (const _ in data.units) return data.units;
  return undefined;
}

/**
 * A translated unit's target: its entry in the language's i18next resources, when that entry
 * is a string. The `xliff` package (the i18next ecosystem's converter) pairs the resources of
 * both languages key by key with createjs, and an article of up to `UNIT_WINDOW` segments is
 * paired that way; Tessera adds what the package has no place for (states, provenance, context
 * notes, translate="no"). Past that, createjs is left out: it merges the two key lists with
 * Array.indexOf, quadratic — 9.3 s of a 24.5 s export of a 100,001-sentence article (--format
 * xliff20 --all, translated; node --cpu-prof), besides an object per key. The entry is then
 * read as createjs reads it (a plain property read), so the same key finds the same value.
 * Paired on first use: only translated units carry a target.
 */
export function targetsOf(doc: Doc, lang: Lang, data: LocaleData): (id: string) => unknown {
  if (doc.segments.length > UNIT_WINDOW) {
    const resources = data.resources as Record<string, unknown>;
    return (id) => resources[id];
  }
  let pairs: Record<string, { source: unknown; target?: unknown }> | undefined;
  return (id) => {
    if (!pairs) {
      const en: Record<string, string> = {};
      for (const s of doc.segments) en[s.id] = s.source;
      createjs(doc.meta.lang, lang, en, data.resources, doc.meta.slug, (err, js) => {
        if (err) throw err;
        pairs = js.resources[doc.meta.slug] ?? {};
      });
      pairs ??= {};
    }
    return pairs[id]?.target;
  };
}

/** An exchange file's units for `segments` (as exportedSegments gives them), made as they are asked for. */
export function* exchangeUnits(doc: Doc, data: LocaleData, segments: Iterable<number>, target: (id: string) => unknown, context: (index: number) => string[] = articleContext(doc)): Generator<ExchangeUnit> {
  const units = unitsOf(data);
  for (const i of segments) {
    const seg = doc.segments[i]!;
    const u = units?.[seg.id];
    const state = u?.state ?? 'new';
    const notes = context(i);
    if (state === 'stale' && u?.suggestion !== undefined) {
      notes.push(`The source sentence changed. It was: ${u.previousSource ?? ''}`);
      notes.push(`Translation of the previous sentence: ${u.suggestion}`);
    }
    if (!seg.translate) notes.push('Needs no translation (a link): keep it as it is.');
    const unit: ExchangeUnit = { id: seg.id, source: seg.source, state, translate: seg.translate, notes };
    if (isTranslated(state)) {
      const t = target(seg.id);
      if (typeof t === 'string') unit.target = t;
    }
    if (u?.provenance && unit.target !== undefined) unit.provenance = u.provenance;
    yield unit;
  }
}

/** An exchange file without its units: what it says about the article. */
export function exchangeHead(doc: Doc, lang: Lang): Omit<ExchangeFile, 'units'> {
  return {
    article: doc.meta.slug,
    sourceLang: doc.meta.lang,
    targetLang: lang,
    notes: [`Article: ${doc.meta.headline}`, `Published: ${doc.meta.date}${doc.meta.dateline ? `, ${String(doc.meta.dateline)}` : ''}`],
  };
}

export function exchangeFile(doc: Doc, lang: Lang, data: LocaleData, all: boolean, context: (index: number) => string[] = articleContext(doc)): ExchangeFile {
  return { ...exchangeHead(doc, lang), units: [...exchangeUnits(doc, data, exportedSegments(doc, data, all), targetsOf(doc, lang, data), context)] };
}

/** What an export of one article in one language came to (kept in the step's cache, by language). */
interface ExportedFile {
  /** The memory it was matched against (see tmDigest); '' without memory. */
  tm: string;
  units: number;
  exact: number;
  fuzzy: number;
}

/**
 * What writing files takes — the XLIFF writers (and the inline-markup parser under them), the
 * memory and its matching — loaded when some file is to be made: an export that finds every
 * file as it left it loads none of it (0.15 s of a step process's start).
 */
async function writingModules() {
  const [w12, w20, lev, tm] = await Promise.all([import('../../formats/xliff/write12.js'), import('../../formats/xliff/write20.js'), import('../../tm/leverage.js'), import('./tm.js')]);
  return { xliff12Pieces: w12.xliff12Pieces, xliff20Pieces: w20.xliff20Pieces, leverage: lev.leverage, needsLeverage: lev.needsLeverage, memoryIndexes: tm.memoryIndexes };
}
let writing: Awaited<ReturnType<typeof writingModules>> | undefined;

/** Lines of files (and of articles with nothing to translate) an export lists, at most. */
const LISTED = 60;

/**
 * A digest of everything the memory of `lang` is made of: the files in locales/<lang>/ (the
 * memory file and every article's translations and states), by name, size and time. An export
 * made against the same digest would find the same matches. Each file's fingerprint is kept in
 * `seen` by its path (as Project names it): the cache check looks at the same files again.
 */
function tmDigest(project: Project, lang: Lang, seen: Map<string, string>): string {
  const dir = `${project.localesDir}${sep}${lang}${sep}`;
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // no translations yet
  }
  const h = createHash('sha256');
  for (const n of names) {
    const fp = fingerprint(dir + n);
    seen.set(dir + n, fp);
    h.update(`${n}\0${fp}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Whether the memory would be asked about any of `segments`' units (tm/leverage.ts
 * needsLeverage). A function of its own, like matchedUnits: a closure in exportStep's article
 * callback that used the article would keep it (and its notes) alive with the callback's cache
 * entry, article after article — 16-20 MB more live heap over the bench's 1,000 articles
 * (--trace-gc), and a forced collection of 90-110 ms (pipeline/heap.ts).
 */
function asksMemory(doc: Doc, data: LocaleData, segments: readonly number[]): boolean {
  const units = unitsOf(data);
  return segments.some((i) => {
    const seg = doc.segments[i]!;
    return writing!.needsLeverage({ translate: seg.translate, state: units?.[seg.id]?.state ?? 'new' });
  });
}

/**
 * `segments`' units (exportedSegments), made and matched against `index` (when there is one)
 * a window of `UNIT_WINDOW` at a time; the matches are added to `counts` as the units are taken.
 */
function* matchedUnits(
  doc: Doc,
  data: LocaleData,
  segments: readonly number[],
  context: (index: number) => string[],
  head: Omit<ExchangeFile, 'units'>,
  index: TmIndex | undefined,
  counts: { exact: number; fuzzy: number },
): Generator<ExchangeUnit> {
  const target = targetsOf(doc, head.targetLang, data);
  for (let at = 0; at < segments.length; at += UNIT_WINDOW) {
    let file: ExchangeFile = { ...head, units: [...exchangeUnits(doc, data, segments.slice(at, at + UNIT_WINDOW), target, context)] };
    if (index) {
      const tm = writing!.leverage(file, index, data);
      file = tm.file;
      counts.exact += tm.report.exact;
      counts.fuzzy += tm.report.fuzzy;
    }
    yield* file.units;
  }
}

/**
 * Writes the files. Incremental (io/cache.ts): a file whose article, English resources,
 * translations, output and memory are as the last export left them is not made again.
 * Articles are read a batch at a time (Project.forEachArticle), and files past a budget are
 * staged on disk (FileTransaction), so memory stays flat at any corpus size.
 */
export async function exportStep(ctx: StepContext, options: ExportOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  // Articles are read by forEachArticle, which loads the reader: none when every file is as the last export left it.
  const format = (options.format ?? 'xliff12') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw inputError(msg('errors.unknownFormat.export', { format }), {}, msg('errors.formats', { list: [...EXPORT_FORMATS] }), 'usage');
  }
  if (options.prefill && format !== 'xliff12') throw inputError(msg('errors.export.prefill'), {}, msg('errors.export.prefillHint'), 'usage');
  const langs = parseLangs(options.lang);
  const outDir = project.abs(options.out ?? XLIFF_OUT);
  const paths = project.articlePaths(options.articles ?? []);
  const useTm = options.tm !== false;
  // Every input is looked at once, whoever asks: the memory's digests, the cache check, what
  // status found complete, and the cache's save (export writes none of its inputs). When
  // nothing changed in 10,000 articles that is 60,000 looks fewer (1.0 s → 0.92 s here); after
  // an import changed their translations, 160,000 (each article checked, found complete in
  // status's rows, and saved).
  const seen = new Map<string, string>();
  const digests = new Map(langs.map((l) => [l, useTm ? tmDigest(project, l, seen) : '']));
  const fp = (path: string): string => {
    let f = seen.get(path);
    if (f === undefined) seen.set(path, (f = fingerprint(path)));
    return f;
  };
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  // Concatenated (outDir is absolute and normalised): path.join costs more than a cache check.
  const outPrefix = outDir.endsWith(sep) ? outDir : outDir + sep;
  const fileOf = (lang: Lang, slug: string): string => `${outPrefix}${lang}${sep}${slug}.xlf`;
  // One cache entry per article, for all its languages: the article and its English
  // resources are looked at once, not once per language.
  // The XLIFF files are checked for presence (StepCacheOptions.outputs): a deleted one is
  // written again; one changed in place (a translator working in out/ itself) is left alone.
  const cache = project.stepCache<Record<string, ExportedFile>>('export', { format, prefill: options.prefill ?? false, all: options.all ?? false, out: project.rel(outDir), entries: 'article', outputs: 'present' }, { namedFiles: true, outputs: (p) => p.startsWith(outPrefix), fingerprint: fp });
  const inputsOf = (path: string, slug: string): string[] => {
    const files = [path, project.resourcesPath('en', slug)];
    for (const lang of langs) files.push(project.resourcesPath(lang, slug), project.statePath(lang, slug), fileOf(lang, slug));
    return files;
  };
  const results = new Map<string, Record<string, ExportedFile>>();
  const todo: string[] = [];
  // What status last found complete (and is unchanged since) has nothing to export, whatever
  // else changed (an import's other articles change the memory's digest).
  const complete = options.all ? undefined : completeLanguages(project, fp);
  for (const path of paths) {
    const slug = slugOf(path);
    const hit = cache.get(slug, inputsOf(path, slug), fp);
    if (hit && langs.every((lang) => hit[lang]?.tm === digests.get(lang))) {
      results.set(slug, hit);
      continue;
    }
    const done = complete?.(path, slug) ?? [];
    if (langs.every((lang) => done.includes(lang))) {
      const result: Record<string, ExportedFile> = {};
      for (const lang of langs) result[lang] = { tm: digests.get(lang)!, units: 0, exact: 0, fuzzy: 0 };
      results.set(slug, result);
      cache.set(slug, () => inputsOf(path, slug), result);
    } else todo.push(path);
  }
  // What locales/<lang>/ holds, listed once: no look per article for files that do not exist.
  const listings = new Map(langs.map((l) => [l, project.localeFiles(l)]));
  if (todo.length > 0) writing ??= await writingModules();
  const memory = useTm && writing ? writing.memoryIndexes(project) : undefined;
  const tx = project.transaction();
  const progress = startProgress(ctx, 'export', todo.length);
  await project.forEachArticle(
    todo,
    (a) => {
      // The previous English sentences only matter to a language that holds something.
      let previous: Record<string, string> | undefined | null = null;
      const context = articleContext(a.doc);
      const done: Record<string, ExportedFile> = {};
      // What a language with nothing stored gets, made for the first such language and reused
      // by the next: the same segments and, unmatched, the same units (the daily export of new
      // articles to every language: 0.2 s of a 10,000-article export's 4.5 s).
      let blank: { segments: number[]; units?: ExchangeUnit[] } | undefined;
      for (const lang of langs) {
        const stored = project.readLocale(lang, a.slug, listings.get(lang));
        const empty = isEmptyLocale(stored);
        if (!empty && previous === null) previous = project.readPreviousEnglish(a.slug);
        // Reconciling nothing gives nothing: an empty locale is already as the article is.
        const data = empty ? stored : reconcile(a.doc, previous ?? undefined, stored);
        const segments = empty && blank ? blank.segments : exportedSegments(a.doc, data, options.all ?? false);
        if (empty) blank ??= { segments };
        const result: ExportedFile = { tm: digests.get(lang)!, units: segments.length, exact: 0, fuzzy: 0 };
        if (segments.length > 0) {
          // The memory is only asked about units still to translate (tm/leverage.ts): without
          // one, it is not built. An --all export of a translated 100,001-sentence article
          // built it for nothing — 4.9 s of 24.5 s, and the index of 100,001 entries.
          const found = asksMemory(a.doc, data, segments) ? memory?.(lang) : undefined;
          const index = found && found.entries.length > 0 ? found : undefined;
          const head = exchangeHead(a.doc, lang);
          // Units are made, matched against the memory and written a window at a time: a
          // 100,001-sentence article's units and their notes took 55 MB of heap held at once.
          // An article of one window is one array, as before (the 1.2 writer then reuses a
          // body for the next language).
          const small = segments.length <= UNIT_WINDOW;
          const reuse = empty && small && !index;
          const units = reuse && blank?.units ? blank.units : matchedUnits(a.doc, data, segments, context, head, index, result);
          const file = { ...head, units: small ? [...units] : units };
          if (reuse) blank!.units ??= file.units as ExchangeUnit[];
          const pieces = format === 'xliff12' ? writing!.xliff12Pieces(file, { prefill: options.prefill ?? false }) : writing!.xliff20Pieces(file, format === 'xliff21' ? '2.1' : '2.0');
          // A large article's file in pieces: for 100,001 sentences it is 57-80 MB, never one
          // string. The pieces are all taken here, so `result` has its counts before it is kept
          // below. A small one's pieces (its head, its body — the same string for each language
          // of the article — and its end) are handed over as they are: the writer thread's
          // hand-off encodes them one after the other, with no copy of the whole file.
          if (small) tx.write(fileOf(lang, a.slug), [...pieces]);
          else tx.writePieces(fileOf(lang, a.slug), pieces);
        }
        done[lang] = result;
      }
      results.set(a.slug, done);
      const path = project.abs(a.file);
      const slug = a.slug;
      cache.set(slug, () => inputsOf(path, slug), done);
    },
    () => progress.tick(),
  );
  progress.done();
  const written = tx.commit().map((p) => project.rel(p));
  cache.save();
  if (!output.quiet) {
    const ui = uiOf(ctx);
    // A line per file and per article with nothing to translate, up to LISTED of each; past
    // that, the files' count and, per language, how many articles had nothing to send (a
    // newsroom's archive is tens of thousands of lines otherwise).
    let files = 0;
    const listed: string[] = [];
    const nothing: string[] = [];
    const nothingIn = new Map<Lang, number>(langs.map((l) => [l, 0]));
    for (const path of paths) {
      for (const lang of langs) {
        const slug = slugOf(path);
        const r = results.get(slug)![lang]!;
        if (r.units === 0) {
          nothingIn.set(lang, nothingIn.get(lang)! + 1);
          if (nothing.length <= LISTED) nothing.push(`  ${ui.t('export.nothing', { article: slug, lang })}`);
          continue;
        }
        files++;
        if (listed.length >= LISTED) continue;
        const leveraged = r.exact || r.fuzzy ? ui.t('export.leveraged', { exact: r.exact, fuzzy: r.fuzzy }) : '';
        listed.push(`  ${project.rel(fileOf(lang, slug))}: ${ui.t('count.units', { count: r.units })}${leveraged}`);
      }
    }
    if (files > listed.length) listed.push(`  ${ui.t('export.notListed', { files: ui.t('count.files', { count: files - listed.length }), out: `${project.rel(outDir)}/` })}`);
    const summary =
      nothing.length <= LISTED
        ? [...listed, ...nothing]
        : [...listed, ...langs.filter((l) => nothingIn.get(l)! > 0).map((lang) => `  ${ui.t('export.nothingIn', { lang, articles: ui.t('count.articles', { count: nothingIn.get(lang)! }) })}`)];
    output.err(`${ui.t('export.summary', { files: ui.t('count.files', { count: files }), format, changed: written.length })}\n${summary.map((l) => `${l}\n`).join('')}`);
  }
  return { ok: true, written };
}
