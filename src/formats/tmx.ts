/**
 * TMX 1.4b (GALA/LISA Translation Memory eXchange), a pure codec: text ⇄ translation units.
 *
 * Reading uses saxes (strict, never fetches or expands entities). Refused with an InputError
 * naming file, line and column: text that is not well-formed XML, a root that is not <tmx>,
 * a DOCTYPE with an internal subset or naming anything but TMX's own DTD (OmegaT writes
 * `<!DOCTYPE tmx SYSTEM "tmx11.dtd">`, which is accepted and never loaded), a missing <header>
 * or srclang, a <tu> without <tuv>, a <tuv> without language or <seg>, and unknown elements.
 * TMX 1.1–1.4 files are read alike (1.1 writes `lang`, 1.4 `xml:lang`).
 *
 * Inline content (level 2) is kept as parts: text, and codes — `bpt`/`ept` pairs (by `i`), `ph`,
 * `it` (isolated: an open or a close by `pos`) and the deprecated `ut` — each with the native
 * text it holds (a `sub` inside a code is part of that text). `hi` is transparent.
 */
import { SaxesParser } from 'saxes';
import { inputError, msg } from '../core/errors.js';
import type { Message } from '../core/types.js';
import { escapeAttr, escapeText, INVALID_XML_CHARS } from './xliff/xml.js';

export interface TmxCode {
  kind: 'ph' | 'open' | 'close';
  /** `x` (ph, bpt, it) or `i` (bpt/ept pairing), when the file gives one. */
  id?: string;
  /** `type`, when the file gives one. */
  type?: string;
  /** The native text the code holds. */
  data: string;
}

export type TmxPart = string | TmxCode;

export interface TmxProp {
  type: string;
  value: string;
}

export interface TmxVariant {
  lang: string;
  parts: TmxPart[];
}

export interface TmxUnit {
  props: TmxProp[];
  variants: TmxVariant[];
  line: number;
  column: number;
}

export interface TmxHeader {
  creationtool: string;
  creationtoolversion: string;
  segtype: string;
  oTmf: string;
  adminlang: string;
  srclang: string;
  datatype: string;
}

export interface TmxDocument {
  version: string;
  header: TmxHeader;
  units: TmxUnit[];
}

/** The text of parts: each code as the native text it holds. */
export function tmxText(parts: readonly TmxPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.data)).join('');
}

/** True when parts hold inline codes. */
export function tmxHasCodes(parts: readonly TmxPart[]): boolean {
  return parts.some((p) => typeof p !== 'string');
}

const DOCTYPE = /^\s*tmx\s+(?:SYSTEM\s+("[^"[\]]*"|'[^'[\]]*')|PUBLIC\s+("[^"[\]]*"|'[^'[\]]*')\s+("[^"[\]]*"|'[^'[\]]*'))\s*$/;

