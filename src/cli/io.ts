/** The CLI's Output: data on stdout, messages on stderr, colour and progress only on a TTY. */
import { writeSync } from 'node:fs';
import type { Output } from '../pipeline/context.js';

export function terminalOutput(options: { quiet?: boolean; color?: boolean | undefined }): Output {
  const env = process.env;
  const ci = env.CI === 'true' || env.CI === '1';
  const colorAllowed = options.color ?? (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    // Synchronous writes: output is complete even when the process exits right after.
    out: (text) => void writeSync(1, text),
    err: (text) => void writeSync(2, text),
    color: colorAllowed,
    progress: Boolean(process.stderr.isTTY) && !ci && !options.quiet,
    quiet: options.quiet ?? false,
  };
}
