/**
 * Checks speak in messages (`cli.checks.<id>.*` in src/i18n/cli/<lang>.json): a problem keeps
 * its English text in `message` — for library users, `--json` and JUnit, which never change with
 * the interface language — and the message itself in `i18n`, for the CLI to render in the
 * editor's language. The same for a check's title and explanation (`--list`).
 */
import { english, type Message } from '../i18n/index.js';
import type { Check, Problem } from './types.js';

export { msg } from '../i18n/index.js';

/** A problem from a message: English `message`, the message as data in `i18n`. */
export function problem(message: Message, fields: Omit<Problem, 'message' | 'i18n'> = {}): Problem {
  return { ...fields, message: english(message), i18n: message };
}

/** A check's title and explanation from messages: English text, and the messages for --list. */
export function about(title: Message, explanation: Message): Pick<Check, 'title' | 'explanation' | 'i18n'> {
  return { title: english(title), explanation: english(explanation), i18n: { title, explanation } };
}
