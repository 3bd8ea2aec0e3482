/**
 * `export`: one XLIFF file per article and target language, at OUT/<lang>/<slug>.xlf, with the
 * segments still to do (new and stale), or every segment with `all`. Each unit carries notes
 * that give the translator context: where the sentence sits, its neighbours, and for a stale
 * segment the previous source and translation.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import createjs from 'xliff/createjs';
import { inputError, msg } from '../../core/errors.js';
import { isTranslated, type Doc, type Lang, type Segment } from '../../core/types.js';
import { reconcile, type LocaleData } from '../../core/reconcile.js';

/** Nothing stored for the language: no translation, no state, nothing retired. */
function isEmptyLocale(d: LocaleData): boolean {
  return Object.keys(d.resources).length === 0 && Object.keys(d.units).length === 0 && Object.keys(d.retired).length === 0;
}
import type { ExchangeFile, ExchangeUnit } from '../../formats/xliff/model.js';
import { writeXliff12 } from '../../formats/xliff/write12.js';
import { writeXliff20 } from '../../formats/xliff/write20.js';
import { fingerprint } from '../../io/cache.js';
import { parseLangs, type Project } from '../../io/project.js';
import { leverage } from '../../tm/leverage.js';
import { startProgress, uiOf, type StepContext, type StepResult } from '../context.js';
import { memoryIndexes } from './tm.js';
import { completeLanguages } from './status.js';

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
 * Every segment's context notes (as contextNotes gives them), in document order: they depend
 * on the article only, so an export works them out once for all its languages.
 */
export function articleContext(doc: Doc): string[][] {
  const counts = new Map<number, number>();
  for (const seg of doc.segments) if (!counts.has(seg.block)) counts.set(seg.block, doc.blocks[seg.block]!.parts.filter((p) => 'seg' in p).length);
  // Body blocks are numbered from 1 after the headline (block 0): their index.
  return doc.segments.map((seg, i) => notesAt(doc, i, counts.get(seg.block)!, seg.block));
}

