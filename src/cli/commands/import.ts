import type { CommandModule } from 'yargs';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  files: string[];
  force: boolean;
  strict: boolean;
}

export function importCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'import <files..>',
    describe: t('help.import.describe'),
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, describe: t('help.import.files') })
        .option('force', { type: 'boolean', default: false, describe: t('help.import.force') })
        .option('strict', { type: 'boolean', default: false, describe: t('help.import.strict') })
        .example('$0 import returned/it/palermo-conference.xlf', t('help.import.example1'))
        .example("$0 import 'returned/*/*.xlf'", t('help.import.example2')) as never,
    handler: async (args) => {
      const { importStep } = await import('../../pipeline/steps/import.js');
      const r = await importStep(context(args), { files: args.files, force: args.force, strict: args.strict });
      if (!r.ok) exit.code = 1;
    },
  };
}
