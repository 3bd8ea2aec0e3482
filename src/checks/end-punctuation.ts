/**
 * end-punctuation: a translation ends as its source does — a statement with a full stop, a
 * question with the target script's question mark, and so on.
 */
import type { Lang } from '../core/types.js';
import type { Check, Problem } from './types.js';
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
  title: 'final punctuation matches the source',
  explanation:
    'A translation ends with the target script\'s equivalent of the source\'s final punctuation: . for ., ? for ? in Italian and French but ' +
    'the Arabic question mark ؟ in Arabic (an Arabic full stop may be . or ۔), ! for !, … or ... for …, ؛ for ; in Arabic. Closing quotes, ' +
    'guillemets and brackets after the mark are looked through, on either side, so «…». and « … » both end with a full stop. A headline or ' +
    'heading may drop a final full stop, and a source without final punctuation (a headline, an attribution, a link) wants none in the translation.',
  run(source, target, ctx) {
    const s = finalPunctuation(source);
    const t = finalPunctuation(target);
    const want = accepted(s.end, ctx.tgtLang);
    if (want.includes(t.mark)) return [];
    const headline = ctx.kind === 'headline' || ctx.kind === 'heading';
    if (headline && s.end === 'period' && t.end === 'none') return [];
    const problem: Problem = {
      expected: want[0]!,
      found: t.mark,
      message:
        s.end === 'none'
          ? `expected no final punctuation, as in the source; found "${t.mark}"`
          : `expected the translation to end with "${want[0]!}"${want[0] !== s.mark ? ` for the source's "${s.mark}"` : ', as the source does'}; found ${t.mark ? `"${t.mark}"` : 'no final punctuation'}`,
    };
    return [problem];
  },
};
