/**
 * An article set back together from its skeleton (formats/article.ts): a module of its own,
 * without the Markdown reader and the segmenter, so that a build that finds every edition as it
 * left it never loads them.
 */
import type { Doc } from '../core/types.js';

/**
 * Sets sentences back into the skeleton. `text(id)` gives the sentence for a segment, or
 * undefined to use the source sentence as it was written.
 */
export function renderMarkdownBody(doc: Doc, text: (id: string) => string | undefined): string {
  const src = new Map(doc.segments.map((s) => [s.id, s.source]));
  return doc.skeleton
    .map((p) => {
      if ('text' in p) return p.text;
      const t = text(p.seg);
      if (t !== undefined) return t;
      return (p as { raw?: string }).raw ?? src.get(p.seg) ?? '';
    })
    .join('');
}
