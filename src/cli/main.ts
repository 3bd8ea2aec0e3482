/**
 * The `tessera` command line. The only place that decides the exit code (with a pipeline's step
 * processes, pipeline/step-main.ts, whose codes it passes on):
 *   0 ran fine · 1 ran, and a check or gate failed · 2 could not run (usage or input error).
 */
import { createRequire } from 'node:module';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { UI_LANGS, cliTranslator, resolveUiLang, uiLangFlag, type Translate } from '../i18n/index.js';
import { commands } from './commands/index.js';
import { reportError, type Exit } from './context.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** A command line yargs refused (unknown option, missing argument…): exit 2, nothing run. */
class UsageFailure extends Error {}

/**
 * yargs' own strings ("Options:", "Show help", "Unknown argument: %s"…), from our i18next
 * resources (cli.yargs.*) for every interface language, so that none comes from yargs' locale
 * files (which have no Arabic) or from the machine's locale behind our back. Keys are yargs'
 * English strings; plural ones take y18n's { one, other } shape.
 */
const YARGS_STRINGS: Record<string, string> = {
  'Commands:': 'commands',
  'Options:': 'options',
  'Examples:': 'examples',
  'Positionals:': 'positionals',
  boolean: 'boolean',
  count: 'count',
  string: 'string',
  number: 'number',
  array: 'array',
  required: 'required',
  default: 'default',
  'default:': 'defaultColon',
  'choices:': 'choices',
  'aliases:': 'aliases',
  'generated-value': 'generatedValue',
  'Invalid values:': 'invalidValues',
  'Argument: %s, Given: %s, Choices: %s': 'argumentChoices',
  'Argument check failed: %s': 'argumentCheckFailed',
  'Implications failed:': 'implicationsFailed',
  'Not enough arguments following: %s': 'notEnoughFollowing',
  'Invalid JSON config file: %s': 'invalidConfig',
  'Path to JSON config file': 'configPath',
  'Show help': 'showHelp',
  'Show version number': 'showVersion',
  'Did you mean %s?': 'didYouMean',
  'Arguments %s and %s are mutually exclusive': 'mutuallyExclusive',
  command: 'command',
  deprecated: 'deprecated',
  'deprecated: %s': 'deprecatedReason',
};
const YARGS_PLURALS: Record<string, string> = {
  'Not enough non-option arguments: got %s, need at least %s': 'notEnoughArguments',
  'Too many non-option arguments: got %s, maximum of %s': 'tooManyArguments',
  'Missing argument value: %s': 'missingValue',
  'Missing required argument: %s': 'missingRequired',
  'Unknown argument: %s': 'unknownArgument',
  'Unknown command: %s': 'unknownCommand',
};

export function yargsLocale(t: Translate): Record<string, string> {
  const out: Record<string, string | { one: string; other: string }> = {};
  for (const [k, v] of Object.entries(YARGS_STRINGS)) out[k] = t(`yargs.${v}`);
  // y18n knows only "one" and "other"; "other" is the general plural form (count 5 in every language).
  for (const [k, v] of Object.entries(YARGS_PLURALS)) out[k] = { one: t(`yargs.${v}`, { count: 1 }), other: t(`yargs.${v}`, { count: 5 }) };
  // y18n's type says strings only; it accepts { one, other } for __n strings.
  return out as Record<string, string>;
}

/** Longer runs of names than this are folded before yargs parses the command line (`foldLongRuns`). */
const LONG_RUN = 64;
/** What stands for a folded run: no command-line argument holds a NUL. */
const FOLDED = '\u0000tessera-folded:';

/**
 * Folds each long run of arguments that are not options — the files a shell expands from an
 * unquoted pattern (`tessera import returned/<each language>/<each file>.xlf`) — into one
 * placeholder, after its first two (one of those may be an option's value or the command's
 * name; the rest can only be positionals, or the values of an array option, which `unfoldRuns`
 * restores alike). yargs-parser copies the whole array of positionals for each one it adds:
 * 30,000 names took 2 s before the command started, and the time grows with the square of
 * their number.
 */
