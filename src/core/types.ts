/**
 * Tessera's core model. Pure data: no I/O here.
 *
 * A source article becomes a `Doc`: its metadata, an ordered list of `Block`s (headline,
 * paragraphs, blockquotes…), and for each block the `Segment`s (sentences) it holds.
 * Each target language keeps, per segment, a `Unit`: translation, state and provenance.
 */

/** Languages Tessera ships rules and resources for. The source language is always `en` today. */
export const LANGS = ['en', 'it', 'fr', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export const SOURCE_LANG: Lang = 'en';
export const TARGET_LANGS: readonly Lang[] = ['it', 'fr', 'ar'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

// ── Pseudo-locales (issue 8) ─────────────────────────────────────────────────────────────
// Test locales filled by `tessera pseudo` (src/pseudo/): Microsoft's private-use codes,
// `qps-ploc` (accented, expanded, bracketed) and `qps-plocm` (right to left). Their files sit
// in locales/<code>/ like a real language's, with provenance "pseudo".
//
// They are deliberately NOT members of LANGS, TARGET_LANGS or the `Lang` type: no default list
// holds them (status, export and build touch them only when named with --lang), and tables of
// real-language data (Record<Lang, …> in src/checks, segmentation rules, typography) stay
// total. Where the code expects a Lang (paths under locales/, locale data, status rows,
// editions), a pseudo-locale travels as one through `pseudoAsLang` — the single cast — and
// code that looks up per-language data must test `isPseudoLang` first.
export const PSEUDO_LANGS = ['qps-ploc', 'qps-plocm'] as const;
export type PseudoLang = (typeof PSEUDO_LANGS)[number];

/** True for a pseudo-locale code (lower case, as Tessera writes them). */
export function isPseudoLang(value: string): boolean {
  return (PSEUDO_LANGS as readonly string[]).includes(value);
}

/** A pseudo-locale where a Lang is expected (see above: string-keyed code only). */
export function pseudoAsLang(code: PseudoLang): Lang {
  return code as unknown as Lang;
}

/** Where a segment sits in the article; drives the edition's markup and translator notes. */
export type BlockKind = 'headline' | 'heading' | 'paragraph' | 'quote' | 'attribution' | 'list-item';

export interface Segment {
  /** Stable content-based id (see core/ids.ts). */
  id: string;
  /** The sentence as translators see it. */
  source: string;
  /** Index of the block in `Doc.blocks`. */
  block: number;
  /** Position of the sentence inside its block (0-based). */
  index: number;
  /** False for text that needs no translation (a bare URL, a media link). */
  translate: boolean;
}

/** A block of text: a sequence of segments and the literal text between them. */
export interface Block {
  kind: BlockKind;
  /** Heading depth (1–6) for `heading`. */
  depth?: number;
  /** Blockquote nesting (0 = body text). */
  quoteDepth: number;
  /** Alternating parts: segment ids and the separators (usually a space) that sat between them. */
  parts: BlockPart[];
}

export type BlockPart = { seg: string } | { text: string };

export interface ArticleMeta {
  slug: string;
  lang: Lang;
  headline: string;
  dateline?: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  [key: string]: unknown;
}

export interface Doc {
  meta: ArticleMeta;
  blocks: Block[];
  segments: Segment[];
  /**
   * The Markdown body with each segment cut out (Okapi's "skeleton"): setting the
   * segments' texts back into it rebuilds the source byte for byte.
   */
  skeleton: BlockPart[];
}

/**
 * One ordered scale (XLIFF 2's states), plus `stale` when the source sentence changed
 * under an existing translation. `new` = XLIFF 2 `initial`.
 */
export const STATES = ['new', 'stale', 'translated', 'reviewed', 'final'] as const;
export type State = (typeof STATES)[number];
export const PROVENANCES = ['human', 'tm', 'mt', 'pseudo'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Rank on the progress scale; stale counts as not translated. */
export function stateRank(state: State): number {
  switch (state) {
    case 'new':
    case 'stale':
      return 0;
    case 'translated':
      return 1;
    case 'reviewed':
      return 2;
    case 'final':
      return 3;
  }
}

export function isTranslated(state: State): boolean {
  return stateRank(state) >= 1;
}

/** A segment's life in one target language. */
export interface Unit {
  state: State;
  provenance?: Provenance;
  /** For `stale`: the translation of the previous source sentence, kept as a suggestion. */
  suggestion?: string;
  /** For `stale`: the source sentence that `suggestion` translated. */
  previousSource?: string;
  /** Translator notes carried over from XLIFF. */
  notes?: string[];
}

/** A problem found in input or output: data, not an exception (see STYLE.md). */
/**
 * A message as data: a key of the `cli` i18next namespace (src/i18n/cli/<lang>.json) and its
 * values. Library code builds these instead of sentences; the CLI renders them in the editor's
 * language, and `english()` (src/i18n) gives the text for library users, logs and `--json`.
 */
export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
  /** `message` and `hint` as i18next keys and values, for the CLI to print in the editor's language. */
  i18n?: { message: Message; hint?: Message };
}
