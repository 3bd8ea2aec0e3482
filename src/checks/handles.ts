/** handles: @handles are carried over verbatim. */
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const handles: Check = {
  id: 'handles',
  severity: 'error',
  title: '@handles verbatim',
  explanation:
    'Every social-media @handle of the source (@AlistairBurtUK) must be in the translation exactly as written, and the translation must not ' +
    'add any: a handle names an account, and a dropped or altered one attributes a quotation to no one, or to someone else. ' +
    'An @ inside an e-mail address is not a handle.',
  run: (source, target) => verbatimProblems(source, target, (v) => v.handles, 'handle'),
};
