import type { CommandModule } from 'yargs';
import { EDITION_FORMATS, buildStep } from '../../pipeline/steps/build.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format?: string[];
  out: string;
}

export function buildCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'build [articles..]',
    describe: 'write the localised editions: OUT/<lang>/<slug>.{html,md,txt}',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'languages (default: en, it, fr, ar)' })
        .option('format', { type: 'string', array: true, describe: `formats (default: ${EDITION_FORMATS.join(',')})` })
        .option('out', { type: 'string', default: 'out/editions', describe: 'output folder, relative to --root' })
        .example('$0 build', 'every edition in out/editions/')
        .example('$0 build --lang ar --format html --out site', 'the Arabic HTML editions in site/ar/') as never,
    handler: (args) => {
      const r = buildStep(context(args), { articles: args.articles, lang: args.lang, format: args.format, out: args.out });
      if (!r.ok) exit.code = 1;
    },
  };
}
