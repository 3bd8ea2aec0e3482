/**
 * XLIFF 2.0 / 2.1 writer (core). Hand-written for the same reasons as write12.ts: the `xliff`
 * package's js2xliff keeps no segment `state`/`subState` and indents mixed content.
 */
import { alignTarget, encodeInline, type InlinePart } from '../inline.js';
import type { ExchangeFile, ExchangeMatch, ExchangeStream } from './model.js';
import { toSubState, toXliff2State } from './states.js';
import { escapeAttr as a, escapeText, INVALID_XML_CHARS } from './xml.js';

/** Escapes text, refusing characters XML cannot carry (the article parser reports them first). */
function t(s: string): string {
  if (INVALID_XML_CHARS.test(s)) throw new Error(`text holds a character XML cannot carry: ${JSON.stringify(s)}`);
  return escapeText(s);
}

/** The text each code stands for, once per code (a pair has a start and an end). */
function originalData(parts: readonly InlinePart[]): [string, string][] {
  const out: [string, string][] = [];
  for (const p of parts) {
    if (typeof p === 'string') continue;
    out.push([p.kind === 'close' ? `d${p.id}e` : `d${p.id}`, p.data]);
  }
  return out;
}

/** Codes as `ph` and `pc` pointing into originalData; `disp` shows a placeholder's text in CAT tools. */
function content(parts: readonly InlinePart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += t(p);
    else if (p.kind === 'ph') out += `<ph id="${p.id}" dataRef="d${p.id}" disp="${a(p.data)}"/>`;
    else if (p.kind === 'open') out += `<pc id="${p.id}" dataRefStart="d${p.id}" dataRefEnd="d${p.id}e">`;
    else out += '</pc>';
  }
  return out;
}

const SEGMENT_ID = 'seg';
const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';

/**
 * Memory matches as the Translation Candidates module: one <mtc:match> each, with its own
 * originalData for the codes it holds. The codes take the ids of the unit's own codes (same kind
 * and text), so a tool can reuse them; a code the unit lacks stays text.
 */
function writeMatches(codes: readonly InlinePart[], matches: readonly ExchangeMatch[]): string[] {
  const out = [`      <mtc:matches xmlns:mtc="${NS_MTC}">`];
  matches.forEach((m, i) => {
    const source = alignTarget(codes, m.source);
    const target = alignTarget(codes, m.target);
    const score = Math.floor(m.score).toFixed(1);
    out.push(`        <mtc:match id="m${i + 1}" matchQuality="${score}" similarity="${score}" type="tm" origin="${a(m.origin)}" ref="#${SEGMENT_ID}">`);
    const data = new Map([...originalData(source), ...originalData(target)]);
    if (data.size > 0) {
      out.push('          <originalData>');
      for (const [id, d] of data) out.push(`            <data id="${id}">${t(d)}</data>`);
      out.push('          </originalData>');
    }
    out.push(`          <source>${content(source)}</source>`);
    out.push(`          <target>${content(target)}</target>`);
    out.push('        </mtc:match>');
  });
  out.push('      </mtc:matches>');
  return out;
}

/** Units per piece of `xliff20Pieces`: about 80 KB of XML for sentences of news length. */
const UNITS_PER_PIECE = 100;

export function writeXliff20(file: ExchangeFile, version: '2.0' | '2.1' = '2.0'): string {
  let out = '';
  for (const piece of xliff20Pieces(file, version)) out += piece;
  return out;
}

/**
 * The file `writeXliff20` writes, in pieces of `UNITS_PER_PIECE` units that concatenate to the
 * same string. A 100,001-sentence article's file is 80 MB: held as an array of lines, then
 * joined, it was part of why that export peaked at 1,125 MB; the export now writes the pieces
 * to disk as they come (FileTransaction.writePieces).
 */
export function* xliff20Pieces(file: ExchangeStream, version: '2.0' | '2.1' = '2.0'): Generator<string> {
  // Every line ends in a newline: each piece is its lines joined, and one more.
  let out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="${version}" srcLang="${a(file.sourceLang)}" trgLang="${a(file.targetLang)}">`,
  );
  out.push(`  <file id="${a(file.article)}" original="${a(file.article)}">`);
  if (file.notes.length > 0) {
    out.push('    <notes>');
    for (const n of file.notes) out.push(`      <note category="context">${t(n)}</note>`);
    out.push('    </notes>');
  }
  let inPiece = 0;
  for (const u of file.units) {
    if (inPiece++ === UNITS_PER_PIECE) {
      yield out.join('\n') + '\n';
      out = [];
      inPiece = 1;
    }
    out.push(`    <unit id="${a(u.id)}" name="${a(u.id)}"${u.translate ? '' : ' translate="no"'} xml:space="preserve">`);
    const codes = encodeInline(u.source);
    const matches = u.matches ?? [];
    if (matches.length > 0) out.push(...writeMatches(codes, matches));
    if (u.notes.length > 0) {
      out.push('      <notes>');
      for (const n of u.notes) out.push(`        <note category="context">${t(n)}</note>`);
      out.push('      </notes>');
    }
    const target = u.target !== undefined ? alignTarget(codes, u.target) : undefined;
    const data = originalData(codes);
    if (data.length > 0) {
      out.push('      <originalData>');
      for (const [id, d] of data) out.push(`        <data id="${id}">${t(d)}</data>`);
      out.push('      </originalData>');
    }
    let seg = `state="${toXliff2State(u.target === undefined ? 'new' : u.state)}"`;
    const sub = u.target !== undefined ? toSubState(u.provenance) : undefined;
    if (sub) seg += ` subState="${a(sub)}"`;
    // The matches point at the segment they translate (mtc:match/@ref). Code ids are numbers,
    // so "seg" cannot clash with one.
    if (matches.length > 0) seg = `id="${SEGMENT_ID}" ${seg}`;
    out.push(`      <segment ${seg}>`);
    out.push(`        <source>${content(codes)}</source>`);
    if (target !== undefined) out.push(`        <target>${content(target)}</target>`);
    out.push('      </segment>');
    out.push('    </unit>');
  }
  out.push('  </file>');
  out.push('</xliff>');
  yield out.join('\n') + '\n';
}
