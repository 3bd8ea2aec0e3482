/** doubled-spaces: two or more spaces in a row inside the translation. */
import type { Message } from '../core/types.js';
import { about, msg, problem } from './problem.js';
import type { Check, Problem } from './types.js';
import { scanVerbatim, stripBidiControls } from './text.js';

const SPACE = msg('checks.doubled-spaces.space');
const NAMES: Record<string, Message> = {
  ' ': SPACE,
  '\t': msg('checks.doubled-spaces.tab'),
  '\u00a0': msg('checks.doubled-spaces.noBreak'),
  '\u202f': msg('checks.doubled-spaces.narrowNoBreak'),
  '\u2009': msg('checks.doubled-spaces.thin'),
};

/** "space + no-break space": the names of a run of spaces, joined. */
function spaceNames(run: string): Message {
  const names = [...run].map((c) => NAMES[c] ?? SPACE);
  return names.slice(1).reduce((a, b) => msg('checks.doubled-spaces.plus', { a, b }), names[0]!);
}

export const doubledSpaces: Check = {
  id: 'doubled-spaces',
  severity: 'warning',
  ...about(msg('checks.doubled-spaces.title'), msg('checks.doubled-spaces.explanation')),
  run(_source, target) {
    const stripped = stripBidiControls(target);
    const code = scanVerbatim(stripped).code;
    const problems: Problem[] = [];
    const lead = stripped.length - stripped.replace(/^\s+/u, '').length;
    const inner = stripped.trim();
    for (const m of inner.matchAll(/[ \t\u00a0\u202f\u2009]{2,}/gu)) {
      const at = m.index + lead;
      if (code.some((c) => at >= c.start && at < c.end)) continue;
      const before = stripped.slice(Math.max(0, at - 12), at);
      const after = stripped.slice(at + m[0].length, at + m[0].length + 12);
      problems.push(problem(msg('checks.doubled-spaces.found', { n: m[0].length, what: spaceNames(m[0]), context: `${before}${'␣'.repeat(m[0].length)}${after}` }), { expected: 'one space', found: m[0] }));
    }
    return problems;
  },
};
