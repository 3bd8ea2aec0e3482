/**
 * Typography applied when an edition is assembled, per language, so translators never have to
 * type invisible characters. Pure and idempotent: `typeset(typeset(s, l), l) === typeset(s, l)`.
 *
 * French follows the Imprimerie nationale (Lexique des règles typographiques en usage à
 * l'Imprimerie nationale):
 *   - U+202F NARROW NO-BREAK SPACE (espace fine insécable) before ; ! ?
 *   - U+00A0 NO-BREAK SPACE (espace-mot insécable) before : and inside « » (after «, before »)
 * An ordinary space already there is replaced, never doubled; a missing one is added only where
 * the sign is clearly punctuation (a word before it, a space or the end after it), so that
 * URLs, e-mail addresses, @handles, #hashtags, times (14:30), ratios, Markdown syntax and
 * emoticons are left alone.
 *
 * Italian writes « » without inner spaces: spaces typed inside them are removed.
 * English and Arabic: nothing (English keeps its curly quotes as written; Arabic has none of
 * the Latin rules). The source-language edition never goes through here at all.
 */

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

/** Horizontal spaces a translator may have typed (or a previous pass written) around signs. */
const HSPACE = /[ \t\u00A0\u2009\u202F]/;
const TRAILING_HSPACE = /[ \t\u00A0\u2009\u202F]+$/;

/**
 * Spans no typographic rule may touch: code and link syntax of Markdown, HTML tags, URLs,
 * e-mail addresses, @handles and #hashtags, times and ratios.
 */
