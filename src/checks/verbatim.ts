/**
 * The shape shared by the checks that want text carried over unchanged (URLs, e-mail
 * addresses, @handles, #hashtags): what the source has, the translation has, character for
 * character, and nothing more. Bidi controls around them are ignored (the build isolates
 * Latin runs in Arabic itself; see formats/bidi.ts).
 */
import type { Problem } from './types.js';
import { missingFrom, scanVerbatim, stripBidiControls, type Verbatim } from './text.js';

export function verbatimProblems(source: string, target: string, pick: (v: Verbatim) => { text: string }[], what: string): Problem[] {
  const src = pick(scanVerbatim(source)).map((f) => f.text);
  const tgt = pick(scanVerbatim(stripBidiControls(target))).map((f) => f.text);
  const missing = missingFrom(src, tgt);
  const added = missingFrom(tgt, src);
  const problems: Problem[] = [];
  // Pair a missing item with an added one: most often it was altered, not dropped.
  const n = Math.min(missing.length, added.length);
  for (let i = 0; i < n; i++) {
    problems.push({ expected: missing[i]!, found: added[i]!, message: `expected the ${what} ${missing[i]!} exactly as in the source; found ${added[i]!}` });
  }
  for (const m of missing.slice(n)) problems.push({ expected: m, message: `expected the ${what} ${m} exactly as in the source; not found in the translation` });
  for (const a of added.slice(n)) problems.push({ found: a, message: `expected only the source's ${what}s; found ${a}, which the source does not have` });
  return problems;
}
