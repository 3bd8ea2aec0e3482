/**
 * Word and character counts. Words are counted on the SOURCE sentence (so "120 words" means
 * the same work in every language) with Intl.Segmenter's word granularity: a word is a
 * segment with `isWordLike` (letters or digits; punctuation, spaces and symbols are not
 * words). Hyphenated compounds count per part ("Vice-President" = 2), as ICU splits them;
 * "Libya's" is one word. Arabic clitics (و، ب، ل، ال…) are written attached and so count as
 * part of their word, as in every word count of Arabic text.
 * Characters are Unicode code points, spaces included.
 */
const segmenters = new Map<string, Intl.Segmenter>();

export function countWords(text: string, lang = 'en'): number {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
