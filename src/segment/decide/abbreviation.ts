import type { Decision } from './types.js';
import { opensSentenceAfterAbbreviation } from './starts-sentence.js';
import { classifyWord } from './word-class.js';

/**
 * A full stop after an abbreviation: titles never end a sentence (`Gen. Khalifa Haftar`),
 * `No.`/`p.`/`Nov.` never before a number, and ambiguous ones (`Inc.`, `U.S.`, `a.m.`,
 * initials) only before a word that typically opens a sentence (`I live in the U.S. How…`
 * but `the U.S. Government`).
 */
export const abbreviation: Decision = {
  id: 'abbreviation',
  decide(c, rules) {
    if (c.strong || c.dots !== 1) return undefined;
    const cls = classifyWord(c.word, rules);
    if (cls.prefix) return false;
    if (cls.numeric && c.nextKind === 'digit') return false;
    if (cls.ambiguous) return opensSentenceAfterAbbreviation(c, rules);
    return undefined;
  },
};
