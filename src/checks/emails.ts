/** emails: e-mail addresses are carried over verbatim. */
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const emails: Check = {
  id: 'emails',
  severity: 'error',
  title: 'e-mail addresses verbatim',
  explanation:
    'Every e-mail address of the source must be in the translation exactly as written, and the translation must not add any: ' +
    'readers write to it, and a translated or retyped address reaches no one.',
  run: (source, target) => verbatimProblems(source, target, (v) => v.emails, 'e-mail address'),
};
