/**
 * The shape shared by the checks that want text carried over unchanged (URLs, e-mail
 * addresses, @handles, #hashtags): what the source has, the translation has, character for
 * character, and nothing more. Bidi controls around them are ignored (the build isolates
 * Latin runs in Arabic itself; see formats/bidi.ts).
 */
import type { Message } from '../core/types.js';
import { problem } from './problem.js';
import type { Problem } from './types.js';
import { missingFrom, scanVerbatim, stripBidiControls, type Verbatim } from './text.js';

/** The messages of one verbatim check: an item altered, missing, or added by the translation. */
export interface VerbatimMessages {
  altered(expected: string, found: string): Message;
  missing(expected: string): Message;
  added(found: string): Message;
}

export function verbatimProblems(source: string, target: string, pick: (v: Verbatim) => { text: string }[], say: VerbatimMessages): Problem[] {
  const src = pick(scanVerbatim(source)).map((f) => f.text);
  const tgt = pick(scanVerbatim(stripBidiControls(target))).map((f) => f.text);
  const missing = missingFrom(src, tgt);
  const added = missingFrom(tgt, src);
  const problems: Problem[] = [];
  // Pair a missing item with an added one: most often it was altered, not dropped.
  const n = Math.min(missing.length, added.length);
  for (let i = 0; i < n; i++) {
    problems.push(problem(say.altered(missing[i]!, added[i]!), { expected: missing[i]!, found: added[i]! }));
  }
  for (const m of missing.slice(n)) problems.push(problem(say.missing(m), { expected: m }));
  for (const a of added.slice(n)) problems.push(problem(say.added(a), { found: a }));
  return problems;
}
