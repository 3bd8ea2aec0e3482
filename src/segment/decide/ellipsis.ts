import type { Candidate } from '../candidate.js';
import type { Decision } from './types.js';

const opensSentence = (c: Candidate): boolean =>
  c.nextKind === 'upper' || c.nextKind === 'caseless' || c.nextKind === 'other' || c.nextKind === 'link';

/**
 * Ellipses. `…` and `...` end a sentence before a capital (`I never meant that.... She left.`).
 * A spaced three-dot ellipsis (`. . .`) marks an omission inside a sentence, even before `I`;
 * a spaced four-dot one is an omission plus the full stop. When the first of four dots is
 * glued to the word (`compounds. . . . The`), the sentence ends at that dot and the other
 * three open the next sentence.
 */
export const ellipsis: Decision = {
  id: 'ellipsis',
  decide(c) {
    if (c.strong || c.dots < 2) return undefined;
    if (!c.spaced) return opensSentence(c);
    if (c.dots < 4) return false;
    if (!opensSentence(c)) return false;
    const glued = c.word !== '' && c.start === c.wordStart + c.word.length;
    return glued ? c.start + 1 : true;
  },
};
