/**
 * Tokens whose dots and `?` are not punctuation: URLs, e-mail addresses, bare domains,
 * @handles and #hashtags. Their trailing punctuation still is (`…at Jane.Doe@example.com.`).
 */

const TLDS = 'com|org|net|gov|edu|int|mil|info|biz|io|co|uk|it|fr|de|eu|ly|tv|me|ai|news|eg|sa|ae|ma|tn|dz|qa|lb|jo|iq|sy|ch|be|es|ca|us|ru|cn|jp|in|au|nl|ly';

const ATOMIC = new RegExp(
  '[(\\[“"‘\'«]*(?:' +
    [
      '(?:https?|ftp)://\\S+',
      'www\\.\\S+',
      'pic\\.(?:twitter|x)\\.com/\\S+',
      '[@#][\\p{L}\\p{N}_]+',
      '[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+',
      `[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:${TLDS})(?![\\p{L}\\p{N}-])(?:/\\S*)?`,
    ].join('|') +
    ')',
  'uy',
);
const TRAILING_PUNCT = /[.,;:!?…)\]}"'”’»]+$/u;

/** Length of the link-like token starting at `start` (without its trailing punctuation), or 0. */
export function atomicLength(text: string, start: number): number {
  ATOMIC.lastIndex = start;
  const m = ATOMIC.exec(text);
  return m ? m[0].replace(TRAILING_PUNCT, '').length : 0;
}
