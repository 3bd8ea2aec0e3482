import type { Decision } from './types.js';

/** Any other stop ends the sentence unless a lower-case word follows (`meteor. si è guastata`). */
export const fullStop: Decision = {
  id: 'full-stop',
  decide: (c) => c.nextKind !== 'lower',
};
