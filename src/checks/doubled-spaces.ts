/** doubled-spaces: two or more spaces in a row inside the translation. */
import type { Check, Problem } from './types.js';
import { scanVerbatim, stripBidiControls } from './text.js';

const NAMES: Record<string, string> = { ' ': 'space', '\t': 'tab', '\u00a0': 'no-break space', '\u202f': 'narrow no-break space', '\u2009': 'thin space' };

export const doubledSpaces: Check = {
  id: 'doubled-spaces',
  severity: 'warning',
  title: 'no doubled spaces',
  explanation:
    'Two or more horizontal spaces in a row inside a translation (ordinary, no-break, narrow no-break or thin spaces, tabs) show as a gap ' +
    'in the edition, or in French push a sign away from its word. Spaces at either end of a sentence are not reported: the build trims ' +
    'them when it joins sentences. Spaces inside code spans are left alone.',
  run(_source, target) {
    const stripped = stripBidiControls(target);
    const code = scanVerbatim(stripped).code;
    const problems: Problem[] = [];
    const lead = stripped.length - stripped.replace(/^\s+/u, '').length;
    const inner = stripped.trim();
    for (const m of inner.matchAll(/[ \t\u00a0\u202f\u2009]{2,}/gu)) {
      const at = m.index + lead;
      if (code.some((c) => at >= c.start && at < c.end)) continue;
      const what = [...m[0]].map((c) => NAMES[c] ?? 'space').join(' + ');
      const before = stripped.slice(Math.max(0, at - 12), at);
      const after = stripped.slice(at + m[0].length, at + m[0].length + 12);
      problems.push({ expected: 'one space', found: m[0], message: `expected one space; found ${m[0].length} in a row (${what}) in "…${before}${"␣".repeat(m[0].length)}${after}…"` });
    }
    return problems;
  },
};
