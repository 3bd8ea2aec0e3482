/**
 * Pseudo-translation, pure: English text made to look translated so that an edition shows, before
 * any translator has worked, what translation will do to it — longer text, accented letters,
 * right-to-left script — and where text escaped translation (it stays plain English).
 *
 * Microsoft's pseudo-locales (Windows NLS; also the .NET and Android conventions):
 *  - `qps-ploc`, accented: every ASCII letter becomes an accented one that still reads
 *    (a→å, e→é, n→ñ…), the sentence is padded to about 35% longer (Microsoft and IBM plan for
 *    30–40% on sentence-length strings; short strings grow more), and it is wrapped in [ ] so a
 *    cut-off or a concatenation shows: "[Ţĥé çåţ šåţ öñ ţĥé ɱåţ. !!! !!]".
 *  - `qps-plocm`, mirrored (right to left): every word that holds a letter is wrapped
 *    RLM RLO … PDF RLM, as Android's ar-XB pseudo-locale does, so it is laid out right to left
 *    and reads mirrored; the page is dir="rtl" (build). Same brackets and padding.
 *
 * What is never touched: inline codes (formats/inline.ts: links' markup, URLs, e-mail addresses,
 * @handles, #hashtags, code, HTML) — only the text runs between them are transformed — and,
 * inside the runs, digits, punctuation, Markdown entity references and backslash escapes. The
 * result is checked: its inline codes must read back exactly as the source's, else a more
 * cautious form is taken (see `pseudoTranslate`).
 *
 * Deterministic (no randomness, no clock) and idempotent: transforming a pseudo-translation
 * again gives it back unchanged (accents map to themselves, mirrored words are left as they
 * are, and the bracket shell that this module would have written is recognised and rebuilt).
 */
import { decodeInline, encodeInline, type InlinePart } from '../formats/inline.js';
import type { PseudoLang } from '../core/types.js';

/** ASCII letter → an accented letter that still reads as it (one code point each, NFC-stable). */
export const ACCENTS: Readonly<Record<string, string>> = Object.freeze({
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
});

export const RLM = '\u200F';
export const RLO = '\u202E';
export const PDF = '\u202C';

