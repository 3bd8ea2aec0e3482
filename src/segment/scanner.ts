/**
 * The core: one pass over the text from one sentence-final mark to the next (the regex
 * engine skips the plain text between them). At each run of punctuation a Candidate is
 * built and decided — first by the rule set's regex rules (SRX order, first match wins),
 * then by the contextual rules in `decide/`. Marks inside links (`un.org`, `a@b.com`) are
 * skipped. Breaks that need no punctuation (bullets, tweet signatures, numbered lists) come
 * from separate linear scans and are merged in order.
 */
import { Candidate } from './candidate.js';
import {
  isCloser,
  isContinuation,
  isLower,
  isQuoteCloser,
  isSpace,
  isStrongTerminator,
  isTerminator,
  isWordChar,
  TERMINATOR_SEARCH,
} from './chars.js';
import type { CompiledRuleSet } from './compiled.js';
import { DECISIONS, type Verdict } from './decide/index.js';
import { atomicLength } from './links.js';
import { listBreaks } from './lists.js';
import { scanBreakRules } from './regex-rules.js';
import { verseRanges } from './verse.js';

/** A token of emoji only (flags, skin tones and joiners included). */
const EMOJI_TOKEN = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f){1,32}(?=\s|$)/uy;

/** An `@` later in the token (`Jane.Doe@example.com`), looking a bounded way ahead. */
function hasAtSign(text: string, from: number): boolean {
  const stop = Math.min(text.length, from + 64);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 64) return true;
    if (isSpace(c)) return false;
  }
  return false;
}

/** Reads the punctuation run at `j` (a terminator) with its closers, across spaced dots. */
function readCandidate(text: string, j: number, segStart: number): Candidate {
  const n = text.length;
  let dots = 0;
  let strong = false;
  let spaced = false;
  let quoteClosed = false;
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
      } else if (c === 42 /* * */ || c === 95 /* _ */) {
        // Markdown emphasis closing after the stop (`**He left.** Then…`): the caller hands
        // us block text with its inline markup.
        if (stopEnd < 0) stopEnd = p;
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
    if (r === q) {
      // Emoji after a stop (`Thank you Palermo! 🇮🇹`) stay with the sentence they close.
      EMOJI_TOKEN.lastIndex = q;
      if (!EMOJI_TOKEN.test(text)) break;
      p = EMOJI_TOKEN.lastIndex;
      continue;
    }
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
  return new Candidate(text, j, stopEnd, p, next, segStart, dots, strong, spaced, quoteClosed);
}

/** Sorted indices where the text breaks into sentences (never 0 or `text.length`). */
export function findBreaks(text: string, rules: CompiledRuleSet): readonly number[] {
  const n = text.length;
  let forced = scanBreakRules(rules.regexRules, text, rules.matcher);
  if (rules.source.contextual === false) return forced;
  const listed = listBreaks(text);
  const items = listed.length ? listed.filter((pos) => rules.matcher.at(text, pos)?.break !== false) : listed;
  if (items.length > 0) forced = [...forced, ...items].sort((a, b) => a - b);
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

  // `scanned`: everything before it has been read. Tokens are found by looking back from a
  // terminator no further than `scanned`, so each character is looked at a bounded number
  // of times however long its token is.
  let scanned = 0;
  let atomicEnd = 0;
  const search = TERMINATOR_SEARCH;
  for (;;) {
    search.lastIndex = scanned;
    // `test` rather than `exec`: no match array to allocate for every stop.
    if (!search.test(text)) break;
    const j = search.lastIndex - 1;
    let ts = j;
    let linky = false;
    while (ts > scanned && !isSpace(text.charCodeAt(ts - 1))) {
      const c = text.charCodeAt(ts - 1);
      if (c === 64 /* @ */ || c === 47 /* / */ || c === 35 /* # */) linky = true;
      ts--;
    }
    const tokenStart = ts === 0 || isSpace(text.charCodeAt(ts - 1));
    if (tokenStart) {
      // Only a token with an @, / or #, or a dot before a lower-case letter (`un.org`), can be
      // a link; `U.S.` and `3.5` cannot, and skipping the link regex for them pays.
      if (!linky && j + 1 < n && isWordChar(text[j + 1]!)) linky = isLower(text[j + 1]!) || hasAtSign(text, j);
      atomicEnd = linky ? ts + atomicLength(text, ts) : ts;
    }
    if (j < atomicEnd) {
      scanned = atomicEnd;
      continue;
    }
    flushForced(j);
    const cand = readCandidate(text, j, segStart);
    while (vi < verse.length && verse[vi]![1] < j) vi++;
    cand.inVerse = vi < verse.length && verse[vi]![0] < j;
    const at = cand.end < n ? rules.matcher.at(text, cand.end) : undefined;
    let verdict: Verdict = at ? at.break : undefined;
    for (let d = 0; verdict === undefined && d < DECISIONS.length; d++) verdict = DECISIONS[d]!.decide(cand, rules);
    if (verdict !== undefined && verdict !== false && cand.end < n) {
      const pos = verdict === true ? cand.end : verdict;
      breaks.push(pos);
      segStart = pos;
    }
    scanned = cand.end;
  }
  flushForced(n);
  breaks.sort((a, b) => a - b);
  return breaks.filter((b, k) => b > 0 && b < n && b !== breaks[k - 1]);
}
