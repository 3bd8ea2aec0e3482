/**
 * The closed lists of values that command-line options accept. They live here, apart from the
 * steps that use them, so that building the command line (`--help`, yargs' `choices`) does not
 * load the steps: each command loads its step only when it runs (see cli/commands).
 */
export const STATUS_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export const EXPORT_FORMATS = ['xliff12', 'xliff20', 'xliff21'] as const;
export const EDITION_FORMATS = ['html', 'md', 'txt'] as const;
export const STALE_POLICIES = ['previous', 'source', 'block'] as const;
export const DEFAULT_MIN_TRANSLATED = 100;
export const DEFAULT_STALE: (typeof STALE_POLICIES)[number] = 'previous';
export const FAIL_ON = ['error', 'warning'] as const;
export const TMX_TAGS = ['tmx', 'omegat'] as const;
export const SEGMENT_LANGS = ['en', 'it', 'fr', 'ar'] as const;
