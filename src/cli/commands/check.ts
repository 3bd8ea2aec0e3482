import type { CommandModule } from 'yargs';
import { FAIL_ON } from '../../core/choices.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  json: boolean;
  junit?: string;
  list: boolean;
  failOn: string;
}

export function checkCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'check [articles..]',
    describe: t('help.check.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.check.articles') })
        .option('lang', { type: 'string', array: true, describe: t('help.check.lang') })
        .option('json', { type: 'boolean', default: false, describe: t('help.check.json') })
        .option('junit', { type: 'string', describe: t('help.check.junit') })
        .option('list', { type: 'boolean', default: false, describe: t('help.check.list') })
        .option('fail-on', { type: 'string', default: 'error', choices: [...FAIL_ON], describe: t('help.check.failOn') })
        .example('$0 check', t('help.check.example1'))
        .example('$0 check palermo-conference --lang ar', t('help.check.example2'))
        .example('$0 check --junit out/check.xml', t('help.check.example3'))
        .example('$0 check --list', t('help.check.example4')) as never,
    handler: async (args) => {
      const { checkStep } = await import('../../pipeline/steps/check.js');
      const r = await checkStep(context(args), { articles: args.articles, lang: args.lang, json: args.json, junit: args.junit, list: args.list, failOn: args.failOn });
      if (!r.ok) exit.code = 1;
    },
  };
}
