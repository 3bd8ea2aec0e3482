/**
 * The shape of a QA check. A check is a small named unit, one per file (see STYLE.md: Translate
 * Toolkit's filters/checks.py, retext rules): an id, a severity, a one-paragraph explanation,
 * and a pure function from one segment (English source, translation) to the problems it finds.
 * Problems are data; nothing here throws for a bad translation, prints or decides an exit code.
 */
import type { BlockKind, Lang, Message } from '../core/types.js';
import type { Glossary } from './glossary.js';

export type CheckSeverity = 'error' | 'warning';

/** What a check may know about the segment besides its two texts. */
export interface CheckContext {
  srcLang: Lang;
  tgtLang: Lang;
  /** Where the segment sits (a headline may drop its final period). */
  kind?: BlockKind;
  /** Article slug and segment id: lets the names check leave this segment out of "elsewhere". */
  article?: string;
  segment?: string;
  /** Renderings of recurring names in past reviewed translations into `tgtLang` (names check). */
  glossary?: Glossary;
}

/** One thing wrong with a segment. The message says what was expected and what was found. */
export interface Problem {
  /** In English (library users, --json, JUnit). */
  message: string;
  /** The message as data (`cli.checks.<id>.*`), for the CLI to render in the editor's language. */
  i18n?: Message;
  /** What the check expected, short (e.g. "2,000" or "؟"). */
  expected?: string;
  /** What it found instead (undefined when nothing was found). */
  found?: string;
  /** Overrides the check's severity for this problem (e.g. a number spelled out: warning). */
  severity?: CheckSeverity;
}

export interface Check {
  /** Stable kebab-case id, used in output, --list, JUnit and configuration. */
  id: string;
  /** Severity of its problems unless a problem says otherwise. Errors fail `tessera check`. */
  severity: CheckSeverity;
  /** A few words, for listings. */
  title: string;
  /** One paragraph: what it looks for, why, and what it deliberately lets through. */
  explanation: string;
  /** Title and explanation as messages, for `--list` in the editor's language (English text above). */
  i18n?: { title: Message; explanation: Message };
  /** Also run when the target is empty (only `untranslated` wants to see empty targets). */
  onEmptyTarget?: boolean;
  run(source: string, target: string, ctx: CheckContext): Problem[];
}
