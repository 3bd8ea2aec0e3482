/** hashtags: #hashtags are carried over verbatim. */
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const hashtags: Check = {
  id: 'hashtags',
  severity: 'error',
  title: '#hashtags verbatim',
  explanation:
    'Every #hashtag of the source (#Libya) must be in the translation exactly as written, and the translation must not add any: a hashtag ' +
    'is a search key shared across languages, so "#Libia" would take readers to another conversation. A # followed only by digits (#1) ' +
    'is a number, not a hashtag, and a # inside a URL belongs to the URL.',
  run: (source, target) => verbatimProblems(source, target, (v) => v.hashtags, 'hashtag'),
};
