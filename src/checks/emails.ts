/** emails: e-mail addresses are carried over verbatim. */
import { about, msg } from './problem.js';
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const emails: Check = {
  id: 'emails',
  severity: 'error',
  ...about(msg('checks.emails.title'), msg('checks.emails.explanation')),
  run: (source, target) =>
    verbatimProblems(source, target, (v) => v.emails, {
      altered: (expected, found) => msg('checks.emails.altered', { expected, found }),
      missing: (expected) => msg('checks.emails.missing', { expected }),
      added: (found) => msg('checks.emails.added', { found }),
    }),
};
