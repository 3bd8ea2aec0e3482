/**
 * What locales/ holds, as memory entries (pure): for one article and one language, every live
 * translation at its state, every stale suggestion (the translation of the sentence before the
 * editor changed it, paired with that previous sentence) and every retired translation.
 *
 * Pseudo-translations never feed the memory: they are test text, not translations.
 */
import type { LocaleData } from '../core/reconcile.js';
import { isTranslated } from '../core/types.js';
import type { TmEntry, TmState } from './memory.js';

/** What deriving needs of an article: its slug and its segments (a Doc, or a lighter view). */
export interface ArticleSegments {
  meta: { slug: string };
  segments: readonly { id: string; source: string; translate: boolean }[];
}

export function entriesFromLocale(doc: ArticleSegments, data: LocaleData): TmEntry[] {
  const slug = doc.meta.slug;
  const out: TmEntry[] = [];
  const add = (source: string | undefined, target: string | undefined, state: TmState): void => {
    if (source && target && source.trim() !== '' && target.trim() !== '') out.push({ source, target, state, articles: [slug] });
  };
  for (const seg of doc.segments) {
    if (!seg.translate) continue;
    const unit = data.units[seg.id];
    const target = data.resources[seg.id];
    if (unit?.provenance === 'pseudo') continue;
    if (target !== undefined && unit && isTranslated(unit.state)) add(seg.source, target, unit.state as TmState);
    else if (target !== undefined && !unit) add(seg.source, target, 'translated');
    if (unit?.state === 'stale' && unit.suggestion !== undefined) add(unit.previousSource, unit.suggestion, 'stale');
  }
  for (const r of Object.values(data.retired)) add(r.source, r.target, 'retired');
  return out;
}
