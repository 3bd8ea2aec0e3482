/**
 * XLIFF 1.2 writer (strict schema). Written by hand rather than with the `xliff` package's
 * jsToXliff12: that one drops `target/@state`, and its pretty-printer indents inside
 * `<source>`/`<target>`, which injects whitespace into mixed content. Here every element that
 * carries text is written on one line, with `xml:space="preserve"`, so what the translator
 * sees is exactly the sentence. Deterministic: no dates, no tool versions, fixed attribute order.
 */
import { alignTarget, encodeInline, type InlinePart } from '../inline.js';
import type { ExchangeFile, ExchangeStream, ExchangeUnit } from './model.js';
import { toXliff12State } from './states.js';
import { escapeAttr as a, escapeText, INVALID_XML_CHARS } from './xml.js';

/** Characters that need a look: those escaping changes and those XML cannot carry. */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes text, refusing characters XML cannot carry (the article parser reports them first). */
function t(s: string): string {
  if (!SPECIAL.test(s)) return s; // most text: one scan, no copy
  if (INVALID_XML_CHARS.test(s)) throw new Error(`text holds a character XML cannot carry: ${JSON.stringify(s)}`);
  return escapeText(s);
}

/**
 * A source sentence's codes and its XML, by sentence. An article's files (one per language)
 * carry the same sentences: each is encoded and escaped once. Bounded, and a pure function of
 * the sentence, so output never depends on what came before.
 */
const sources = new Map<string, { codes: InlinePart[]; xml: string }>();

function sourceOf(text: string): { codes: InlinePart[]; xml: string } {
  let s = sources.get(text);
  if (!s) {
    if (sources.size >= 4096) sources.clear();
    const codes = encodeInline(text);
    s = { codes, xml: content(codes) };
    sources.set(text, s);
  }
  return s;
}

export interface Write12Options {
  /** Pre-fill empty targets with the source (OmegaT 3.x translates the text in `<target>`). */
  prefill?: boolean;
}

export function writeXliff12(file: ExchangeFile, options: Write12Options = {}): string {
  // One string built by concatenation: the files are many and large, and an array of pieces
  // joined at the end costs a second copy of each.
  let out = '';
  for (const piece of xliff12Pieces(file, options)) out += piece;
  return out;
}

/**
 * The file `writeXliff12` writes, in pieces of `UNITS_PER_PIECE` units that concatenate to the
 * same string. A 100,001-sentence article's file is 57-77 MB: the export writes the pieces to
 * disk as they come (FileTransaction.writePieces) rather than holding the file as one string.
 */
export function* xliff12Pieces(file: ExchangeStream, options: Write12Options = {}): Generator<string> {
  const src = a(file.sourceLang);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n';
  out += `  <file original="${a(file.article)}" source-language="${src}" target-language="${a(file.targetLang)}" datatype="plaintext" tool-id="tessera">\n`;
  out += '    <header>\n      <tool tool-id="tessera" tool-name="Tessera"/>\n';
  for (const n of file.notes) out += `      <note from="tessera">${t(n)}</note>\n`;
  out += '    </header>\n    <body>\n';
  yield out;
  yield* body(file, options.prefill ?? false);
  yield '    </body>\n  </file>\n</xliff>\n';
}

/** Units per piece of `xliff12Pieces`: about 60 KB of XML for sentences of news length. */
const UNITS_PER_PIECE = 100;

/** The most units a body kept for the next language may hold (see `last`). */
const KEPT_UNITS = 1000;

/**
 * The last body written, with what it was made of (a copy: callers may change their units
 * afterwards). An article's files for its languages usually hold the same units, with no
 * target and no match: then the body does not depend on the language, and the next
 * language's file reuses it. Still a pure function of its inputs. Only bodies of up to
 * `KEPT_UNITS` units are kept: a large article's (57 MB for 100,001 sentences) would stay in
 * memory after its export, and is made again for each language instead.
 */
let last: { key: unknown[]; xml: string } | undefined;

function* body(file: ExchangeStream, prefill: boolean): Generator<string> {
  if (isArray(file.units)) {
    // Only a target or a match says the target language; prefilling gives every unit a target.
    const keep = !prefill && file.units.length <= KEPT_UNITS && file.units.every((u) => u.target === undefined && (u.matches ?? []).length === 0);
    if (keep) {
      if (last && sameKey(last.key, file.sourceLang, file.units)) {
        yield last.xml;
        return;
      }
      const key: unknown[] = [file.sourceLang, file.units.length];
      for (const u of file.units) key.push(u.id, u.source, u.state, u.translate, u.notes.length, ...u.notes);
      const xml = units(file, file.units, prefill);
      last = { key, xml };
      yield xml;
      return;
    }
  }
  let batch: ExchangeUnit[] = [];
  for (const u of file.units) {
    batch.push(u);
    if (batch.length < UNITS_PER_PIECE) continue;
    yield units(file, batch, prefill);
    batch = [];
  }
  if (batch.length > 0) yield units(file, batch, prefill);
}

