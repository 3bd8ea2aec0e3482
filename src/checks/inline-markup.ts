/**
 * inline-markup: the Markdown inline markup of a sentence survives translation — the same link
 * destinations, the same code spans, and as many emphasis markers.
 */
import type { Message } from '../core/types.js';
import { about, msg, problem } from './problem.js';
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
  ...about(msg('checks.inline-markup.title'), msg('checks.inline-markup.explanation')),
  run(source, target) {
    if (!hasMarkup(source) && !hasMarkup(target)) return [];
    const s = scanVerbatim(source);
    const t = scanVerbatim(stripBidiControls(target));
    const problems: Problem[] = [];
    const compare = (a: string[], b: string[], missing: (m: string) => Message, added: (m: string) => Message): void => {
      for (const m of missingFrom(a, b)) problems.push(problem(missing(m), { expected: m }));
      for (const m of missingFrom(b, a)) problems.push(problem(added(m), { found: m }));
    };
    compare(
      s.links.map((l) => l.text),
      t.links.map((l) => l.text),
      (expected) => msg('checks.inline-markup.linkMissing', { expected }),
      (found) => msg('checks.inline-markup.linkAdded', { found }),
    );
    compare(
      s.code.map((c) => c.text),
      t.code.map((c) => c.text),
      (expected) => msg('checks.inline-markup.codeMissing', { expected }),
      (found) => msg('checks.inline-markup.codeAdded', { found }),
    );
    const se = emphasisRuns(s.masked);
    const te = emphasisRuns(t.masked);
    const count = (runs: string[]): number => runs.reduce((n, r) => n + r.length, 0);
    if (count(se) !== count(te)) {
      const runs = (r: string[]): string | Message => r.join(' ') || msg('checks.inline-markup.none');
      problems.push(
        problem(msg('checks.inline-markup.emphasis', { expectedCount: count(se), expectedRuns: runs(se), foundCount: count(te), foundRuns: runs(te) }), {
          expected: se.join(' '),
          found: te.join(' '),
        }),
      );
    }
    return problems;
  },
};
