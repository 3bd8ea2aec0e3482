import type { Argv, CommandModule } from 'yargs';
import { TMX_TAGS } from '../../core/choices.js';

const steps = (): Promise<typeof import('../../pipeline/steps/tm.js')> => import('../../pipeline/steps/tm.js');
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  lang?: string[];
  out?: string;
  tags: string;
  files: string[];
  sentence: string;
  min: number;
  limit: number;
  json: boolean;
}

/** `tessera tm update|export|import|lookup`: the translation memory of each language pair. */
export function tmCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  const lang = (y: Argv<GlobalArgs>): Argv<GlobalArgs> => y.option('lang', { type: 'string', array: true, describe: t('help.tm.lang') });
  return {
    command: 'tm <command>',
    describe: t('help.tm.describe'),
    builder: (y) =>
      y
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'update',
          describe: t('help.tm.updateDescribe'),
          builder: (b: Argv<GlobalArgs>) => lang(b).example('$0 tm update', t('help.tm.updateExample')) as never,
          handler: async (args: Args) => {
            const r = await (await steps()).tmUpdateStep(context(args), { lang: args.lang });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'export',
          describe: t('help.tm.exportDescribe'),
          builder: (b: Argv<GlobalArgs>) =>
            lang(b)
              .option('out', { type: 'string', describe: t('help.tm.out') })
              .option('tags', {
                type: 'string',
                default: 'tmx',
                choices: [...TMX_TAGS],
                describe: t('help.tm.tags'),
              })
              .example('$0 tm export --lang it --out it.tmx', t('help.tm.exportExample1'))
              .example('$0 tm export --lang it --tags omegat --out omegat/tm/auto/tessera.tmx', t('help.tm.exportExample2')) as never,
          handler: async (args: Args) => {
            const r = await (await steps()).tmExportStep(context(args), { lang: args.lang, out: args.out, tags: args.tags });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'import <files..>',
          describe: t('help.tm.importDescribe'),
          builder: (b: Argv<GlobalArgs>) =>
            b
              .positional('files', { type: 'string', array: true, describe: t('help.tm.files') })
              .example('$0 tm import omegat/project_save.tmx', t('help.tm.importExample')) as never,
          handler: async (args: Args) => {
            const r = await (await steps()).tmImportStep(context(args), { files: args.files });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'lookup <sentence>',
          describe: t('help.tm.lookupDescribe'),
          builder: (b: Argv<GlobalArgs>) =>
            lang(b)
              .positional('sentence', { type: 'string', describe: t('help.tm.sentence') })
              .option('min', { type: 'number', default: 75, describe: t('help.tm.min') })
              .option('limit', { type: 'number', default: 3, describe: t('help.tm.limit') })
              .option('json', { type: 'boolean', default: false, describe: t('help.tm.json') })
              .example('$0 tm lookup "Haftar left early." --lang it', t('help.tm.lookupExample')) as never,
          handler: async (args: Args) => {
            const r = await (await steps()).tmLookupStep(context(args), { lang: args.lang, text: args.sentence, min: args.min, limit: args.limit, json: args.json });
            if (!r.ok) exit.code = 1;
          },
        })
        .demandCommand(1, t('help.tm.demand')) as never,
    handler: () => {},
  };
}
