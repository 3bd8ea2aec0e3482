import type { CommandModule } from 'yargs';
import { importStep } from '../../pipeline/steps/import.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  files: string[];
  force: boolean;
  strict: boolean;
}

export function importCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'import <files..>',
    describe: "merge translators' XLIFF (1.2, 2.0, 2.1) into locales/",
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, describe: 'XLIFF files or glob patterns' })
        .option('force', { type: 'boolean', default: false, describe: 'replace reviewed or final translations that differ (default: report a conflict)' })
        .option('strict', { type: 'boolean', default: false, describe: 'refuse everything when any unit cannot be applied' })
        .example('$0 import returned/it/palermo-conference.xlf', "merge one translator's file")
        .example("$0 import 'returned/*/*.xlf'", 'merge every returned file (quote the pattern)') as never,
    handler: async (args) => {
      const r = await importStep(context(args), { files: args.files, force: args.force, strict: args.strict });
      if (!r.ok) exit.code = 1;
    },
  };
}
