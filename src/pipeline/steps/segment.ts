/**
 * `segment`: cuts every source article into sentences, writes the English resources
 * (locales/en/<slug>.json, i18next JSON v4) and brings every target language's translations
 * and states in line with the new sentences (edited sentences become stale, with their old
 * translation kept as a suggestion). The article's structure is the source Markdown itself:
 * Tessera re-parses it on every run (it is the skeleton), so nothing else needs storing.
 */
import { isEmptyLocale, reconcile } from '../../core/reconcile.js';
import { sourceProfile } from '../../core/status.js';
import { TARGET_LANGS } from '../../core/types.js';
import { startProgress, uiOf, type StepContext, type StepResult } from '../context.js';
import { cliTranslator, type Translate } from '../../i18n/index.js';

export interface SegmentOptions {
  /** Slugs or paths of the articles; all when empty. */
  articles?: string[];
}

/** The first few paths, for a summary line that stays one line at newsroom scale. */
export function list(paths: readonly string[], max = 8, t: Translate = cliTranslator('en').t): string {
  if (paths.length === 0) return '';
  return `: ${t('list.paths', { paths: paths.slice(0, max) })}${paths.length > max ? t('list.more', { count: paths.length - max }) : ''}`;
}

export async function segmentStep(ctx: StepContext, options: SegmentOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  const files = project.articlePaths(options.articles ?? []);
  // Incremental (io/cache.ts): an article whose source and English resources are as the last
  // run left them has nothing to do. Its translations are not looked at: they follow the
  // English sentences only when those change, and what import or a translator writes there
  // later is already in line with them (every reader reconciles on reading too). So a run
  // after an import does not re-read every language's files.
  const cache = project.stepCache<number>('segment', TARGET_LANGS, { namedFiles: true });
  const inputsOf = (path: string, slug: string): string[] => [path, project.resourcesPath('en', slug)];
  const tx = project.transaction();
  let segments = 0;
  const progress = startProgress(ctx, 'segment', files.length);
  const slugOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const hits = new Map<string, number>();
  for (const path of files) {
    const hit = cache.get(slugOf(path), inputsOf(path, slugOf(path)));
    if (hit !== undefined) {
      hits.set(path, hit);
      progress.tick();
    }
  }
  // The articles that changed are parsed on every core, a batch at a time. Each one's status
  // profile is kept for `status` (core/status.ts): segmenting already holds what it needs.
  const profiles = project.profileCache();
  await project.forEachArticle(
    files.filter((f) => !hits.has(f)),
    (a) => {
      const path = project.abs(a.file);
      const slug = a.slug;
      // The English as the last run left it is read once for the languages, and not at all when
      // none holds anything for the article (a language with nothing stored reconciles to
      // nothing): it is a JSON file the size of the article's text (10 MB for 100,001
      // sentences), and read once per language it took `segment --force` on that article,
      // with no translations, to 310 MB RSS against 228 MB without.
      let previous: Record<string, string> | undefined | null = null;
      const previousEnglish = (): Record<string, string> | undefined => (previous === null ? (previous = project.readPreviousEnglish(slug)) : previous);
      for (const lang of TARGET_LANGS) {
        const stored = project.readLocale(lang, slug);
        project.stageLocale(tx, lang, slug, isEmptyLocale(stored) ? stored : reconcile(a.doc, previousEnglish(), stored));
      }
      previous = null;
      project.stageEnglish(tx, a);
      // Named again when the cache is saved: a long run holds no list of paths per article.
      cache.set(slug, () => inputsOf(path, slug), a.doc.segments.length);
      segments += a.doc.segments.length;
      profiles.set(slug, () => project.profileFiles(slug), sourceProfile(a.doc));
    },
    () => progress.tick(),
    // A full collection each time the heap has grown 16 MB, not 32: what segment keeps grows
    // with the corpus (each article's status profile and cache entry, 3-4 KB), and on 10,000
    // new articles the larger slack took it to 240-253 MB RSS, the smaller to 226-229 MB, in
    // the same time.
    { heapSlack: 16 * 2 ** 20 },
  );
  for (const path of files) segments += hits.get(path) ?? 0;
  progress.done();
  const written = tx.commit().map((p) => project.rel(p));
  cache.save();
  profiles.save();
  if (!output.quiet) {
    const { t } = uiOf(ctx);
    const skipped = cache.hits ? t('segment.unchanged', { count: cache.hits }) : '';
    output.err(`${t('segment.summary', { articles: t('count.articles', { count: files.length }), skipped, segments: t('count.segments', { count: segments }), updated: t('count.filesUpdated', { count: written.length }) })}${list(written, 8, t)}\n`);
  }
  return { ok: true, written };
}