/** Array.isArray, which TypeScript does not narrow from a union with a readonly array. */
function isArray<T>(units: readonly T[] | Iterable<T>): units is readonly T[] {
  return Array.isArray(units);
}

/** Whether units (without targets or matches) in `sourceLang` are those `key` was made of. */
function sameKey(key: readonly unknown[], sourceLang: string, list: readonly ExchangeUnit[]): boolean {
  if (key[0] !== sourceLang || key[1] !== list.length) return false;
  let k = 2;
  for (const u of list) {
    if (key[k++] !== u.id || key[k++] !== u.source || key[k++] !== u.state || key[k++] !== u.translate || key[k++] !== u.notes.length) return false;
    for (const n of u.notes) if (key[k++] !== n) return false;
  }
  return k === key.length;
}

/** `list`'s trans-units. */
function units(file: ExchangeStream, list: readonly ExchangeUnit[], prefill: boolean): string {
  const src = a(file.sourceLang);
  const trg = a(file.targetLang);
  let out = '';
  for (const u of list) {
    const st = toXliff12State(u.state);
    const id = a(u.id);
    out += `      <trans-unit id="${id}" resname="${id}"`;
    if (st.approved && u.target !== undefined) out += ` approved="${st.approved}"`;
    if (!u.translate) out += ' translate="no"';
    out += ' xml:space="preserve">\n';
    const source = sourceOf(u.source);
    const codes = source.codes;
    out += `        <source xml:lang="${src}">${source.xml}</source>\n`;
    const target = u.target ?? (prefill ? u.source : undefined);
    if (target !== undefined) {
      const state = u.target !== undefined ? st.state : 'new';
      const prov = u.provenance && u.target !== undefined ? ` state-qualifier="${qualifier(u.provenance)}"` : '';
      out += `        <target xml:lang="${trg}" state="${state}"${prov}>${content(alignTarget(codes, target))}</target>\n`;
    }
    for (const n of u.notes) out += `        <note from="tessera">${t(n)}</note>\n`;
    // Memory matches, where CAT tools look for them. Their codes take the ids of the unit's own
    // codes (same kind and text), so a tool can reuse them; a code the unit lacks stays text.
    for (const m of u.matches ?? []) {
      out += `        <alt-trans match-quality="${Math.floor(m.score)}" origin="${a(m.origin)}">\n`;
      out += `          <source xml:lang="${src}">${content(alignTarget(codes, m.source))}</source>\n`;
      out += `          <target xml:lang="${trg}">${content(alignTarget(codes, m.target))}</target>\n`;
      out += '        </alt-trans>\n';
    }
    out += '      </trans-unit>\n';
  }
  return out;
}

/**
 * Text and inline codes. Codes carry the text they stand for as element content (`ph`, `bpt`,
 * `ept`), which Translate Toolkit shows and OmegaT keeps; an empty `<x/>` would vanish in PO.
 */
function content(parts: readonly InlinePart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      out += t(p);
      continue;
    }
    const ctype = CTYPE[p.type] ?? `x-${p.type}`;
    if (p.kind === 'ph') out += `<ph id="${p.id}" ctype="${ctype}">${t(p.data)}</ph>`;
    else if (p.kind === 'open') out += `<bpt id="${p.id}" ctype="${ctype}">${t(p.data)}</bpt>`;
    else out += `<ept id="${p.id}">${t(p.data)}</ept>`;
  }
  return out;
}

/** XLIFF 1.2's predefined ctype values where one fits (section 4.3.5); x- otherwise. */
const CTYPE: Record<string, string> = { bold: 'bold', italic: 'italic', link: 'link', image: 'image', break: 'lb' };

/** XLIFF 1.2's closest state-qualifiers for our provenance. */
function qualifier(p: NonNullable<ExchangeFile['units'][number]['provenance']>): string {
  switch (p) {
    case 'tm':
      return 'exact-match';
    case 'mt':
      return 'mt-suggestion';
    case 'pseudo':
      return 'x-pseudo';
    case 'human':
      return 'x-human';
  }
}
