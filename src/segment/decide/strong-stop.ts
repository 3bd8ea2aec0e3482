import type { Decision } from './types.js';

/**
 * `?`, `!`, `؟` end a sentence unless a lower-case word follows (`Yahoo! in the…`,
 * `“Why?” he asked`). Scripts without case break always.
 */
export const strongStop: Decision = {
  id: 'strong-stop',
  decide: (c) => (c.strong ? c.nextKind !== 'lower' : undefined),
};