export function foldLongRuns(args: readonly string[]): { args: string[]; runs: string[][] } {
  const out: string[] = [];
  const runs: string[][] = [];
  let i = 0;
  while (i < args.length) {
    let j = i;
    while (j < args.length && !args[j]!.startsWith('-')) j++;
    if (j - i > LONG_RUN) {
      out.push(args[i]!, args[i + 1]!, `${FOLDED}${runs.length}`);
      runs.push(args.slice(i + 2, j));
    } else for (let k = i; k < j; k++) out.push(args[k]!);
    if (j < args.length) out.push(args[j]!);
    i = j + 1;
  }
  return { args: out, runs };
}

/** Puts the folded runs back in the parsed arguments' arrays, where their placeholders are. */
export function unfoldRuns(argv: Record<string, unknown>, runs: readonly string[][]): void {
  const run = (v: unknown): string[] | undefined => (typeof v === 'string' && v.startsWith(FOLDED) ? runs[Number(v.slice(FOLDED.length))] : undefined);
  for (const key of Object.keys(argv)) {
    const v = argv[key];
    if (Array.isArray(v) && v.some((x) => run(x))) argv[key] = v.flatMap((x: unknown) => run(x) ?? [x]);
  }
}

/** A message naming a placeholder names the run's first files instead. */
function unfoldMessage(message: string, runs: readonly string[][]): string {
  return message.replace(new RegExp(`${FOLDED}(\\d+)`, 'g'), (_, n: string) => {
    const r = runs[Number(n)] ?? [];
    return r.length > 2 ? `${r.slice(0, 2).join(', ')}, … (${r.length})` : r.join(', ');
  });
}

export async function main(args: string[]): Promise<number> {
  const exit: Exit = { code: 0 };
  const folded = foldLongRuns(args);
  // Resolved before yargs builds the commands, so that --help is in the editor's language too.
  const ui = cliTranslator(resolveUiLang(uiLangFlag(args)));
  const { t } = ui;
  let cli: Argv = yargs(folded.args)
    .locale('en')
    .updateLocale(yargsLocale(t))
    .scriptName('tessera')
    .usage(t('help.global.usage'))
    .option('root', { type: 'string', default: '.', describe: t('help.global.root'), global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: t('help.global.quiet'), global: true })
    .option('color', { type: 'boolean', describe: t('help.global.color'), global: true })
    .option('force', { type: 'boolean', default: false, describe: t('help.global.force'), global: true })
    .option('cache-dir', { type: 'string', describe: t('help.global.cacheDir'), global: true })
    .option('concurrency', { alias: 'j', type: 'number', describe: t('help.global.concurrency'), global: true })
    .option('shard', { type: 'string', describe: t('help.global.shard'), global: true })
    .option('ui-lang', { type: 'string', choices: [...UI_LANGS], describe: t('help.global.uiLang'), global: true })
    .strict()
    .demandCommand(1, t('help.global.demandCommand'))
    .recommendCommands()
    .version(pkg.version)
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .example('$0 run newsroom', t('help.global.example1'))
    .example('$0 export --lang it,ar,fr', t('help.global.example2'))
    .example('$0 import out/returned/it/palermo-conference.xlf', t('help.global.example3'))
    .example('$0 status --min-reviewed 100', t('help.global.example4'))
    .epilogue(t('help.global.epilogue'))
    .fail((message, err) => {
      if (err) throw err;
      // Thrown, not just reported: yargs would otherwise go on and run the command.
      throw new UsageFailure(unfoldMessage(message, folded.runs));
    });
  if (folded.runs.length > 0) cli = cli.middleware((argv) => unfoldRuns(argv, folded.runs), true);
  for (const c of commands(exit, t)) cli = cli.command(c as CommandModule);
  // yargs renders a command's help as soon as its handler starts, in case it is shown later;
  // Tessera never shows it then (our fail handler prints the message alone), and rendering it
  // took 0.1–0.2 s of every run. yargs has no option for this, hence its internal API.
  const internal = cli as unknown as { getInternalMethods?(): { getUsageInstance(): { cacheHelpMessage(): void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance();
  if (usage) usage.cacheHelpMessage = () => {};
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof UsageFailure) {
      process.stderr.write(`${t('help.global.fail', { message: e.message })}\n`);
      return 2;
    }
    return reportError(e, t);
  }
  return exit.code;
}
