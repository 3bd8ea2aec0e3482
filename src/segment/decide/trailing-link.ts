import type { Decision } from './types.js';

/** A URL, @handle or #hashtag after a sentence's stop starts a segment of its own. */
export const trailingLink: Decision = {
  id: 'trailing-link',
  decide: (c) => (c.nextKind === 'link' ? true : undefined),
};
