/**
 * What every command starts from: the global options, the context a step runs in, and how a
 * failure is told. Kept apart from main.ts (yargs and the commands) so that a pipeline's step
 * process (pipeline/step-main.ts), which parses no command line, loads none of it.
 */
import { InputError, formatDiagnostic, inputError, msg } from '../core/errors.js';
import { cliTranslator, resolveUiLang, type Translate } from '../i18n/index.js';
import { Project, parseShard, type ProjectOptions } from '../io/project.js';
import type { StepContext } from '../pipeline/context.js';
import { createProgress } from './progress.js';
import { terminalOutput } from './io.js';

export interface GlobalArgs {
  root: string;
  quiet: boolean;
  color: boolean | undefined;
  force: boolean;
  cacheDir?: string;
  shard?: string;
  concurrency?: number;
  uiLang?: string;
}

/** Result holder: commands set `code`; yargs' own failures end the run with 2. */
export interface Exit {
  code: number;
}

/**
 * The global options alone (yargs' argv holds the command's too, and aliases), for a step
 * process to see the project as this one does.
 */
export function globalArgs(argv: GlobalArgs): GlobalArgs {
  const g: GlobalArgs = { root: argv.root, quiet: argv.quiet, color: argv.color, force: argv.force };
  if (argv.cacheDir !== undefined) g.cacheDir = argv.cacheDir;
  if (argv.shard !== undefined) g.shard = argv.shard;
  if (argv.concurrency !== undefined) g.concurrency = argv.concurrency;
  if (argv.uiLang !== undefined) g.uiLang = argv.uiLang;
  return g;
}

export function context(argv: GlobalArgs): StepContext {
  const options: ProjectOptions = { force: argv.force };
  if (argv.cacheDir !== undefined) options.cacheDir = argv.cacheDir;
  const shard = parseShard(argv.shard);
  if (shard) options.shard = shard;
  if (argv.concurrency !== undefined) {
    if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1) throw inputError(msg('errors.concurrency', { value: String(argv.concurrency) }), {}, msg('errors.concurrencyHint'), 'usage');
    options.concurrency = argv.concurrency;
  }
  const output = terminalOutput({ quiet: argv.quiet, color: argv.color });
  const write = (s: string): void => output.err(s);
  const ui = cliTranslator(resolveUiLang(argv.uiLang));
  return { project: new Project(argv.root, options), output, ui, progress: createProgress(write, argv.quiet ? 'off' : output.progress ? 'tty' : 'lines', ui.t) };
}

/** Tells a failure on stderr — an input error as its diagnostics, anything else as an internal error — and returns the exit code, 2. */
export function reportError(e: unknown, t: Translate): 2 {
  if (e instanceof InputError) process.stderr.write(e.diagnostics.map((d) => formatDiagnostic(d, t)).join('\n') + '\n');
  else process.stderr.write(`${t('help.global.internalError', { stack: (e as Error).stack ?? String(e) })}\n`);
  return 2;
}
