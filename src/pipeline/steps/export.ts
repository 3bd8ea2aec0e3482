/**
 * `export`: one XLIFF file per article and target language, at OUT/<lang>/<slug>.xlf, with the
 * segments still to do (new and stale), or every segment with `all`. Each unit carries notes
 * that give the translator context: where the sentence sits, its neighbours, and for a stale
 * segment the previous source and translation.
 */
import { join } from 'node:path';
import createjs from 'xliff/createjs';
import { inputError } from '../../core/errors.js';
import { isTranslated, type Doc, type Lang, type Segment } from '../../core/types.js';
import type { LocaleData } from '../../core/reconcile.js';
import type { ExchangeFile, ExchangeUnit } from '../../formats/xliff/model.js';
import { writeXliff12 } from '../../formats/xliff/write12.js';
import { writeXliff20 } from '../../formats/xliff/write20.js';
import { parseLangs } from '../../io/project.js';
import { leverage } from '../../tm/leverage.js';
import type { StepContext, StepResult } from '../context.js';
import { memoryIndexes } from './tm.js';

export const EXPORT_FORMATS = ['xliff12', 'xliff20', 'xliff21'] as const;
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
  const label = KIND_LABEL[block.kind] ?? block.kind;
  const where = block.kind === 'headline' ? label : `${label} ${bodyIndex.get(seg.block) ?? seg.block}, sentence ${seg.index + 1} of ${count}`;
  const notes = [where];
  const i = doc.segments.indexOf(seg);
  const prev = doc.segments[i - 1];
  const next = doc.segments[i + 1];
  if (prev && prev.block !== 0) notes.push(`Previous sentence: ${prev.source}`);
  if (next) notes.push(`Next sentence: ${next.source}`);
  return notes;
}

export function exchangeFile(doc: Doc, lang: Lang, data: LocaleData, all: boolean): ExchangeFile {
  // The xliff package (the i18next ecosystem's converter) pairs the i18next resources of
  // both languages key by key; Tessera adds what the package has no place for: states,
  // provenance, context notes and translate="no".
  const en: Record<string, string> = {};
  for (const s of doc.segments) en[s.id] = s.source;
  let pairs: Record<string, { source: unknown; target?: unknown }> = {};
  createjs(doc.meta.lang, lang, en, data.resources, doc.meta.slug, (err, js) => {
    if (err) throw err;
    pairs = js.resources[doc.meta.slug] ?? {};
  });
  const bodyIndex = new Map<number, number>();
  let n = 0;
  doc.blocks.forEach((b, i) => {
    if (i > 0) bodyIndex.set(i, ++n);
  });
  const units: ExchangeUnit[] = [];
  for (const seg of doc.segments) {
    const u = data.units[seg.id];
    const state = u?.state ?? 'new';
    if (!all && (isTranslated(state) || !seg.translate)) continue;
    const notes = contextNotes(doc, seg, bodyIndex);
    if (state === 'stale' && u?.suggestion !== undefined) {
      notes.push(`The source sentence changed. It was: ${u.previousSource ?? ''}`);
      notes.push(`Translation of the previous sentence: ${u.suggestion}`);
    }
    if (!seg.translate) notes.push('Needs no translation (a link): keep it as it is.');
    const target = pairs[seg.id]?.target;
    const unit: ExchangeUnit = { id: seg.id, source: seg.source, state, translate: seg.translate, notes };
    if (typeof target === 'string' && isTranslated(state)) unit.target = target;
    if (u?.provenance && unit.target !== undefined) unit.provenance = u.provenance;
    units.push(unit);
  }
  return {
    article: doc.meta.slug,
    sourceLang: doc.meta.lang,
    targetLang: lang,
    notes: [`Article: ${doc.meta.headline}`, `Published: ${doc.meta.date}${doc.meta.dateline ? `, ${String(doc.meta.dateline)}` : ''}`],
    units,
  };
}

export function exportStep(ctx: StepContext, options: ExportOptions = {}): StepResult {
  const { project, output } = ctx;
  const format = (options.format ?? 'xliff12') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw inputError(`unknown export format "${format}"`, {}, `formats: ${EXPORT_FORMATS.join(', ')}`, 'usage');
  }
  if (options.prefill && format !== 'xliff12') throw inputError('--prefill applies to XLIFF 1.2 only', {}, 'use --format xliff12', 'usage');
  const langs = parseLangs(options.lang);
  const outDir = project.abs(options.out ?? 'out/xliff');
  const articles = project.loadArticles(options.articles ?? []);
  const tx = project.transaction();
  const summary: string[] = [];
  const memory = options.tm === false ? undefined : memoryIndexes(project);
  let files = 0;
  for (const a of articles) {
    for (const lang of langs) {
      const data = project.locale(a, lang);
      let file = exchangeFile(a.doc, lang, data, options.all ?? false);
      const path = join(outDir, lang, `${a.slug}.xlf`);
      if (file.units.length === 0) {
        summary.push(`  ${a.slug} (${lang}): nothing to translate`);
        continue;
      }
      let leveraged = '';
      if (memory) {
        const tm = leverage(file, memory(lang), data);
        file = tm.file;
        const { exact, fuzzy } = tm.report;
        if (exact || fuzzy) leveraged = `; memory: ${exact} pre-filled (exact), ${fuzzy} with fuzzy matches`;
      }
      const xml = format === 'xliff12' ? writeXliff12(file, { prefill: options.prefill ?? false }) : writeXliff20(file, format === 'xliff21' ? '2.1' : '2.0');
      tx.write(path, xml);
      files++;
      summary.push(`  ${project.rel(path)}: ${file.units.length} unit(s)${leveraged}`);
    }
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet) output.err(`export: ${files} file(s) (${format}), ${written.length} changed\n${summary.join('\n')}\n`);
  return { ok: true, written };
}
