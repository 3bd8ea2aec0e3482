/**
 * The `tessera` command line. The only place that decides the exit code:
 *   0 ran fine · 1 ran, and a check or gate failed · 2 could not run (usage or input error).
 */
import { createRequire } from 'node:module';
import yargs, { type Argv, type CommandModule } from 'yargs';
import { InputError, formatDiagnostic, inputError } from '../core/errors.js';
import { Project, parseShard, type ProjectOptions } from '../io/project.js';
import type { StepContext } from '../pipeline/context.js';
import { commands } from './commands/index.js';
import { createProgress } from './progress.js';
import { terminalOutput } from './io.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface GlobalArgs {
  root: string;
  quiet: boolean;
  color: boolean | undefined;
  force: boolean;
  cacheDir?: string;
  shard?: string;
  concurrency?: number;
}

/** Result holder: commands set `code`; yargs' own failures set it to 2. */
export interface Exit {
  code: number;
}

export function context(argv: GlobalArgs): StepContext {
  const options: ProjectOptions = { force: argv.force };
  if (argv.cacheDir !== undefined) options.cacheDir = argv.cacheDir;
  const shard = parseShard(argv.shard);
  if (shard) options.shard = shard;
  if (argv.concurrency !== undefined) {
    if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1) throw inputError(`--concurrency ${String(argv.concurrency)} is not a positive whole number`, {}, 'e.g. --concurrency 4 (default: the number of CPUs)', 'usage');
    options.concurrency = argv.concurrency;
  }
  const output = terminalOutput({ quiet: argv.quiet, color: argv.color });
  const write = (s: string): void => output.err(s);
  return { project: new Project(argv.root, options), output, progress: createProgress(write, argv.quiet ? 'off' : output.progress ? 'tty' : 'lines') };
}

export async function main(args: string[]): Promise<number> {
  const exit: Exit = { code: 0 };
  let cli: Argv = yargs(args)
    .scriptName('tessera')
    .usage('$0 <command> [options]\n\nCarries news articles through translation: segment → export → import → status → build.')
    .option('root', { type: 'string', default: '.', describe: 'the project folder (holds source/, locales/, pipelines/)', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only data and errors', global: true })
    .option('color', { type: 'boolean', describe: 'force colours on or off (default: on a TTY, unless NO_COLOR is set)', global: true })
    .option('force', { type: 'boolean', default: false, describe: 'redo all work, ignoring the caches of earlier runs', global: true })
    .option('cache-dir', { type: 'string', describe: 'where steps keep what they did, to skip it next time (default: out/.cache)', global: true })
    .option('concurrency', { alias: 'j', type: 'number', describe: 'articles processed at once, on as many threads (default: the number of CPUs); output is the same for any value', global: true })
    .option('shard', { type: 'string', describe: 'work on shard K of N (K/N) of the articles, for N CI runners (import takes every article)', global: true })
    .strict()
    .demandCommand(1, 'give a command (see the list above)')
    .recommendCommands()
    .version(pkg.version)
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .example('$0 run newsroom', 'the main job: segment → export → import → status → build')
    .example('$0 export --lang it,ar,fr', 'XLIFF files for translators in out/xliff/')
    .example('$0 import out/returned/it/palermo-conference.xlf', "merge a translator's file")
    .example('$0 status --min-reviewed 100', 'the matrix; exit 1 unless every word is reviewed')
    .epilogue('Exit codes: 0 ran fine · 1 a check or gate failed · 2 could not run (usage or input).\nDocs: README.md')
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`tessera: ${msg}\nRun "tessera --help" for usage.\n`);
      exit.code = 2;
    });
  for (const c of commands(exit)) cli = cli.command(c as CommandModule);
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(e.diagnostics.map(formatDiagnostic).join('\n') + '\n');
      return 2;
    }
    process.stderr.write(`tessera: internal error: ${(e as Error).stack ?? String(e)}\nPlease report it with the command you ran.\n`);
    return 2;
  }
  return exit.code;
}
