/**
 * Every QA check, in the order they run and are listed. One check per file; adding one is
 * adding a file and a line here.
 */
import { bidiControls } from './bidi-controls.js';
import { doubledSpaces } from './doubled-spaces.js';
import { doubledWords } from './doubled-words.js';
import { emails } from './emails.js';
import { endPunctuation } from './end-punctuation.js';
import { handles } from './handles.js';
import { hashtags } from './hashtags.js';
import { inlineMarkup } from './inline-markup.js';
import { lengthRatio } from './length-ratio.js';
import { names } from './names.js';
import { numbers } from './numbers.js';
import { quotesBalanced } from './quotes-balanced.js';
import { quotesStyle } from './quotes-style.js';
import type { Check } from './types.js';
import { untranslated } from './untranslated.js';
import { urls } from './urls.js';

export const CHECKS: readonly Check[] = [
  untranslated,
  numbers,
  urls,
  emails,
  handles,
  hashtags,
  inlineMarkup,
  quotesBalanced,
  quotesStyle,
  endPunctuation,
  doubledWords,
  doubledSpaces,
  lengthRatio,
  bidiControls,
  names,
];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(CHECKS.map((c) => [c.id, c]));

export type { Check, CheckContext, CheckSeverity, Problem } from './types.js';
export { buildGlossary, type Glossary, type GlossaryEntry, type GlossarySegment } from './glossary.js';