export function readTmx(content: string, file: string): TmxDocument {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (message: Message, hint?: Message): never => {
    throw inputError(message, { file, line: parser.line, column: parser.column + 1 }, hint, 'tmx');
  };
  let version: string | undefined;
  let header: TmxHeader | undefined;
  const units: TmxUnit[] = [];
  const stack: string[] = [];
  let tu: TmxUnit | undefined;
  let tuv: TmxVariant | undefined;
  let prop: TmxProp | undefined;
  let inSeg = false;
  let seenSeg = false;
  /** Open inline elements inside <seg>: the code collecting text, if any. */
  const inline: { name: string; code?: TmxCode }[] = [];
  const collecting = (): TmxCode | undefined => inline.find((i) => i.code)?.code;

  parser.on('doctype', (doctype) => {
    // A DTD reference is harmless (saxes never loads it); an internal subset could declare
    // entities, so it is refused, as is a DOCTYPE for anything but <tmx>.
    if (!DOCTYPE.test(doctype) || !/tmx1\d\.dtd["']\s*$/i.test(doctype)) {
      fail(msg('errors.tmx.doctype', { doctype }), msg('errors.tmx.doctypeHint'));
    }
  });
  parser.on('error', (err) => {
    const detail = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    fail(msg('errors.xml.notWellFormed', { detail }), msg('errors.tmx.damaged'));
  });

  parser.on('opentag', (tag) => {
    const name = tag.name;
    const attr = (n: string): string | undefined => {
      const v = tag.attributes[n];
      return typeof v === 'string' ? v : undefined;
    };
    const parent = stack.at(-1);
    stack.push(name);
    if (inSeg) {
      switch (name) {
        case 'bpt':
        case 'ph':
        case 'ut':
        case 'it': {
          if (collecting()) fail(msg('errors.tmx.nestedCode', { name }), msg('errors.tmx.nestedCodeHint'));
          const kind = name === 'bpt' ? 'open' : name === 'it' ? (attr('pos') === 'end' ? 'close' : 'open') : 'ph';
          const code: TmxCode = { kind, data: '' };
          const id = name === 'bpt' ? attr('i') ?? attr('x') : attr('x');
          if (id !== undefined) code.id = id;
          const type = attr('type');
          if (type !== undefined) code.type = type;
          if (name === 'bpt' && attr('i') === undefined) fail(msg('errors.tmx.bptNoI'), msg('errors.tmx.bptNoIHint'));
          tuv!.parts.push(code);
          inline.push({ name, code });
          return;
        }
        case 'ept': {
          if (collecting()) fail(msg('errors.tmx.eptNested'));
          const i = attr('i');
          if (i === undefined) fail(msg('errors.tmx.eptNoI'), msg('errors.tmx.eptNoIHint'));
          const code: TmxCode = { kind: 'close', id: i!, data: '' };
          tuv!.parts.push(code);
          inline.push({ name, code });
          return;
        }
        case 'sub':
          if (!collecting()) fail(msg('errors.tmx.subOutside'), msg('errors.tmx.subOutsideHint'));
          inline.push({ name });
          return;
        case 'hi':
          if (collecting()) fail(msg('errors.tmx.hiNested'));
          inline.push({ name });
          return;
        default:
          fail(msg('errors.tmx.notInline', { name }), msg('errors.tmx.notInlineHint'));
      }
    }
    if (stack.length === 1) {
      if (name !== 'tmx') fail(msg('errors.tmx.root', { name }), msg('errors.tmx.giveTmx'));
      version = attr('version');
      if (!version || !/^1\.[1-4]b?$/.test(version)) fail(msg('errors.tmx.version', { version: version ?? '' }), msg('errors.tmx.versionHint'));
      return;
    }
    switch (name) {
      case 'header':
        if (parent !== 'tmx') break;
        header = {
          creationtool: attr('creationtool') ?? '',
          creationtoolversion: attr('creationtoolversion') ?? '',
          segtype: attr('segtype') ?? '',
          oTmf: attr('o-tmf') ?? '',
          adminlang: attr('adminlang') ?? '',
          srclang: attr('srclang') ?? '',
          datatype: attr('datatype') ?? '',
        };
        if (!header.srclang) fail(msg('errors.tmx.noSrclang'), msg('errors.tmx.noSrclangHint'));
        return;
      case 'body':
        if (parent !== 'tmx') break;
        if (!header) fail(msg('errors.tmx.bodyFirst'), msg('errors.tmx.bodyFirstHint'));
        return;
      case 'tu':
        if (parent !== 'body') break;
        tu = { props: [], variants: [], line: parser.line, column: parser.column + 1 };
        return;
      case 'tuv': {
        if (parent !== 'tu') break;
        const lang = attr('xml:lang') ?? attr('lang');
        if (!lang) fail(msg('errors.tmx.noLang'), msg('errors.tmx.noLangHint'));
        tuv = { lang: lang!, parts: [] };
        seenSeg = false;
        return;
      }
      case 'seg':
        if (parent !== 'tuv') break;
        if (seenSeg) fail(msg('errors.tmx.twoSegs'));
        inSeg = true;
        seenSeg = true;
        return;
      case 'prop':
        if (parent === 'tu') prop = { type: attr('type') ?? '', value: '' };
        if (parent === 'tu' || parent === 'tuv' || parent === 'header') return;
        break;
      case 'note':
        if (parent === 'tu' || parent === 'tuv' || parent === 'header') return;
        break;
      case 'ude':
      case 'map':
        if (parent === 'header' || parent === 'ude') return;
        break;
    }
    fail(parent ? msg('errors.tmx.unexpectedInside', { name, parent }) : msg('errors.tmx.unexpected', { name }), msg('errors.tmx.unexpectedHint'));
  });

  const onText = (text: string): void => {
    if (inSeg) {
      const code = collecting();
      if (code) code.data += text;
      else if (typeof tuv!.parts.at(-1) === 'string') tuv!.parts[tuv!.parts.length - 1] += text;
      else tuv!.parts.push(text);
    } else if (prop) prop.value += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    const name = stack.pop();
    if (inSeg && name !== 'seg') {
      inline.pop();
      return;
    }
    switch (name) {
      case 'seg':
        inSeg = false;
        return;
      case 'tuv':
        if (!seenSeg) fail(msg('errors.tmx.noSeg'));
        tu!.variants.push(tuv!);
        tuv = undefined;
        return;
      case 'tu':
        if (tu!.variants.length === 0) fail(msg('errors.tmx.noTuv'), msg('errors.tmx.noTuvHint'));
        units.push(tu!);
        tu = undefined;
        return;
      case 'prop':
        if (prop && tu) tu.props.push(prop);
        prop = undefined;
        return;
      default:
        return;
    }
  });

  parser.write(content).close();
  if (!version) fail(msg('errors.tmx.empty'), msg('errors.tmx.giveTmx'));
  if (!header) fail(msg('errors.tmx.noHeader'), msg('errors.tmx.noHeaderHint'));
  return { version: version!, header: header!, units };
}

