import { isContinuation } from '../chars.js';
import type { Decision } from './types.js';

/** `etc., and`, `“Why?”, he asked`, `tel.:0123`: a comma or colon after the stop continues the sentence. */
export const continuation: Decision = {
  id: 'continuation',
  decide(c) {
    if (c.next >= c.text.length) return false;
    return isContinuation(c.text.charCodeAt(c.next)) ? false : undefined;
  },
};
