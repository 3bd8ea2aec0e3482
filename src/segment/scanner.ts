/**
 * The core: one pass over the text, token by token. Tokens without sentence punctuation are
 * skipped at the cost of reading them; at each run of punctuation a Candidate is built and
 * decided — first by the rule set's regex rules (SRX order, first match wins), then by the
 * contextual rules in `decide/`. Breaks that need no punctuation (bullets, tweet signatures,
 * numbered lists) are found by separate linear scans and merged in.
 */
import { Candidate } from './candidate.js';
import { isCloser, isContinuation, isQuoteCloser, isSpace, isStrongTerminator, isTerminator } from './chars.js';
import type { CompiledRuleSet } from './compiled.js';
import { DECISIONS, type Verdict } from './decide/index.js';
import { atomicLength } from './links.js';
import { listBreaks } from './lists.js';
import { ruleAt, scanBreakRules } from './regex-rules.js';
import { verseRanges } from './verse.js';

/** Reads the punctuation run at `j` (a terminator) with its closers, across spaced dots. */
function readCandidate(text: string, j: number, segStart: number): Candidate {
  const n = text.length;
  let dots = 0;
  let strong = false;
  let spaced = false;
  let quoteClosed = false;
  let bracketClosed = false;
  let stopEnd = -1;
  let p = j;
  for (;;) {
    // The punctuation and closers glued together: `.`, `?!`, `!».`, `.)`.
    for (; p < n; p++) {
      const c = text.charCodeAt(p);
      if (isTerminator(c)) {
        if (c === 0x2026) dots += 3;
        else if (c === 46) dots++;
        else if (isStrongTerminator(c)) strong = true;
      } else if (isCloser(c)) {
        if (stopEnd < 0) stopEnd = p;
        if (isQuoteCloser(c)) quoteClosed = true;
        else bracketClosed = true;
      } else break;
    }
    if (stopEnd < 0) stopEnd = p;
    if (p >= n || !isSpace(text.charCodeAt(p))) break;
    // A following token made only of punctuation belongs to this run: `. . .`, `prêts ! »`.
    let q = p;
    while (q < n && isSpace(text.charCodeAt(q))) q++;
    let r = q;
    let stops = false;
    for (; r < n; r++) {
      const c = text.charCodeAt(r);
      if (isTerminator(c)) stops = true;
      else if (!isCloser(c)) break;
    }
    if (r === q) break;
    if (r < n && !isSpace(text.charCodeAt(r))) {
      // `! »,`: the closers belong to the run and the comma continues the sentence.
      if (!stops && isContinuation(text.charCodeAt(r))) p = r;
      break;
    }
    if (stops) spaced = true;
    p = q;
  }
  let next = p;
  while (next < n && isSpace(text.charCodeAt(next))) next++;
  return new Candidate(text, j, stopEnd, p, next, segStart, dots, strong, spaced, quoteClosed, bracketClosed);
}

/** Sorted indices where the text breaks into sentences (never 0 or `text.length`). */
export function findBreaks(text: string, rules: CompiledRuleSet): number[] {
  const n = text.length;
  const forced = [
    ...scanBreakRules(rules.regexRules, text),
    ...listBreaks(text).filter((pos) => ruleAt(rules.regexRules, text, pos)?.break !== false),
  ].sort((a, b) => a - b);
  const verse = verseRanges(text);
  let vi = 0;
  const breaks: number[] = [];
  let fi = 0;
  let segStart = 0;
  const flushForced = (upTo: number): void => {
    for (; fi < forced.length && forced[fi]! <= upTo; fi++) {
      breaks.push(forced[fi]!);
      segStart = Math.max(segStart, forced[fi]!);
    }
  };

  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const ts = i;
    let te = i;
    let hasStop = false;
    for (; te < n; te++) {
      const c = text.charCodeAt(te);
      if (isSpace(c)) break;
      if (!hasStop && isTerminator(c)) hasStop = true;
    }
    i = te;
    if (!hasStop) continue;
    let j = ts + atomicLength(text, ts, te);
    while (j < te) {
      if (!isTerminator(text.charCodeAt(j))) {
        j++;
        continue;
      }
      flushForced(j);
      const cand = readCandidate(text, j, segStart);
      while (vi < verse.length && verse[vi]![1] < j) vi++;
      cand.inVerse = vi < verse.length && verse[vi]![0] < j;
      const at = cand.end < n ? ruleAt(rules.regexRules, text, cand.end) : undefined;
      let verdict: Verdict = at ? at.break : undefined;
      for (let d = 0; verdict === undefined && d < DECISIONS.length; d++) verdict = DECISIONS[d]!.decide(cand, rules);
      if (verdict !== undefined && verdict !== false && cand.end < n) {
        const pos = verdict === true ? cand.end : verdict;
        breaks.push(pos);
        segStart = pos;
      }
      if (cand.end > te) {
        i = cand.end;
        break;
      }
      j = cand.end;
    }
  }
  flushForced(n);
  breaks.sort((a, b) => a - b);
  return breaks.filter((b, k) => b > 0 && b < n && b !== breaks[k - 1]);
}
