import type { CommandModule } from 'yargs';
import { STATUS_FORMATS, statusStep } from '../../pipeline/steps/status.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  format: string;
  json: boolean;
  details: boolean;
  minTranslated?: string[];
  minReviewed?: string[];
  uiLang?: string;
}

export function statusCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'status [articles..]',
    describe: 'article × language matrix of segments and words by state',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'target languages (default: it, fr, ar)' })
        .option('format', { type: 'string', default: 'table', choices: [...STATUS_FORMATS], describe: 'table (terminal), json (schema tessera-status/1), markdown (PR comment), html (self-contained dashboard)' })
        .option('json', { type: 'boolean', default: false, describe: 'same as --format json' })
        .option('details', { type: 'boolean', default: false, describe: 'also list the segments still needing work' })
        .option('min-translated', { type: 'string', array: true, describe: 'gate: exit 1 if an article has fewer % of words translated; 90 (every language), ar=80, or 90,ar=80' })
        .option('min-reviewed', { type: 'string', array: true, describe: 'gate: the same on words reviewed' })
        .option('ui-lang', { type: 'string', choices: ['en', 'it', 'fr', 'ar'], describe: 'language of the report (default: from LC_ALL, LC_MESSAGES or LANG, else en)' })
        .example('$0 status', 'the matrix as a table')
        .example('$0 status --format markdown > status.md', 'a pull-request comment')
        .example('$0 status --format html > status.html', 'a dashboard to open in a browser')
        .example('$0 status --min-reviewed 100', 'CI gate: every word reviewed')
        .example('$0 status --min-translated 100,ar=80 --ui-lang it', 'gates per language, labels in Italian') as never,
    handler: async (args) => {
      const r = await statusStep(context(args), {
        articles: args.articles,
        lang: args.lang,
        format: args.json ? 'json' : args.format,
        details: args.details,
        minTranslated: args.minTranslated,
        minReviewed: args.minReviewed,
        uiLang: args.uiLang,
      });
      if (!r.ok) exit.code = 1;
    },
  };
}
