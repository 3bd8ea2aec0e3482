/**
 * XLIFF 1.2 writer (strict schema). Written by hand rather than with the `xliff` package's
 * jsToXliff12: that one drops `target/@state`, and its pretty-printer indents inside
 * `<source>`/`<target>`, which injects whitespace into mixed content. Here every element that
 * carries text is written on one line, with `xml:space="preserve"`, so what the translator
 * sees is exactly the sentence. Deterministic: no dates, no tool versions, fixed attribute order.
 */
import { alignTarget, encodeInline, type InlinePart } from '../inline.js';
import type { ExchangeFile } from './model.js';
import { toXliff12State } from './states.js';
import { escapeAttr as a, escapeText, INVALID_XML_CHARS } from './xml.js';

/** Escapes text, refusing characters XML cannot carry (the article parser reports them first). */
function t(s: string): string {
  if (INVALID_XML_CHARS.test(s)) throw new Error(`text holds a character XML cannot carry: ${JSON.stringify(s)}`);
  return escapeText(s);
}

export interface Write12Options {
  /** Pre-fill empty targets with the source (OmegaT 3.x translates the text in `<target>`). */
  prefill?: boolean;
}

export function writeXliff12(file: ExchangeFile, options: Write12Options = {}): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
  out.push(
    `  <file original="${a(file.article)}" source-language="${a(file.sourceLang)}" target-language="${a(file.targetLang)}" datatype="plaintext" tool-id="tessera">`,
  );
  out.push('    <header>');
  out.push('      <tool tool-id="tessera" tool-name="Tessera"/>');
  for (const n of file.notes) out.push(`      <note from="tessera">${t(n)}</note>`);
  out.push('    </header>');
  out.push('    <body>');
  for (const u of file.units) {
    const st = toXliff12State(u.state);
    let attrs = `id="${a(u.id)}" resname="${a(u.id)}"`;
    if (st.approved && u.target !== undefined) attrs += ` approved="${st.approved}"`;
    if (!u.translate) attrs += ' translate="no"';
    attrs += ' xml:space="preserve"';
    out.push(`      <trans-unit ${attrs}>`);
    const codes = encodeInline(u.source);
    out.push(`        <source xml:lang="${a(file.sourceLang)}">${content(codes)}</source>`);
    const target = u.target ?? (options.prefill ? u.source : undefined);
    if (target !== undefined) {
      const state = u.target !== undefined ? st.state : 'new';
      const prov = u.provenance && u.target !== undefined ? ` state-qualifier="${qualifier(u.provenance)}"` : '';
      out.push(`        <target xml:lang="${a(file.targetLang)}" state="${state}"${prov}>${content(alignTarget(codes, target))}</target>`);
    }
    for (const n of u.notes) out.push(`        <note from="tessera">${t(n)}</note>`);
    // Memory matches, where CAT tools look for them. Their codes take the ids of the unit's own
    // codes (same kind and text), so a tool can reuse them; a code the unit lacks stays text.
    for (const m of u.matches ?? []) {
      out.push(`        <alt-trans match-quality="${Math.floor(m.score)}" origin="${a(m.origin)}">`);
      out.push(`          <source xml:lang="${a(file.sourceLang)}">${content(alignTarget(codes, m.source))}</source>`);
      out.push(`          <target xml:lang="${a(file.targetLang)}">${content(alignTarget(codes, m.target))}</target>`);
      out.push('        </alt-trans>');
    }
    out.push('      </trans-unit>');
  }
  out.push('    </body>');
  out.push('  </file>');
  out.push('</xliff>');
  return out.join('\n') + '\n';
}

/**
 * Text and inline codes. Codes carry the text they stand for as element content (`ph`, `bpt`,
 * `ept`), which Translate Toolkit shows and OmegaT keeps; an empty `<x/>` would vanish in PO.
 */
function content(parts: readonly InlinePart[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return t(p);
      const ctype = CTYPE[p.type] ?? `x-${p.type}`;
      if (p.kind === 'ph') return `<ph id="${p.id}" ctype="${ctype}">${t(p.data)}</ph>`;
      if (p.kind === 'open') return `<bpt id="${p.id}" ctype="${ctype}">${t(p.data)}</bpt>`;
      return `<ept id="${p.id}">${t(p.data)}</ept>`;
    })
    .join('');
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
