/** doubled-words: the same word twice in a row ("the the", "di di", "في في"). */
import type { Lang } from '../core/types.js';
import { about, msg, problem } from './problem.js';
import type { Check, Problem } from './types.js';
import { scanVerbatim, stripBidiControls } from './text.js';

/** Doublings that are grammar, not typos: French reflexive verbs (nous nous opposons), English "had had", "that that". */
const LEGITIMATE: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['had', 'that']),
  it: new Set([]),
  fr: new Set(['nous', 'vous']),
  ar: new Set([]),
};

/** Two equal words separated by white space only (punctuation between them makes them two phrases). */
const DOUBLED = /(?<![\p{L}\p{M}\p{N}'’-])([\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*)[ \t\u00a0\u202f\u2009]+([\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*)(?![\p{L}\p{M}\p{N}'’-])/gu;

function doublings(text: string): string[] {
  const out: string[] = [];
  const t = scanVerbatim(stripBidiControls(text)).masked;
  // Overlapping pairs: look at each word and the next one.
  const re = new RegExp(DOUBLED.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (m[1]!.toLocaleLowerCase() === m[2]!.toLocaleLowerCase() && !/^\p{N}+$/u.test(m[1]!)) out.push(`${m[1]} ${m[2]}`);
    re.lastIndex = m.index + m[1]!.length; // the second word may start the next pair
  }
  return out;
}

export const doubledWords: Check = {
  id: 'doubled-words',
  severity: 'warning',
  ...about(msg('checks.doubled-words.title'), msg('checks.doubled-words.explanation')),
  run(source, target, ctx) {
    const inSource = new Set(doublings(source).map((d) => d.toLocaleLowerCase()));
    const problems: Problem[] = [];
    for (const d of doublings(target)) {
      const word = d.split(' ')[0]!;
      if (LEGITIMATE[ctx.tgtLang].has(word.toLocaleLowerCase()) || inSource.has(d.toLocaleLowerCase())) continue;
      problems.push(problem(msg('checks.doubled-words.found', { word, doubled: d }), { expected: word, found: d }));
    }
    return problems;
  },
};
