/** Sentence segmentation — placeholder until the rule-based segmenter lands. */
export const SEGMENT_LANGS = ['en', 'it', 'fr', 'ar'] as const;
export type SegmentLang = (typeof SEGMENT_LANGS)[number];

/** A sentence's extent in the input: `text.slice(start, end)`, without surrounding whitespace. */
export interface Span {
  start: number;
  end: number;
}

export function splitSentences(text: string, _lang: SegmentLang): Span[] {
  const spans: Span[] = [];
  const re = /\S[^]*?(?:[.!?…]+[”»"’)]*(?=\s|$)|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m.index ?? 0;
    const raw = m[0];
    const trimmed = raw.trimEnd();
    if (trimmed) spans.push({ start: s, end: s + trimmed.length });
  }
  return spans;
}

export function segmentText(text: string, lang: SegmentLang): string[] {
  return splitSentences(text, lang).map((s) => text.slice(s.start, s.end));
}
