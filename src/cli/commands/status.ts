import type { CommandModule } from 'yargs';
import { STATUS_FORMATS, statusStep } from '../../pipeline/steps/status.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format: string;
  json: boolean;
  details: boolean;
  minTranslated?: number;
  minReviewed?: number;
}

export function statusCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'status [articles..]',
    describe: 'article × language matrix of segments and words by state',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'target languages (default: it, fr, ar)' })
        .option('format', { type: 'string', default: 'table', choices: [...STATUS_FORMATS], describe: 'table (terminal), json (schema tessera-status/1), markdown (PR comment)' })
        .option('json', { type: 'boolean', default: false, describe: 'same as --format json' })
        .option('details', { type: 'boolean', default: false, describe: 'also list the segments still needing work' })
        .option('min-translated', { type: 'number', describe: 'gate: exit 1 if an article/language has fewer % of words translated' })
        .option('min-reviewed', { type: 'number', describe: 'gate: exit 1 if an article/language has fewer % of words reviewed' })
        .example('$0 status', 'the matrix as a table')
        .example('$0 status --format markdown > status.md', 'a pull-request comment')
        .example('$0 status --min-reviewed 100', 'CI gate: every word reviewed') as never,
    handler: (args) => {
      const r = statusStep(context(args), {
        articles: args.articles,
        lang: args.lang,
        format: args.json ? 'json' : args.format,
        details: args.details,
        minTranslated: args.minTranslated,
        minReviewed: args.minReviewed,
      });
      if (!r.ok) exit.code = 1;
    },
  };
}
