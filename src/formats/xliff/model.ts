/**
 * The exchange model shared by the XLIFF 1.2 and 2.x codecs: one file per article and
 * target language, one unit per segment. Pure data.
 */
import type { Lang, Provenance, State } from '../../core/types.js';
import type { TargetPart } from '../inline.js';

export type XliffVersion = '1.2' | '2.0' | '2.1';

export interface ExchangeUnit {
  id: string;
  source: string;
  target?: string;
  state: State;
  provenance?: Provenance;
  translate: boolean;
  /** Context for the translator, one note each (headline, position, neighbours…). */
  notes: string[];
  /**
   * Translation-memory matches offered beside the unit, best first: 1.2 `<alt-trans>`, 2.x
   * `<mtc:match>` (see tm/leverage.ts). Readers skip them: they are suggestions, not the target.
   */
  matches?: ExchangeMatch[];
}

/** A similar sentence from the memory and its translation (Markdown inline text, as `source`). */
export interface ExchangeMatch {
  source: string;
  target: string;
  /** Similarity of `source` to the unit's source, 0–100 (tm/similarity.ts). */
  score: number;
  /** Where it comes from: "tessera-tm". */
  origin: string;
}

export interface ExchangeFile {
  /** The article's slug: XLIFF 1.2 `file/@original`, 2.x `file/@id`. */
  article: string;
  sourceLang: Lang;
  targetLang: Lang;
  /** File-level notes: the article's headline and date. */
  notes: string[];
  units: ExchangeUnit[];
}

/**
 * An exchange file whose units may come one at a time (a generator), for the writers' pieces:
 * a large article's units are made and written a window at a time (pipeline/steps/export.ts).
 */
export interface ExchangeStream extends Omit<ExchangeFile, 'units'> {
  units: readonly ExchangeUnit[] | Iterable<ExchangeUnit>;
}

/** What a translator's file says about one unit, before it is checked against the project. */
export interface ReadUnit {
  id: string;
  /** The source as text: each inline code as the text it stands for (when the file says). */
  source: string;
  /** The source's text runs and inline codes (absent for units built by hand: plain text). */
  sourceParts?: TargetPart[];
  /** Absent when the unit has no target (or every segment's target is missing). Same form as `source`. */
  target?: string;
  targetParts?: TargetPart[];
  /** Our state, mapped from the file's states (see states.ts). */
  state: State;
  provenance?: Provenance;
  translate: boolean;
  notes: string[];
  line: number;
  column: number;
}

export interface ReadFile {
  version: XliffVersion;
  article: string;
  sourceLang: string;
  targetLang: string;
  units: ReadUnit[];
  line: number;
  column: number;
}
