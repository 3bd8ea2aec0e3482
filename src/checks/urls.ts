/** urls: URLs are carried over verbatim. */
import { about, msg } from './problem.js';
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const urls: Check = {
  id: 'urls',
  severity: 'error',
  ...about(msg('checks.urls.title'), msg('checks.urls.explanation')),
  run: (source, target) =>
    verbatimProblems(source, target, (v) => v.urls, {
      altered: (expected, found) => msg('checks.urls.altered', { expected, found }),
      missing: (expected) => msg('checks.urls.missing', { expected }),
      added: (found) => msg('checks.urls.added', { found }),
    }),
};
