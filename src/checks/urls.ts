/** urls: URLs are carried over verbatim. */
import type { Check } from './types.js';
import { verbatimProblems } from './verbatim.js';

export const urls: Check = {
  id: 'urls',
  severity: 'error',
  title: 'URLs verbatim',
  explanation:
    'Every URL of the source (with a scheme, starting www., or a domain with a path such as pic.twitter.com/g5bbaN5LzK) must be in the translation ' +
    'character for character, and the translation must not add any: a changed letter is a broken or different link. Trailing sentence ' +
    'punctuation is not part of a URL, and bidi controls around one are ignored. Markdown link destinations are checked by inline-markup.',
  run: (source, target) => verbatimProblems(source, target, (v) => v.urls, 'URL'),
};
