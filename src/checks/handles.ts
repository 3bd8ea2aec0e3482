/** handles: @handles are carried over verbatim. */
import { about, msg } from './problem.js';
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const handles: Check = {
  id: 'handles',
  severity: 'error',
  ...about(msg('checks.handles.title'), msg('checks.handles.explanation')),
  run: (source, target) =>
    verbatimProblems(source, target, (v) => v.handles, {
      altered: (expected, found) => msg('checks.handles.altered', { expected, found }),
      missing: (expected) => msg('checks.handles.missing', { expected }),
      added: (found) => msg('checks.handles.added', { found }),
    }),
};