/** Directional marks, embeddings, overrides and isolates: not counted as visible length. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Markdown that must stay byte for byte inside a text run: entity references and backslash escapes. */
const VERBATIM = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\[!-/:-@[-`{-~]/g;

/** Applies `f` to the text outside entity references and backslash escapes. */
function outsideVerbatim(text: string, f: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(VERBATIM)) {
    out += f(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + f(text.slice(at));
}

/** qps-ploc's letters: a→å, E→É…; everything else (digits, punctuation, other scripts) as it is. */
export function accent(text: string): string {
  return outsideVerbatim(text, (s) => s.replace(/[A-Za-z]/g, (c) => ACCENTS[c]!));
}

/** Which ends of a text run touch an inline code with no space between (see `mirror`). */
export interface Touch {
  start: boolean;
  end: boolean;
}

/**
 * qps-plocm's words: each run of non-space characters that holds a letter wrapped
 * RLM RLO … PDF RLM (Android's ar-XB), so it is laid out right to left, mirrored. Numbers stay
 * as they are (right-to-left languages write them left to right). A word already wrapped is
 * left alone; so is a word that touches an inline code, where a control character would become
 * part of a URL or change what the code's markup means.
 */
export function mirror(text: string, touch: Touch = { start: false, end: false }): string {
  const tokens = text.match(/\s+|\S+/gu) ?? [];
  return tokens
    .map((tok, i) => {
      if (/^\s/u.test(tok) || !/\p{L}/u.test(tok)) return tok;
      if (tok.startsWith(RLM + RLO) && tok.endsWith(PDF + RLM)) return tok;
      if ((i === 0 && touch.start) || (i === tokens.length - 1 && touch.end)) return tok;
      return RLM + RLO + tok + PDF + RLM;
    })
    .join('');
}

/** The expansion the padding aims at, on the sentence's visible length. */
export const EXPANSION = 0.35;

/** Inline codes a reader sees as text (and so count in the length); link and emphasis markup does not show. */
const SHOWN = new Set(['url', 'email', 'handle', 'hashtag', 'code']);

/** Visible length in code points: text runs without bidi controls, plus the codes that show as text. */
export function visibleLength(parts: readonly InlinePart[]): number {
  let n = 0;
  for (const p of parts) {
    if (typeof p === 'string') n += [...p.replace(BIDI_CONTROLS, '')].length;
    else if (p.kind === 'ph' && SHOWN.has(p.type)) n += [...p.data].length;
  }
  return n;
}

/**
 * The padding for a sentence of `length` visible characters: "!!! !!! !…", so that with the
 * brackets and the space before it the sentence grows by ceil(35%) — at least 4 characters,
 * so short strings grow more, as Microsoft's pseudo-locale does.
 */
export function padding(length: number): string {
  const n = Math.max(1, Math.ceil(length * EXPANSION) - 3);
  const pad = '!!! '.repeat(Math.ceil(n / 4) + 1).slice(0, n);
  return pad.endsWith(' ') ? `${pad.slice(0, -1)}!` : pad;
}

function mergeParts(parts: readonly InlinePart[]): InlinePart[] {
  const out: InlinePart[] = [];
  for (const p of parts) {
    if (p === '') continue;
    if (typeof p === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

/** "[" + the sentence + " " + padding + "]", the padding sized on `length`. */
function shell(inner: readonly InlinePart[], length: number): InlinePart[] {
  return mergeParts(['[', ...inner, ` ${padding(length)}]`]);
}

/** The sentence inside a shell that `shell` wrote (exactly that shell, nothing else), or undefined. */
function unshell(parts: readonly InlinePart[]): InlinePart[] | undefined {
  const first = parts[0];
  const last = parts.at(-1);
  if (typeof first !== 'string' || typeof last !== 'string' || !first.startsWith('[') || !last.endsWith(']')) return undefined;
  const inner = [...parts];
  inner[0] = first.slice(1);
  const tail = inner.at(-1) as string; // ends with "]", like `last`
  const whole = decodeInline(parts);
  // The padding is "!" and spaces; the space before it is the last one that leaves only those.
  for (let p = tail.length - 2; p >= 0; p--) {
    const c = tail[p];
    if (c === ' ') {
      const candidate = mergeParts([...inner.slice(0, -1), tail.slice(0, p)]);
      if (decodeInline(shell(candidate, visibleLength(candidate))) === whole) return candidate;
    } else if (c !== '!') break;
  }
  return undefined;
}

/** True when the text already is a pseudo-translation's shell: "[… !!!]" as this module writes it. */
export function hasPseudoShell(text: string): boolean {
  return unshell(encodeInline(text)) !== undefined;
}

export interface PseudoLocale {
  code: PseudoLang;
  /** The direction its editions are set in. */
  dir: 'ltr' | 'rtl';
  /** One line for help and reports. */
  description: string;
  /** Transforms one text run (never an inline code). */
  run(text: string, touch: Touch): string;
}

export const PSEUDO_LOCALES: Readonly<Record<PseudoLang, PseudoLocale>> = Object.freeze({
  'qps-ploc': { code: 'qps-ploc', dir: 'ltr', description: 'accented, 35% longer, in [ ]', run: (text: string) => accent(text) },
  'qps-plocm': { code: 'qps-plocm', dir: 'rtl', description: 'right to left (RLO-mirrored words), 35% longer, in [ ]', run: (text: string, touch: Touch) => mirror(text, touch) },
});

/**
 * The text runs transformed, the codes as they are. `touch` says which codes a run's ends count
 * as touching (see `mirror`): the placeholders only (a URL, e-mail, @handle, #hashtag, code or
 * HTML, whose text a control character would join), or every code (emphasis and link markup too).
 */
function transformRuns(parts: readonly InlinePart[], locale: PseudoLocale, touch: 'placeholders' | 'codes'): InlinePart[] {
  const touches = (p: InlinePart | undefined): boolean => p !== undefined && typeof p !== 'string' && (touch === 'codes' || p.kind === 'ph');
  return parts.map((p, i) =>
    typeof p === 'string' ? locale.run(p, { start: touches(parts[i - 1]) && !/^\s/u.test(p), end: touches(parts[i + 1]) && !/\s$/u.test(p) }) : p,
  );
}

/** The inline codes of a Markdown sentence, as kind, type and text, in order. */
function codeSignature(parts: readonly InlinePart[]): string {
  return JSON.stringify(parts.flatMap((p) => (typeof p === 'string' ? [] : [[p.kind, p.type, p.data]])));
}

/** The sentence's text runs pseudo-translated, its codes as they are, in the shell: parts in, parts out. */
export function pseudoParts(parts: readonly InlinePart[], code: PseudoLang, touch: 'placeholders' | 'codes' = 'placeholders'): InlinePart[] {
  const inner = unshell(parts) ?? [...parts];
  return shell(transformRuns(inner, PSEUDO_LOCALES[code], touch), visibleLength(inner));
}

/**
 * A sentence (Markdown inline text, as stored in locales/) pseudo-translated into `code`. The
 * result has the source's inline codes, byte for byte and in order: the codes read back from it
 * (formats/inline.ts encodeInline) are the source's. The first of these that keeps them is taken:
 * in the brackets, mirroring words next to emphasis and link markup; in the brackets, leaving
 * those words as they are; without the brackets (they made a link out of a stray "](…)").
 */
export function pseudoTranslate(text: string, code: PseudoLang): string {
  const source = encodeInline(text);
  const signature = codeSignature(source);
  const inner = unshell(source) ?? source;
  const candidates = [
    () => pseudoParts(source, code, 'placeholders'),
    () => pseudoParts(source, code, 'codes'),
    () => transformRuns(inner, PSEUDO_LOCALES[code], 'codes'),
  ];
  let last = text;
  for (const make of candidates) {
    last = decodeInline(make());
    if (codeSignature(encodeInline(last)) === signature) return last;
  }
  return last; // codes the import will report as lost: never silently wrong
}
