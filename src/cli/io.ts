/** The CLI's Output: data on stdout, messages on stderr, colour and progress only on a TTY. */
import { writeSync } from 'node:fs';
import type { Output } from '../pipeline/context.js';

/**
 * writeSync to a pipe that is full (stdout/stderr set non-blocking by the parent) fails with
 * EAGAIN: wait for the reader and go on, writing every byte.
 */
function writeAll(fd: number, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  while (buf.length > 0) {
    try {
      const n = writeSync(fd, buf);
      buf = buf.subarray(n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The reader went away (`tessera status --json | head`): nobody is left to tell, so stop
      // quietly, as Unix tools do. Writes to files are all-or-nothing, so nothing is half-done.
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

export function terminalOutput(options: { quiet?: boolean; color?: boolean | undefined }): Output {
  const env = process.env;
  const ci = env.CI === 'true' || env.CI === '1';
  const colorAllowed = options.color ?? (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    // Synchronous writes: output is complete even when the process exits right after.
    out: (text) => writeAll(1, text),
    err: (text) => writeAll(2, text),
    color: colorAllowed,
    progress: Boolean(process.stderr.isTTY) && !ci && !options.quiet,
    quiet: options.quiet ?? false,
  };
}
