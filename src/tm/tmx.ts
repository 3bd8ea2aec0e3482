/**
 * The memory ⇄ TMX 1.4b (pure; the XML codec is formats/tmx.ts).
 *
 * Inline codes, two ways (`tags`):
 *  - `tmx` (default): TMX's own inline elements — `<ph>` for a placeholder, `<bpt>`/`<ept>` for a
 *    pair — holding the Markdown they stand for, with `x`/`i` tying a translation's codes to the
 *    source's. Lossless (reading it back gives the Markdown byte for byte), and what Trados,
 *    memoQ, Okapi and Translate Toolkit expect of a level-2 TMX.
 *  - `omegat`: OmegaT's tag shortcuts as plain text (`&lt;l0/&gt;`), exactly as OmegaT writes its
 *    own project_save.tmx. OmegaT 3.6 reads a foreign TMX at "level 1" by default: it drops what
 *    is inside <ph>/<bpt>/<ept>, so a sentence with codes never matches exactly from a `tmx` file
 *    (sentences without codes do); from an `omegat` file every sentence does.
 * Each <tu> carries the entry's state and articles as <prop type="x-tessera-state"> and
 * <prop type="x-tessera-article">, so a TMX written here reads back as the same entries.
 *
 * Reading: a variant with inline elements becomes Markdown (each code as its text); a variant
 * with shortcuts in its text (OmegaT's memories) is mapped back through the codes of the
 * sentence whose OmegaT view its source is, when the project knows that sentence; otherwise the
 * entry is kept as the plain text it is.
 */
import { diagnostic, inputError, msg } from '../core/errors.js';
import type { Message } from '../core/types.js';
import type { Diagnostic, Lang } from '../core/types.js';
import { isLang, SOURCE_LANG, TARGET_LANGS } from '../core/types.js';
import { alignTarget, encodeInline, hasCodes, type InlinePart } from '../formats/inline.js';
import { readTmx, tmxHasCodes, tmxText, writeTmx, type TmxDocument, type TmxPart } from '../formats/tmx.js';
import { isTmState, normalise, type TmEntry } from './memory.js';
import { fromOmegat, hasShortcuts, omegatTarget, omegatText } from './shortcuts.js';

import { TMX_TAGS } from '../core/choices.js';
export { TMX_TAGS };
export type TmxTags = (typeof TMX_TAGS)[number];

const STATE_PROP = 'x-tessera-state';
const ARTICLE_PROP = 'x-tessera-article';

/** TMX 1.4b's recommended `type` values where one fits; x- otherwise. */
const TYPES: Record<string, string> = { bold: 'bold', italic: 'italic', link: 'link', image: 'image', break: 'lb' };

function toTmx(parts: readonly InlinePart[]): TmxPart[] {
  return parts.map((p) => (typeof p === 'string' ? p : { kind: p.kind, id: p.id, type: TYPES[p.type] ?? `x-${p.type}`, data: p.data }));
}

export interface WriteOptions {
  tags?: TmxTags;
  /** creationtoolversion (Tessera's version). */
  version: string;
}

/** One language pair's memory as TMX 1.4b, one <tu> per entry, in the memory's order. */
export function memoryToTmx(lang: Lang, entries: readonly TmEntry[], options: WriteOptions): string {
  const tags = options.tags ?? 'tmx';
  return writeTmx({
    header: { creationtool: 'Tessera', creationtoolversion: options.version, segtype: 'sentence', oTmf: 'tessera-tm/1', adminlang: 'en', srclang: SOURCE_LANG, datatype: 'plaintext' },
    units: entries.map((e) => {
      const codes = encodeInline(e.source);
      const source: TmxPart[] = tags === 'omegat' ? [omegatText(e.source)] : toTmx(codes);
      const target: TmxPart[] = tags === 'omegat' ? [omegatTarget(e.source, e.target)] : toTmx(alignTarget(codes, e.target));
      return {
        props: [{ type: STATE_PROP, value: e.state }, ...e.articles.map((a) => ({ type: ARTICLE_PROP, value: a }))],
        variants: [
          { lang: SOURCE_LANG, parts: source },
          { lang, parts: target },
        ],
      };
    }),
  });
}

/** The project's sentences in OmegaT's view, for mapping shortcuts back: OmegaT text → Markdown. */
export function omegatKeys(sentences: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sentences) {
    if (!hasCodes(encodeInline(s))) continue;
    const key = normalise(omegatText(s));
    if (!out.has(key)) out.set(key, s);
  }
  return out;
}

export interface TmxRead {
  /** Entries per target language. */
  entries: Map<Lang, TmEntry[]>;
  /** Units read, and units that gave no entry (no English variant, or no variant in a project language). */
  units: number;
  ignored: number;
  diagnostics: Diagnostic[];
}

function langOf(tag: string): Lang | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(base) ? base : undefined;
}

/**
 * Reads a TMX file into memory entries. `known` maps OmegaT's view of each sentence the project
 * knows to its Markdown (omegatKeys). Malformed files throw an InputError (formats/tmx.ts); a
 * source language other than English too.
 */
export function tmxToEntries(content: string, file: string, known: Map<string, string>): TmxRead {
  const doc: TmxDocument = readTmx(content, file);
  const src = doc.header.srclang;
  if (src !== '*all*' && langOf(src) !== SOURCE_LANG) {
    throw inputError(msg('errors.tmx.srclang', { lang: src, expected: SOURCE_LANG }), { file }, msg('errors.tmx.srclangHint'), 'tmx-language');
  }
  const out: TmxRead = { entries: new Map(), units: doc.units.length, ignored: 0, diagnostics: [] };
  for (const tu of doc.units) {
    const source = tu.variants.find((v) => langOf(v.lang) === SOURCE_LANG);
    const targets = tu.variants.filter((v) => {
      const l = langOf(v.lang);
      return l !== undefined && TARGET_LANGS.includes(l);
    });
    if (!source || targets.length === 0) {
      out.ignored++;
      continue;
    }
    const stateProp = tu.props.find((p) => p.type === STATE_PROP)?.value;
    const state = isTmState(stateProp) ? stateProp : 'translated';
    const articles = tu.props.filter((p) => p.type === ARTICLE_PROP && /^[a-z0-9-]+$/.test(p.value)).map((p) => p.value);
    for (const v of targets) {
      const entry = toEntry(source.parts, v.parts, known);
      if ('problem' in entry) {
        out.diagnostics.push(diagnostic('warning', entry.rule, msg('tm.tagsDoNotFit', { problem: entry.problem }), { file, line: tu.line, column: tu.column }));
      }
      const lang = langOf(v.lang)!;
      const list = out.entries.get(lang) ?? [];
      list.push({ source: entry.source, target: entry.target, state, articles });
      out.entries.set(lang, list);
    }
  }
  return out;
}

function toEntry(source: TmxPart[], target: TmxPart[], known: Map<string, string>): { source: string; target: string } | { source: string; target: string; problem: Message; rule: string } {
  const s = tmxText(source);
  const t = tmxText(target);
  if (tmxHasCodes(source) || !(hasShortcuts(s) || hasShortcuts(t))) return { source: s, target: t };
  const markdown = known.get(normalise(s));
  if (markdown === undefined) return { source: s, target: t };
  const mapped = fromOmegat(markdown, t);
  if ('problem' in mapped) return { source: s, target: t, problem: mapped.problem.message, rule: mapped.problem.rule };
  return { source: markdown, target: mapped.text };
}