export function exchangeFile(doc: Doc, lang: Lang, data: LocaleData, all: boolean, context: readonly string[][] = articleContext(doc)): ExchangeFile {
  // The xliff package (the i18next ecosystem's converter) pairs the i18next resources of
  // both languages key by key; Tessera adds what the package has no place for: states,
  // provenance, context notes and translate="no". Only translated units carry a target, so
  // the pairing is only needed when some are exported (`all`).
  let pairs: Record<string, { source: unknown; target?: unknown }> | undefined;
  const pairsOf = (): Record<string, { source: unknown; target?: unknown }> => {
    if (pairs) return pairs;
    const en: Record<string, string> = {};
    for (const s of doc.segments) en[s.id] = s.source;
    createjs(doc.meta.lang, lang, en, data.resources, doc.meta.slug, (err, js) => {
      if (err) throw err;
      pairs = js.resources[doc.meta.slug] ?? {};
    });
    return pairs ?? {};
  };
  const units: ExchangeUnit[] = [];
  doc.segments.forEach((seg, i) => {
    const u = data.units[seg.id];
    const state = u?.state ?? 'new';
    if (!all && (isTranslated(state) || !seg.translate)) return;
    const notes = context[i]!.slice();
    if (state === 'stale' && u?.suggestion !== undefined) {
      notes.push(`The source sentence changed. It was: ${u.previousSource ?? ''}`);
      notes.push(`Translation of the previous sentence: ${u.suggestion}`);
    }
    if (!seg.translate) notes.push('Needs no translation (a link): keep it as it is.');
    const unit: ExchangeUnit = { id: seg.id, source: seg.source, state, translate: seg.translate, notes };
    if (isTranslated(state)) {
      const target = pairsOf()[seg.id]?.target;
      if (typeof target === 'string') unit.target = target;
    }
    if (u?.provenance && unit.target !== undefined) unit.provenance = u.provenance;
    units.push(unit);
  });
  return {
    article: doc.meta.slug,
    sourceLang: doc.meta.lang,
    targetLang: lang,
    notes: [`Article: ${doc.meta.headline}`, `Published: ${doc.meta.date}${doc.meta.dateline ? `, ${String(doc.meta.dateline)}` : ''}`],
    units,
  };
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
 * A digest of everything the memory of `lang` is made of: the files in locales/<lang>/ (the
 * memory file and every article's translations and states), by name, size and time. An export
 * made against the same digest would find the same matches.
 */
function tmDigest(project: Project, lang: Lang): string {
  const dir = join(project.localesDir, lang);
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // no translations yet
  }
  const h = createHash('sha256');
  for (const n of names) h.update(`${n}\0${fingerprint(join(dir, n))}\n`);
  return h.digest('hex').slice(0, 16);
}

/**
 * Writes the files. Incremental (io/cache.ts): a file whose article, English resources,
 * translations, output and memory are as the last export left them is not made again.
 * Articles are read a batch at a time (Project.forEachArticle), and files past a budget are
 * staged on disk (FileTransaction), so memory stays flat at any corpus size.
 */
export async function exportStep(ctx: StepContext, options: ExportOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const format = (options.format ?? 'xliff12') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw inputError(msg('errors.unknownFormat.export', { format }), {}, msg('errors.formats', { list: [...EXPORT_FORMATS] }), 'usage');
  }
  if (options.prefill && format !== 'xliff12') throw inputError(msg('errors.export.prefill'), {}, msg('errors.export.prefillHint'), 'usage');
  const langs = parseLangs(options.lang);
  const outDir = project.abs(options.out ?? 'out/xliff');
  const paths = project.articlePaths(options.articles ?? []);
  const useTm = options.tm !== false;
  const memory = useTm ? memoryIndexes(project) : undefined;
  const digests = new Map(langs.map((l) => [l, useTm ? tmDigest(project, l) : '']));
  // One cache entry per article, for all its languages: the article and its English
  // resources are looked at once, not once per language.
  const cache = project.stepCache<Record<string, ExportedFile>>('export', { format, prefill: options.prefill ?? false, all: options.all ?? false, out: project.rel(outDir), entries: 'article' }, { namedFiles: true });
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const fileOf = (lang: Lang, slug: string): string => join(outDir, lang, `${slug}.xlf`);
  const inputsOf = (path: string, slug: string): string[] => {
    const files = [path, project.resourcesPath('en', slug)];
    for (const lang of langs) files.push(project.resourcesPath(lang, slug), project.statePath(lang, slug), fileOf(lang, slug));
    return files;
  };
  const results = new Map<string, Record<string, ExportedFile>>();
  const todo: string[] = [];
  // What status last found complete (and is unchanged since) has nothing to export, whatever
  // else changed (an import's other articles change the memory's digest).
  const complete = options.all ? undefined : completeLanguages(project);
  for (const path of paths) {
    const slug = slugOf(path);
    const hit = cache.get(slug, inputsOf(path, slug));
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
  const tx = project.transaction();
  const progress = startProgress(ctx, 'export', todo.length);
  await project.forEachArticle(
    todo,
    (a) => {
      // The previous English sentences only matter to a language that holds something.
      let previous: Record<string, string> | undefined | null = null;
      const context = articleContext(a.doc);
      const done: Record<string, ExportedFile> = {};
      for (const lang of langs) {
        const stored = project.readLocale(lang, a.slug, listings.get(lang));
        const empty = isEmptyLocale(stored);
        if (!empty && previous === null) previous = project.readPreviousEnglish(a.slug);
        // Reconciling nothing gives nothing: an empty locale is already as the article is.
        const data = empty ? stored : reconcile(a.doc, previous ?? undefined, stored);
        let file = exchangeFile(a.doc, lang, data, options.all ?? false, context);
        const result: ExportedFile = { tm: digests.get(lang)!, units: file.units.length, exact: 0, fuzzy: 0 };
        if (file.units.length > 0) {
          const index = memory?.(lang);
          if (index && index.entries.length > 0) {
            const tm = leverage(file, index, data);
            file = tm.file;
            result.exact = tm.report.exact;
            result.fuzzy = tm.report.fuzzy;
          }
          tx.write(fileOf(lang, a.slug), format === 'xliff12' ? writeXliff12(file, { prefill: options.prefill ?? false }) : writeXliff20(file, format === 'xliff21' ? '2.1' : '2.0'));
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
    let files = 0;
    const summary: string[] = [];
    for (const path of paths) {
      for (const lang of langs) {
        const slug = slugOf(path);
        const r = results.get(slug)![lang]!;
        if (r.units === 0) {
          summary.push(`  ${ui.t('export.nothing', { article: slug, lang })}`);
          continue;
        }
        files++;
        const leveraged = r.exact || r.fuzzy ? ui.t('export.leveraged', { exact: r.exact, fuzzy: r.fuzzy }) : '';
        summary.push(`  ${project.rel(fileOf(lang, slug))}: ${ui.t('count.units', { count: r.units })}${leveraged}`);
      }
    }
    output.err(`${ui.t('export.summary', { files: ui.t('count.files', { count: files }), format, changed: written.length })}\n${summary.join('\n')}\n`);
  }
  return { ok: true, written };
}
