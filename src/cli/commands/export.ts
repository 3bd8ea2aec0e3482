import type { CommandModule } from 'yargs';
import { EXPORT_FORMATS, exportStep } from '../../pipeline/steps/export.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format: string;
  out: string;
  all: boolean;
  prefill: boolean;
}

export function exportCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'export [articles..]',
    describe: 'write XLIFF files for translators: OUT/<lang>/<slug>.xlf',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'target languages, e.g. it,ar,fr (default: it, fr, ar)' })
        .option('format', { type: 'string', default: 'xliff12', choices: [...EXPORT_FORMATS], describe: 'XLIFF version; 1.2 is what OmegaT 3.6 and Translate Toolkit read' })
        .option('out', { type: 'string', default: 'out/xliff', describe: 'output folder, relative to --root' })
        .option('all', { type: 'boolean', default: false, describe: 'every segment, with existing translations and states (default: only work to do)' })
        .option('prefill', { type: 'boolean', default: false, describe: 'copy the source into empty targets (OmegaT 3.x translates the text inside <target>)' })
        .example('$0 export --lang it,ar,fr', 'segments still to translate, XLIFF 1.2, in out/xliff/')
        .example('$0 export --lang ar --format xliff20 --all --out /tmp/xlf', 'every Arabic segment as XLIFF 2.0') as never,
    handler: async (args) => {
      const r = await exportStep(context(args), { articles: args.articles, lang: args.lang, format: args.format, out: args.out, all: args.all, prefill: args.prefill });
      if (!r.ok) exit.code = 1;
    },
  };
}
