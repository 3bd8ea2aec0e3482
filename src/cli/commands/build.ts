import type { CommandModule } from 'yargs';
import { DEFAULT_MIN_TRANSLATED, DEFAULT_STALE, EDITION_FORMATS, STALE_POLICIES } from '../../core/choices.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format?: string[];
  out: string;
  minTranslated?: string[];
  stale?: string[];
  json: boolean;
}

export function buildCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'build [articles..]',
    describe: t('help.build.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.build.articles') })
        .option('lang', { type: 'string', array: true, describe: t('help.build.lang') })
        .option('format', { type: 'string', array: true, describe: t('help.build.format', { formats: EDITION_FORMATS.join(',') }) })
        .option('out', { type: 'string', default: 'out/editions', describe: t('help.build.out') })
        .option('min-translated', {
          type: 'string',
          array: true,
          describe: t('help.build.minTranslated', { default: DEFAULT_MIN_TRANSLATED }),
        })
        .option('stale', {
          type: 'string',
          array: true,
          describe: t('help.build.stale', { policies: STALE_POLICIES.join(' | '), default: DEFAULT_STALE }),
        })
        .option('json', { type: 'boolean', default: false, describe: t('help.build.json') })
        .example('$0 build', t('help.build.example1'))
        .example('$0 build --lang ar --format html --out site', t('help.build.example2'))
        .example('$0 build --min-translated 100,fr=80', t('help.build.example3'))
        .example('$0 build --stale previous,ar=block --json', t('help.build.example4'))
        .epilogue(t('help.build.epilogue')) as never,
    handler: async (args) => {
      const { buildStep } = await import('../../pipeline/steps/build.js');
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