/** Escapes text, refusing characters XML cannot carry. */
function t(s: string): string {
  if (INVALID_XML_CHARS.test(s)) throw new Error(`text holds a character XML cannot carry: ${JSON.stringify(s)}`);
  return escapeText(s);
}

function seg(parts: readonly TmxPart[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return t(p);
      const type = p.type !== undefined ? ` type="${escapeAttr(p.type)}"` : '';
      const x = p.id !== undefined ? ` x="${escapeAttr(p.id)}"` : '';
      if (p.kind === 'ph') return `<ph${x}${type}>${t(p.data)}</ph>`;
      if (p.kind === 'open') return `<bpt i="${escapeAttr(p.id ?? '')}"${x}${type}>${t(p.data)}</bpt>`;
      return `<ept i="${escapeAttr(p.id ?? '')}">${t(p.data)}</ept>`;
    })
    .join('');
}

/**
 * Writes TMX 1.4b. Deterministic: no dates, fixed attribute order, units in the order given,
 * each <seg> on one line (white space inside a <seg> is text). Pairs need an `id` (their `i`).
 */
export function writeTmx(doc: { header: TmxHeader; units: readonly Omit<TmxUnit, 'line' | 'column'>[] }): string {
  const h = doc.header;
  const a = escapeAttr;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<tmx version="1.4">');
  out.push(
    `  <header creationtool="${a(h.creationtool)}" creationtoolversion="${a(h.creationtoolversion)}" segtype="${a(h.segtype)}" o-tmf="${a(h.oTmf)}" adminlang="${a(h.adminlang)}" srclang="${a(h.srclang)}" datatype="${a(h.datatype)}"/>`,
  );
  out.push('  <body>');
  for (const u of doc.units) {
    out.push('    <tu>');
    for (const p of u.props) out.push(`      <prop type="${a(p.type)}">${t(p.value)}</prop>`);
    for (const v of u.variants) out.push(`      <tuv xml:lang="${a(v.lang)}"><seg>${seg(v.parts)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>');
  out.push('</tmx>');
  return out.join('\n') + '\n';
}
