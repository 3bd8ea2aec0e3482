import type { CommandModule } from 'yargs';
import { STATUS_FORMATS } from '../../core/choices.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format: string;
  json: boolean;
  details: boolean;
  minTranslated?: string[];
  minReviewed?: string[];
  uiLang?: string;
}

export function statusCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'status [articles..]',
    describe: t('help.status.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.status.articles') })
        .option('lang', { type: 'string', array: true, describe: t('help.status.lang') })
        .option('format', { type: 'string', default: 'table', choices: [...STATUS_FORMATS], describe: t('help.status.format') })
        .option('json', { type: 'boolean', default: false, describe: t('help.status.json') })
        .option('details', { type: 'boolean', default: false, describe: t('help.status.details') })
        .option('min-translated', { type: 'string', array: true, describe: t('help.status.minTranslated') })
        .option('min-reviewed', { type: 'string', array: true, describe: t('help.status.minReviewed') })
        .example('$0 status', t('help.status.example1'))
        .example('$0 status --format markdown > status.md', t('help.status.example2'))
        .example('$0 status --format html > status.html', t('help.status.example3'))
        .example('$0 status --min-reviewed 100', t('help.status.example4'))
        .example('$0 status --min-translated 100,ar=80 --ui-lang it', t('help.status.example5')) as never,
    handler: async (args) => {
      const { statusStep } = await import('../../pipeline/steps/status.js');
      const r = await statusStep(context(args), {
        articles: args.articles,
        lang: args.lang,
        format: args.json ? 'json' : args.format,
        details: args.details,
        minTranslated: args.minTranslated,
        minReviewed: args.minReviewed,
        uiLang: args.uiLang,
      });
      if (!r.ok) exit.code = 1;
    },
  };
}
