/** hashtags: #hashtags are carried over verbatim. */
import { about, msg } from './problem.js';
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const hashtags: Check = {
  id: 'hashtags',
  severity: 'error',
  ...about(msg('checks.hashtags.title'), msg('checks.hashtags.explanation')),
  run: (source, target) =>
    verbatimProblems(source, target, (v) => v.hashtags, {
      altered: (expected, found) => msg('checks.hashtags.altered', { expected, found }),
      missing: (expected) => msg('checks.hashtags.missing', { expected }),
      added: (found) => msg('checks.hashtags.added', { found }),
    }),
};
