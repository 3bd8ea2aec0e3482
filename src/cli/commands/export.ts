import type { CommandModule } from 'yargs';
import { EXPORT_FORMATS } from '../../core/choices.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format: string;
  out: string;
  all: boolean;
  prefill: boolean;
}

export function exportCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'export [articles..]',
    describe: t('help.export.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.export.articles') })
        .option('lang', { type: 'string', array: true, describe: t('help.export.lang') })
        .option('format', { type: 'string', default: 'xliff12', choices: [...EXPORT_FORMATS], describe: t('help.export.format') })
        .option('out', { type: 'string', default: 'out/xliff', describe: t('help.export.out') })
        .option('all', { type: 'boolean', default: false, describe: t('help.export.all') })
        .option('prefill', { type: 'boolean', default: false, describe: t('help.export.prefill') })
        .example('$0 export --lang it,ar,fr', t('help.export.example1'))
        .example('$0 export --lang ar --format xliff20 --all --out /tmp/xlf', t('help.export.example2')) as never,
    handler: async (args) => {
      const { exportStep } = await import('../../pipeline/steps/export.js');
      const r = await exportStep(context(args), { articles: args.articles, lang: args.lang, format: args.format, out: args.out, all: args.all, prefill: args.prefill });
      if (!r.ok) exit.code = 1;
    },
  };
}
