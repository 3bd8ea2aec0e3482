import type { Decision } from './types.js';

/** `1.`, `b.`, `IV.` opening a segment (after an optional bullet) number a list item. */
const MARKER = /^(?:\p{Nd}{1,3}|\p{L}|[IVX]{1,4})$/u;

export const listMarker: Decision = {
  id: 'list-marker',
  decide(c) {
    if (c.dots !== 1 || c.strong || c.spaced || c.word.length > 4) return undefined;
    return c.wordOpensSegment && MARKER.test(c.word) ? false : undefined;
  },
};
