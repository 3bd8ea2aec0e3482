/**
 * end-punctuation: a translation ends as its source does — a statement with a full stop, a
 * question with the target script's question mark, and so on.
 */
import type { Lang } from '../core/types.js';
import { about, msg, problem } from './problem.js';
import type { Check } from './types.js';
import { stripBidiControls } from './text.js';

type End = 'period' | 'ellipsis' | 'question' | 'exclamation' | 'colon' | 'semicolon' | 'none';

/** Closing quotes, brackets and emphasis that may follow the sentence's punctuation. */
const CLOSERS = /[\s"”’'»›)\]*_]+$/u;

/** The sentence's final punctuation, past any closing quotes and brackets. */
export function finalPunctuation(text: string): { end: End; mark: string } {
  const t = stripBidiControls(text).replace(CLOSERS, '');
  if (/(?:\.\.\.|…)$/u.test(t)) return { end: 'ellipsis', mark: t.endsWith('…') ? '…' : '...' };
  const mark = t.slice(-1);
  switch (mark) {
    case '.':
    case '۔':
      return { end: 'period', mark };
    case '?':
    case '؟':
      return { end: 'question', mark };
    case '!':
      return { end: 'exclamation', mark };
    case ':':
      return { end: 'colon', mark };
    case ';':
    case '؛':
      return { end: 'semicolon', mark };
    default:
      return { end: 'none', mark: '' };
  }
}

/** The marks that end a sentence of this kind in the target language; the first is the one to suggest. */
function accepted(end: End, lang: Lang): string[] {
  switch (end) {
    case 'period':
      return lang === 'ar' ? ['.', '۔'] : ['.'];
    case 'ellipsis':
      return ['…', '...'];
    case 'question':
      return lang === 'ar' ? ['؟'] : ['?'];
    case 'exclamation':
      return ['!'];
    case 'colon':
      return [':'];
    case 'semicolon':
      return lang === 'ar' ? ['؛', ';'] : [';'];
    case 'none':
      return [''];
  }
}

export const endPunctuation: Check = {
  id: 'end-punctuation',
  severity: 'warning',
  ...about(msg('checks.end-punctuation.title'), msg('checks.end-punctuation.explanation')),
  run(source, target, ctx) {
    const s = finalPunctuation(source);
    const t = finalPunctuation(target);
    const want = accepted(s.end, ctx.tgtLang);
    if (want.includes(t.mark)) return [];
    const headline = ctx.kind === 'headline' || ctx.kind === 'heading';
    if (headline && s.end === 'period' && t.end === 'none') return [];
    const found = t.mark ? msg('checks.end-punctuation.mark', { mark: t.mark }) : msg('checks.end-punctuation.nothing');
    const message =
      s.end === 'none'
        ? msg('checks.end-punctuation.none', { found: t.mark })
        : want[0] !== s.mark
          ? msg('checks.end-punctuation.endFor', { want: want[0]!, mark: s.mark, found })
          : msg('checks.end-punctuation.endAs', { want: want[0]!, found });
    return [problem(message, { expected: want[0]!, found: t.mark })];
  },
};
