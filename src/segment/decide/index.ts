/**
 * The contextual rules, in the order they are asked; the first with an opinion decides.
 * The rule set's regex rules (SRX-style data) are asked before all of these.
 */
import { abbreviation } from './abbreviation.js';
import { bracketedEllipsis } from './bracketed-ellipsis.js';
import { continuation } from './continuation.js';
import { ellipsis } from './ellipsis.js';
import { fullStop } from './full-stop.js';
import { glued } from './glued.js';
import { listMarker } from './list-marker.js';
import { quoteAttribution } from './quote-attribution.js';
import { strongStop } from './strong-stop.js';
import { trailingLink } from './trailing-link.js';
import type { Decision } from './types.js';
import { verseQuote } from './verse-quote.js';

export type { Decision, Verdict } from './types.js';

export const DECISIONS: readonly Decision[] = [
  continuation,
  verseQuote,
  bracketedEllipsis,
  listMarker,
  glued,
  trailingLink,
  quoteAttribution,
  ellipsis,
  strongStop,
  abbreviation,
  fullStop,
];
