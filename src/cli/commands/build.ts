import type { CommandModule } from 'yargs';
import { DEFAULT_MIN_TRANSLATED, DEFAULT_STALE, STALE_POLICIES } from '../../core/policy.js';
import { EDITION_FORMATS, buildStep } from '../../pipeline/steps/build.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format?: string[];
  out: string;
  minTranslated?: string[];
  stale?: string[];
  json: boolean;
}

export function buildCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'build [articles..]',
    describe: 'write the localised editions: OUT/<lang>/<slug>.{html,md,txt}',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'languages (default: en, it, fr, ar)' })
        .option('format', { type: 'string', array: true, describe: `formats (default: ${EDITION_FORMATS.join(',')})` })
        .option('out', { type: 'string', default: 'out/editions', describe: 'output folder, relative to --root' })
        .option('min-translated', {
          type: 'string',
          array: true,
          describe:
            `publish an edition only if at least this % of the article's source words is in its language (default: ${DEFAULT_MIN_TRANSLATED}, every segment); ` +
            'below it, the rest is set in English, marked lang="en". 80 (every language), ar=80, or 100,ar=80. ' +
            'Counted as status counts; a stale segment counts as translated only under --stale previous when a previous translation exists',
        })
        .option('stale', {
          type: 'string',
          array: true,
          describe:
            `segments whose source changed since translation: ${STALE_POLICIES.join(' | ')} (default: ${DEFAULT_STALE}). ` +
            'previous: the previous translation; source: the English sentence, marked lang="en"; block: do not publish an edition with any. ' +
            'Per language: previous,ar=block',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print a summary on stdout (schema tessera-build/1): each edition written, unchanged or blocked, and why' })
        .example('$0 build', 'every edition in out/editions/; an edition with any untranslated segment is not published')
        .example('$0 build --lang ar --format html --out site', 'the Arabic HTML editions in site/ar/')
        .example('$0 build --min-translated 100,fr=80', 'French may go out with up to 20% of its words in English')
        .example('$0 build --stale previous,ar=block --json', 'hold back an Arabic edition with a stale sentence; a summary for scripts')
        .epilogue(
          'An edition below its policy is not written, and the file an earlier build left at its path is left as it was; ' +
            'the command names each such edition on stderr and exits 1. The other editions are written. English, the source, is never held back.\n' +
            'Exit codes: 0 every edition published · 1 an edition was held back · 2 could not run (usage or input).',
        ) as never,
    handler: async (args) => {
      const r = await buildStep(context(args), {
        articles: args.articles,
        lang: args.lang,
        format: args.format,
        out: args.out,
        minTranslated: args.minTranslated,
        stale: args.stale,
        json: args.json,
      });
      if (!r.ok) exit.code = 1;
    },
  };
}
