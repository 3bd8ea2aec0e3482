import type { Decision } from './types.js';

/** Quoted verse (`"Ei fu. Siccome immobile / dato il mortal sospiro / …"`) stays whole. */
export const verseQuote: Decision = {
  id: 'verse-quote',
  decide: (c) => (c.inVerse ? false : undefined),
};
