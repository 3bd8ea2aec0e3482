import type { Argv, CommandModule } from 'yargs';
import { TMX_TAGS } from '../../tm/tmx.js';
import { tmExportStep, tmImportStep, tmLookupStep, tmUpdateStep } from '../../pipeline/steps/tm.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

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
export function tmCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  const lang = (y: Argv<GlobalArgs>): Argv<GlobalArgs> => y.option('lang', { type: 'string', array: true, describe: 'target languages, e.g. it,fr (default: it, fr, ar)' });
  return {
    command: 'tm <command>',
    describe: 'translation memory: locales/<lang>/.tm.json, TMX import and export',
    builder: (y) =>
      y
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'update',
          describe: "write locales/<lang>/.tm.json: the memory's entries and every translation, stale suggestion and retired translation in locales/",
          builder: (b: Argv<GlobalArgs>) => lang(b).example('$0 tm update', 'refresh every memory (run it after import, and commit the files)') as never,
          handler: (args: Args) => {
            const r = tmUpdateStep(context(args), { lang: args.lang });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'export',
          describe: 'write a memory as TMX 1.4b (default: out/tm/en-<lang>.tmx)',
          builder: (b: Argv<GlobalArgs>) =>
            lang(b)
              .option('out', { type: 'string', describe: 'output file, relative to --root (--out=- : stdout); needs one --lang' })
              .option('tags', {
                type: 'string',
                default: 'tmx',
                choices: [...TMX_TAGS],
                describe: 'inline codes as TMX <ph>/<bpt>/<ept> with their Markdown (tmx), or as OmegaT tag shortcuts in the text (omegat: exact matches in OmegaT tm/auto)',
              })
              .example('$0 tm export --lang it --out it.tmx', 'the Italian memory, for any CAT tool')
              .example('$0 tm export --lang it --tags omegat --out omegat/tm/auto/tessera.tmx', 'for an OmegaT project') as never,
          handler: (args: Args) => {
            const r = tmExportStep(context(args), { lang: args.lang, out: args.out, tags: args.tags });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'import <files..>',
          describe: "merge TMX files (any tool's; OmegaT's project_save.tmx included) into the memories, without duplicates",
          builder: (b: Argv<GlobalArgs>) =>
            b
              .positional('files', { type: 'string', array: true, describe: 'TMX files or glob patterns' })
              .example('$0 tm import omegat/project_save.tmx', "a translator's OmegaT memory") as never,
          handler: async (args: Args) => {
            const r = await tmImportStep(context(args), { files: args.files });
            if (!r.ok) exit.code = 1;
          },
        })
        .command(<CommandModule<GlobalArgs, Args>>{
          command: 'lookup <sentence>',
          describe: 'the memory matches for an English sentence: score, state, source, translation (tab-separated)',
          builder: (b: Argv<GlobalArgs>) =>
            lang(b)
              .positional('sentence', { type: 'string', describe: 'the sentence (Markdown inline text)' })
              .option('min', { type: 'number', default: 75, describe: 'lowest similarity, 1–100' })
              .option('limit', { type: 'number', default: 3, describe: 'at most this many matches per language' })
              .option('json', { type: 'boolean', default: false, describe: 'JSON: language → matches' })
              .example('$0 tm lookup "Haftar left early." --lang it', 'what the Italian memory offers') as never,
          handler: (args: Args) => {
            const r = tmLookupStep(context(args), { lang: args.lang, text: args.sentence, min: args.min, limit: args.limit, json: args.json });
            if (!r.ok) exit.code = 1;
          },
        })
        .demandCommand(1, 'give a tm command: update, export, import or lookup') as never,
    handler: () => {},
  };
}
