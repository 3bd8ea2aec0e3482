/**
 * What every validation rule is: a named check over the parsed tree that reports problems
 * as data (a positioned message with the rule's id) and never throws. validate.ts runs the
 * rules of the file's XLIFF version and turns reports into Diagnostics.
 */
import { msg, type Message } from '../../i18n/index.js';
import type { XmlElement } from './validate-xml.js';

export { msg, type Message };

/**
 * Records one problem at an element's start tag; `hint` says what the user can do. Both are
 * messages (`cli.validate.*`): element and attribute names, ids and values travel as their
 * parameters, untranslated.
 */
export type Report = (at: XmlElement, message: Message, hint?: Message) => void;

/** Text built from pieces some of which are messages (a content model naming "elements of other namespaces"). */
export type Text = string | Message;

/** Pieces joined: a string when every piece is one, else messages that concatenate. */
export function cat(...parts: Text[]): Text {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  return parts.reduce((a, b) => msg('validate.cat', { a, b }));
}

/** Items joined by a message taking `a` and `b` ("a and b and c"). */
export function joined(items: Text[], key: 'validate.and' | 'validate.or'): Text {
  return items.reduce((a, b) => msg(key, { a, b }));
}

export interface Rule {
  /** Stable id, shown in `--json` output and usable to look the rule up. */
  id: string;
  check(root: XmlElement, report: Report): void;
}

export const NS_XLIFF12 = 'urn:oasis:names:tc:xliff:document:1.2';
export const NS_XLIFF2 = 'urn:oasis:names:tc:xliff:document:2.0';

/** The element as `<name>` for messages. */
export function tag(el: XmlElement | string): string {
  return `<${typeof el === 'string' ? el : el.name}>`;
}

export function quote(v: string): string {
  return `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
}