const PROTECTED: readonly (readonly [RegExp, string])[] = [
  // Each pattern with a string that any match contains: most sentences hold none of them, and
  // looking for a character costs far less than running the pattern (the spans are the same).
  [/`[^`\n]*`/g, '`'], // Markdown code span
  [/<[^<>\s][^<>]*>/g, '<'], // autolink <https://…> or HTML tag
  [/\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/g, ']('], // Markdown link destination ](…)
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)\]’'”]/giu, '://'], // URL with a scheme
  [/\bmailto:[^\s<>"«»]*[^\s<>"«».,;:!?)\]’'”]/giu, ':'],
  [/\bwww\.[^\s<>"«»]*[^\s<>"«».,;:!?)\]’'”]/giu, '.'],
  [/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"«»]*[^\s<>"«».,;:!?)\]’'”]/giu, '/'], // pic.twitter.com/g5bbaN5LzK
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, '@'], // e-mail address
  [/[@#][\p{L}\p{N}_]+/gu, ''], // @handle, #hashtag (guarded below: @ or #)
  [/\d+(?:[:.h]\d+)*:\d+/gu, ':'], // 14:30, 14:30:05, 3:1
];

export interface Span {
  start: number;
  end: number;
}

/** The protected spans of `text`, sorted and merged. */
export function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [re, needle] of PROTECTED) {
    if (needle === '' ? !text.includes('@') && !text.includes('#') : !text.includes(needle)) continue;
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  if (spans.length === 0) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** A character that can carry punctuation after it: a letter, digit, closing quote or bracket. */
const CARRIER = /[\p{L}\p{N}\p{M}»)\]"”’'…]/u;
/** What may follow a high sign (; : ! ?) when it is punctuation: a space, the end, a closer, another sign. */
const AFTER_HIGH = /^(?:$|[\s»)\]"”’'!?.…])/u;
/** After : or ; a closing bracket makes an emoticon, ":)" or ";)", not punctuation. */
const EMOTICON = /^[-']?[()[\]DPp]/u;

function lastChar(s: string): string | undefined {
  const chars = [...s];
  return chars.at(-1);
}

/**
 * French: one pass over the text, copying protected spans verbatim. Each rule replaces the
 * spaces already there by the right one, so a second pass finds nothing to change.
 */
function typesetFrench(text: string): string {
  const spans = protectedSpans(text);
  let out = '';
  let s = 0; // next protected span
  let i = 0;
  while (i < text.length) {
    const span = spans[s];
    if (span && i === span.start) {
      out += text.slice(span.start, span.end);
      i = span.end;
      s++;
      continue;
    }
    const c = text[i]!;
    if (c === ';' || c === '!' || c === '?' || c === ':') {
      const next = text.slice(i + 1);
      const before = out.replace(TRAILING_HSPACE, '');
      const hadSpace = before.length < out.length;
      const prev = lastChar(before);
      // Only punctuation gets a space: a word (or a space) before it, a space or the end after it.
      if (prev !== undefined && AFTER_HIGH.test(next) && !((c === ':' || c === ';') && EMOTICON.test(next)) && (hadSpace ? prev !== '«' : CARRIER.test(prev))) {
        out = before + (c === ':' ? NBSP : NNBSP) + c;
      } else out += c;
      i++;
      continue;
    }
    if (c === '«') {
      let j = i + 1;
      while (j < text.length && HSPACE.test(text[j]!)) j++;
      // «…» with content after the mark: exactly one no-break space; a lone « at the end is left as typed.
      if (j < text.length && text[j] !== '»' && text[j] !== '\n') {
        out += '«' + NBSP;
        i = j;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    if (c === '»') {
      const before = out.replace(TRAILING_HSPACE, '');
      const prev = lastChar(before);
      if (prev !== undefined && prev !== '«' && prev !== '\n') out = before + NBSP + '»';
      else out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Italian: « » as the translator typed them, without spaces inside. */
function typesetItalian(text: string): string {
  const spans = protectedSpans(text);
  const inSpan = (at: number): boolean => spans.some((sp) => at >= sp.start && at < sp.end);
  return text
    .replace(/«[ \t\u00A0\u2009\u202F]+(?=[^\s»])/g, (m, at: number) => (inSpan(at) ? m : '«'))
    .replace(/(?<=[^\s«])[ \t\u00A0\u2009\u202F]+»/g, (m, at: number) => (inSpan(at + m.length - 1) ? m : '»'));
}

function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The edition's typography for one sentence (or any run of text) in language `lang`
 * (a BCP 47 tag). Idempotent; languages without rules come back unchanged.
 */
export function typeset(text: string, lang: string): string {
  switch (primaryLanguage(lang)) {
    case 'fr':
      return typesetFrench(text);
    case 'it':
      return typesetItalian(text);
    default:
      return text;
  }
}

/** Scripts written without spaces between sentences (Chinese, Japanese). */
const NO_SPACE_SCRIPTS = new Set(['Hani', 'Hans', 'Hant', 'Jpan', 'Hira', 'Kana', 'Yiii']);
const NO_SPACE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Yi}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;
/** Characters that say nothing about the script: punctuation, symbols, digits, marks, spaces, bidi controls. */
const NEUTRAL = /[\p{P}\p{S}\p{N}\p{M}\p{Z}\p{Cf}\s]/u;

const spaceless = new Map<string, boolean>();

function languageIsSpaceless(lang: string): boolean {
  let known = spaceless.get(lang);
  if (known !== undefined) return known;
  try {
    const script = new Intl.Locale(lang).maximize().script;
    known = script !== undefined && NO_SPACE_SCRIPTS.has(script);
  } catch {
    known = false;
  }
  spaceless.set(lang, known);
  return known;
}

/** Whether the text at this edge (end or start) is in a script written without spaces. */
function edgeIsSpaceless(text: string, fromEnd: boolean, lang: string): boolean {
  // Character by character from the edge (code points, never the whole text at once): the
  // first character that is not neutral decides, and it is nearly always the first one.
  if (fromEnd) {
    for (let i = text.length; i > 0; ) {
      let start = i - 1;
      const low = text.charCodeAt(start);
      if (low >= 0xdc00 && low <= 0xdfff && start > 0) {
        const high = text.charCodeAt(start - 1);
        if (high >= 0xd800 && high <= 0xdbff) start--;
      }
      const ch = text.slice(start, i);
      if (NO_SPACE_CHAR.test(ch)) return true;
      if (!NEUTRAL.test(ch)) return false;
      i = start;
    }
  } else {
    for (const ch of text) {
      if (NO_SPACE_CHAR.test(ch)) return true;
      if (!NEUTRAL.test(ch)) return false;
    }
  }
  return languageIsSpaceless(lang);
}

/**
 * What goes between two sentences of one paragraph: a space, except between two sentences in a
 * script written without spaces (Chinese, Japanese), where nothing does. A fallback sentence
 * in another script therefore keeps its space.
 */
export function sentenceJoiner(left: string, right: string, lang: string): string {
  return edgeIsSpaceless(left, true, lang) && edgeIsSpaceless(right, false, lang) ? '' : ' ';
}

/** Part of a paragraph: a sentence, or the separator the source had between two sentences. */
export type JoinPart = { sentence: string } | { separator: string; keepLineBreak?: boolean; fixed?: boolean };

/**
 * Joins a paragraph's sentences: each sentence is trimmed, and a separator that is only
 * white space becomes the script's joiner (`sentenceJoiner`), so there is never a doubled or a
 * missing space where sentences meet, whatever the translator typed at either end. A separator
 * with a line break is kept when `keepLineBreak` is set (Markdown soft breaks, `> ` markers); one
 * with other text in it, or marked `fixed` (a block boundary), is kept as it is. An empty
 * sentence takes no joiner: its neighbours are joined once.
 * Returns the parts' texts, in order, so the caller can mark each one up.
 */
export function joinSentences(parts: readonly JoinPart[], lang: string): string[] {
  const texts = parts.map((p) => ('sentence' in p ? p.sentence.replace(/^\s+|\s+$/gu, '') : p.separator));
  const sentenceAt = (i: number): string | undefined => {
    const p = parts[i];
    return p && 'sentence' in p ? texts[i] : undefined;
  };
  parts.forEach((p, i) => {
    if ('sentence' in p || p.fixed) return;
    const left = sentenceAt(i - 1);
    const right = sentenceAt(i + 1);
    if (left === undefined || right === undefined) return; // not between two sentences: as written
    if (!/^\s*$/u.test(p.separator)) return;
    if (p.keepLineBreak && p.separator.includes('\n')) return;
    if (right === '') {
      texts[i] = ''; // the joint after the last non-empty sentence comes later, if at all
      return;
    }
    // Join with the nearest non-empty sentence on the left, through empty ones.
    let k = i - 1;
    while (k >= 0 && sentenceAt(k) === '' && k - 1 >= 0 && !('sentence' in parts[k - 1]!) && /^\s*$/u.test((parts[k - 1] as { separator: string }).separator)) k -= 2;
    const before = sentenceAt(k);
    texts[i] = before ? sentenceJoiner(before, right, lang) : '';
  });
  return texts;
}

/** True when `s` holds a horizontal space character (for tests and checks). */
export function hasHorizontalSpace(s: string): boolean {
  return HSPACE.test(s);
}
