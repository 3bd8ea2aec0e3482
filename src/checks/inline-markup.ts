/**
 * inline-markup: the Markdown inline markup of a sentence survives translation — the same link
 * destinations, the same code spans, and as many emphasis markers.
 */
import type { Check, Problem } from './types.js';
import { missingFrom, scanVerbatim, stripBidiControls } from './text.js';

/** Emphasis delimiter runs (* ** _ __), outside code, links and URLs; intraword _ is not one (CommonMark). */
function emphasisRuns(masked: string): string[] {
  return [...masked.matchAll(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu)].map((m) => m[0]);
}

const hasMarkup = (text: string): boolean => /`|\]\(|<[a-z][a-z0-9+.-]*:|\*|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/iu.test(text);

export const inlineMarkup: Check = {
  id: 'inline-markup',
  severity: 'error',
  title: 'Markdown inline markup intact',
  explanation:
    'When the source sentence carries Markdown inline markup, the translation must carry the same: every link destination [text](url) and ' +
    'autolink <url> unchanged (the link text is translated), every `code span` character for character, and as many emphasis markers ' +
    '(*, **, _) so that no emphasis is lost or left open. Sentences without markup are not looked at.',
  run(source, target) {
    if (!hasMarkup(source) && !hasMarkup(target)) return [];
    const s = scanVerbatim(source);
    const t = scanVerbatim(stripBidiControls(target));
    const problems: Problem[] = [];
    const compare = (a: string[], b: string[], what: string): void => {
      for (const m of missingFrom(a, b)) problems.push({ expected: m, message: `expected the ${what} ${m} unchanged; not found in the translation` });
      for (const m of missingFrom(b, a)) problems.push({ found: m, message: `expected only the source's ${what}s; found ${m}, which the source does not have` });
    };
    compare(
      s.links.map((l) => l.text),
      t.links.map((l) => l.text),
      'link destination',
    );
    compare(
      s.code.map((c) => c.text),
      t.code.map((c) => c.text),
      'code span',
    );
    const se = emphasisRuns(s.masked);
    const te = emphasisRuns(t.masked);
    const count = (runs: string[]): number => runs.reduce((n, r) => n + r.length, 0);
    if (count(se) !== count(te)) {
      problems.push({
        expected: se.join(' '),
        found: te.join(' '),
        message: `expected ${count(se)} emphasis marker(s) (${se.join(' ') || 'none'}) as in the source; found ${count(te)} (${te.join(' ') || 'none'})`,
      });
    }
    return problems;
  },
};
