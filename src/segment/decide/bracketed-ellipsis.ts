import type { Decision } from './types.js';

/** `[...]` and `(…)` mark an omission inside a quotation, never a sentence end. */
export const bracketedEllipsis: Decision = {
  id: 'bracketed-ellipsis',
  decide(c) {
    if (c.dots < 2 || c.strong) return undefined;
    const open = c.text[c.start - 1];
    const close = c.text[c.stopEnd];
    return (open === '[' && close === ']') || (open === '(' && close === ')') ? false : undefined;
  },
};
