import type { CommandModule } from 'yargs';
import { FAIL_ON } from '../../checks/run.js';
import { checkStep } from '../../pipeline/steps/check.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  json: boolean;
  junit?: string;
  list: boolean;
  failOn: string;
}

export function checkCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'check [articles..]',
    describe: 'QA checks on every translated segment (numbers, URLs, handles, quotes, punctuation, names…); exit 1 on an error',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: 'target languages (default: it, fr, ar)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the results as JSON (schema tessera-check/1) on stdout' })
        .option('junit', { type: 'string', describe: 'also write JUnit XML to FILE (relative to --root): a test suite per article × language, a test case per check' })
        .option('list', { type: 'boolean', default: false, describe: 'list the checks with their id, severity and explanation, and check nothing' })
        .option('fail-on', { type: 'string', default: 'error', choices: [...FAIL_ON], describe: 'lowest severity that makes the command exit 1 (warnings do not, by default)' })
        .example('$0 check', 'every article, every language; diagnostics on stderr')
        .example('$0 check palermo-conference --lang ar', 'one article in Arabic')
        .example('$0 check --junit out/check.xml', 'CI: a JUnit report beside the exit code')
        .example('$0 check --list', 'what each check looks for') as never,
    handler: (args) => {
      const r = checkStep(context(args), { articles: args.articles, lang: args.lang, json: args.json, junit: args.junit, list: args.list, failOn: args.failOn });
      if (!r.ok) exit.code = 1;
    },
  };
}
