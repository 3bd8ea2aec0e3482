import { createHash } from 'node:crypto';

/**
 * Segment ids are a short hash of the normalised sentence (as FormatJS does for message ids):
 * inserting a paragraph moves no other id, editing a sentence changes exactly that id.
 * `s` + 10 hex digits (40 bits) keep collisions out of reach inside one article; the letter
 * keeps an id from ever looking like an integer, which JavaScript objects (and so every JSON
 * file) would move to the front, breaking document order. A sentence that occurs twice in the
 * same article gets `-2`, `-3`… in order of appearance.
 */
export function normaliseForId(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function hashId(text: string): string {
  return 's' + createHash('sha256').update(normaliseForId(text), 'utf8').digest('hex').slice(0, 10);
}

/** Assigns ids to sentences in document order, numbering repeats. */
export function assignIds(texts: readonly string[]): string[] {
  return texts.map(idAssigner());
}

/** `assignIds` one sentence at a time: call it with each sentence in document order. */
export function idAssigner(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = hashId(text);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
