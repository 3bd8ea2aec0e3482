import type { Diagnostic } from './types.js';

/**
 * A failure the user can act on: bad input, unknown language, missing files. Carries
 * the diagnostics to print; the CLI turns it into exit code 2 (could not run).
 * Library code throws it; only src/cli decides the exit code.
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = list;
  }
}

export function inputError(
  message: string,
  where: { file?: string; line?: number; column?: number } = {},
  hint?: string,
  rule = 'input',
): InputError {
  return new InputError({ severity: 'error', rule, message, ...where, ...(hint ? { hint } : {}) });
}

/** `file:line:column: message (hint)` — the shape compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.file && d.line !== undefined) where += `:${d.line}`;
  if (d.file && d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  const head = where ? `${where}: ` : '';
  const level = d.severity === 'error' ? 'error' : d.severity;
  return `${head}${level}: ${d.message}${d.hint ? `\n  ${d.hint}` : ''}`;
}
