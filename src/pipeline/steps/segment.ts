/**
 * `segment`: cuts every source article into sentences, writes the English resources
 * (locales/en/<slug>.json, i18next JSON v4) and brings every target language's translations
 * and states in line with the new sentences (edited sentences become stale, with their old
 * translation kept as a suggestion). The article's structure is the source Markdown itself:
 * Tessera re-parses it on every run (it is the skeleton), so nothing else needs storing.
 */
import { TARGET_LANGS } from '../../core/types.js';
import { startProgress, type StepContext, type StepResult } from '../context.js';

export interface SegmentOptions {
  /** Slugs or paths of the articles; all when empty. */
  articles?: string[];
}

/** The first few paths, for a summary line that stays one line at newsroom scale. */
export function list(paths: readonly string[], max = 8): string {
  if (paths.length === 0) return '';
  return `: ${paths.slice(0, max).join(', ')}${paths.length > max ? `, … and ${paths.length - max} more` : ''}`;
}

export async function segmentStep(ctx: StepContext, options: SegmentOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  const files = options.articles && options.articles.length > 0 ? project.loadArticles(options.articles).map((a) => project.abs(a.file)) : project.articleFiles();
  if (files.length === 0) project.loadArticles([]); // "source/ holds no articles"
  // Incremental: an article whose source and locale files are as the last run left them has
  // nothing to do (io/cache.ts).
  const cache = project.stepCache<number>('segment', TARGET_LANGS);
  const tx = project.transaction();
  const done: { slug: string; inputs: string[] }[] = [];
  let segments = 0;
  const progress = startProgress(ctx, 'segment', files.length);
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const hits = new Map<string, number>();
  for (const path of files) {
    const hit = cache.get(slugOf(path));
    if (hit !== undefined) {
      hits.set(path, hit);
      progress.tick();
    }
  }
  // The articles that changed are parsed on every core at once.
  await project.preload(files.filter((f) => !hits.has(f)), () => progress.tick());
  for (const path of files) {
    const slug = slugOf(path);
    const hit = hits.get(path);
    if (hit !== undefined) {
      segments += hit;
      continue;
    }
    const a = project.loadArticleFile(path);
    for (const lang of TARGET_LANGS) project.stageLocale(tx, lang, a.slug, project.locale(a, lang));
    project.stageEnglish(tx, a);
    segments += a.doc.segments.length;
    done.push({ slug, inputs: [path, project.resourcesPath('en', slug), ...TARGET_LANGS.flatMap((l) => [project.resourcesPath(l, slug), project.statePath(l, slug)])] });
    cache.set(slug, done.at(-1)!.inputs, a.doc.segments.length);
  }
  progress.done();
  const written = tx.commit().map((p) => project.rel(p));
  cache.save();
  if (!output.quiet) {
    const skipped = cache.hits ? `, ${cache.hits} unchanged` : '';
    output.err(`segment: ${files.length} article(s)${skipped}, ${segments} segments; ${written.length} file(s) updated${list(written)}\n`);
  }
  return { ok: true, written };
}
