/**
 * What every validation rule is: a named check over the parsed tree that reports problems
 * as data (a positioned message with the rule's id) and never throws. validate.ts runs the
 * rules of the file's XLIFF version and turns reports into Diagnostics.
 */
import type { XmlElement } from './validate-xml.js';

/** Records one problem at an element's start tag; `hint` says what the user can do. */
export type Report = (at: XmlElement, message: string, hint?: string) => void;

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
