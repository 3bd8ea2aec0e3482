import { english, msg, type Translate } from '../i18n/index.js';
import type { Diagnostic, Message } from './types.js';

export { msg };

/**
 * A failure the user can act on: bad input, unknown language, missing files. Carries
 * the diagnostics to print; the CLI turns it into exit code 2 (could not run).
 * Library code throws it; only src/cli decides the exit code.
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'InputError';
    this.diagnostics = list;
  }
}

/** A Diagnostic from messages: English `message`/`hint` for library users, keys for the CLI. */
export function diagnostic(
  severity: Diagnostic['severity'],
  rule: string,
  message: Message,
  where: { file?: string; line?: number; column?: number } = {},
  hint?: Message,
): Diagnostic {
  return {
    severity,
    rule,
    message: english(message),
    ...where,
    ...(hint ? { hint: english(hint) } : {}),
    i18n: hint ? { message, hint } : { message },
  };
}

export function inputError(message: Message, where: { file?: string; line?: number; column?: number } = {}, hint?: Message, rule = 'input'): InputError {
  return new InputError(diagnostic('error', rule, message, where, hint));
}

/**
 * `file:line:column: message (hint)` — the shape compilers and editors understand. With `t`,
 * in the editor's language (the severity word, message and hint; the position never).
 */
export function formatDiagnostic(d: Diagnostic, t?: Translate): string {
  let where = d.file ?? '';
  if (d.file && d.line !== undefined) where += `:${d.line}`;
  if (d.file && d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  if (!t) return `${where ? `${where}: ` : ''}${d.severity}: ${d.message}${d.hint ? `\n  ${d.hint}` : ''}`;
  const message = d.i18n ? t(d.i18n.message.key, d.i18n.message.params) : d.message;
  const hint = d.i18n?.hint ? t(d.i18n.hint.key, d.i18n.hint.params) : d.hint;
  // One template per language, so that a right-to-left one isolates the position as well.
  const level = t(`diagnostic.${d.severity}`);
  const line = where ? t('diagnostic.line', { where, level, message }) : t('diagnostic.lineNoPlace', { level, message });
  return `${line}${hint ? `\n  ${hint}` : ''}`;
}
