/**
 * `segment`: cuts every source article into sentences, writes the English resources
 * (locales/en/<slug>.json, i18next JSON v4) and brings every target language's translations
 * and states in line with the new sentences (edited sentences become stale, with their old
 * translation kept as a suggestion). The article's structure is the source Markdown itself:
 * Tessera re-parses it on every run (it is the skeleton), so nothing else needs storing.
 */
import { TARGET_LANGS } from '../../core/types.js';
import { FileTransaction } from '../../io/fs.js';
import type { StepContext, StepResult } from '../context.js';

export interface SegmentOptions {
  /** Slugs or paths of the articles; all when empty. */
  articles?: string[];
}

export function segmentStep(ctx: StepContext, options: SegmentOptions = {}): StepResult {
  const { project, output } = ctx;
  const articles = project.loadArticles(options.articles ?? []);
  const tx = new FileTransaction();
  let segments = 0;
  for (const a of articles) {
    for (const lang of TARGET_LANGS) project.stageLocale(tx, lang, a.slug, project.locale(a, lang));
    project.stageEnglish(tx, a);
    segments += a.doc.segments.length;
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet) {
    output.err(`segment: ${articles.length} article(s), ${segments} segments; ${written.length} file(s) updated${written.length ? `: ${written.join(', ')}` : ''}\n`);
  }
  return { ok: true, written };
}
