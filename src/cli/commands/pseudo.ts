import type { CommandModule } from 'yargs';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  force: boolean;
}

export function pseudoCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'pseudo [articles..]',
    describe: t('help.pseudo.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.pseudo.articles') })
        .option('lang', { type: 'string', array: true, describe: t('help.pseudo.lang') })
        .option('force', { type: 'boolean', default: false, describe: t('help.pseudo.force') })
        .example('$0 pseudo', t('help.pseudo.example1'))
        .example('$0 pseudo palermo-conference --lang qps-ploc && $0 status --lang qps-ploc', t('help.pseudo.example2'))
        .epilogue(t('help.pseudo.epilogue')) as never,
    handler: async (args) => {
      const { pseudoStep } = await import('../../pipeline/steps/pseudo.js');
      const r = await pseudoStep(context(args), { articles: args.articles, lang: args.lang, force: args.force });
      if (!r.ok) exit.code = 1;
    },
  };
}
