/**
 * Finds the numbers, dates and times of a sentence, per language, as comparable keys. Pure.
 *
 * Each item carries `keys`, canonical forms it may stand for ("n2000", "d2018-11-13",
 * "t15:00"), and `altKeys`, what it would mean under the other decimal convention (so that
 * "2,000" in an Italian text, which reads 2, can still be recognised as the English 2,000 and
 * reported as a separator problem rather than as a wrong number).
 *
 * Conventions: English and Arabic with Western digits group with "," and mark decimals with
 * "."; Italian and French group with "." (French also with a space) and mark decimals with ",";
 * a no-break or thin space (U+00A0, U+202F, U+2009) groups digits in every language. Arabic-
 * Indic digits (٠–٩, and the Persian ۰–۹) are read as digits, U+066C ٬ as the group separator
 * and U+066B ٫ as the decimal separator.
 */
import type { Lang } from '../core/types.js';
import { MONTHS, SCALE_WORDS } from './locale-data.js';
import { BIDI_CONTROL, scanVerbatim } from './text.js';

export type NumericKind = 'number' | 'date' | 'time';

export interface NumericItem {
  kind: NumericKind;
  /** As written in the sentence. */
  text: string;
  /** Canonical keys this item matches: n<value>, d<yyyy>-<mm>-<dd> (? for a missing part), t<hh>:<mm>. */
  keys: string[];
  /** Keys under the other decimal convention; matching on them is a separator problem. */
  altKeys: string[];
  /** True when the text does not parse under the language's own convention at all. */
  foreign?: boolean;
  start: number;
  end: number;
}

/** Digits and separators of every script as ASCII, one UTF-16 unit for one (offsets hold). */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Canonical decimal form: no leading zeros, no trailing fractional zeros. */
export function canonical(value: number): string {
  return String(Number(value.toPrecision(15)));
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NOT_LETTER_BEFORE = String.raw`(?<![\p{L}\p{M}])`;
const NOT_LETTER_AFTER = String.raw`(?![\p{L}\p{M}])`;

interface MonthPattern {
  source: string;
  index: Map<string, number>;
  flags: string;
}

const monthCache = new Map<Lang, MonthPattern>();

function monthPattern(lang: Lang): MonthPattern {
  const cached = monthCache.get(lang);
  if (cached) return cached;
  const index = new Map<string, number>();
  MONTHS[lang].forEach((names, i) => {
    for (const n of names) {
      index.set(n.toLowerCase(), i + 1);
      if (lang === 'en') index.set(n.toUpperCase().toLowerCase(), i + 1);
    }
  });
  const all = MONTHS[lang].flat();
  // English month names are capitalised (lower-case "may" and "march" are verbs); the other
  // languages write them in lower case, or capitalised at the start of a sentence.
  const names = lang === 'en' ? [...all, ...all.map((n) => n.toUpperCase())] : all;
  const alternation = [...new Set(names)].sort((a, b) => b.length - a.length).map(esc).join('|');
  const one = `(?:${alternation})\\.?`;
  const p: MonthPattern = {
    // Arabic papers often give two names of one month: "نوفمبر/تشرين الثاني".
    source: `${NOT_LETTER_BEFORE}(${one}(?:\\s*/\\s*${one})?)${NOT_LETTER_AFTER}`,
    index,
    flags: lang === 'en' || lang === 'ar' ? 'gu' : 'giu',
  };
  monthCache.set(lang, p);
  return p;
}

function monthNumber(lang: Lang, name: string): number | undefined {
  const first = name.split('/')[0]!.trim().replace(/\.$/, '').toLowerCase();
  return monthPattern(lang).index.get(first);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dateKey(y: string | undefined, m: number | undefined, d: string | undefined): string {
  return `d${y ?? '????'}-${m ? pad(m) : '??'}-${d ? pad(Number(d)) : '??'}`;
}

interface Cut {
  items: NumericItem[];
  rest: string;
}

/** Runs `re` over `text`, turns each match into an item (or not), and blanks what it took. */
function take(text: string, re: RegExp, make: (m: RegExpMatchArray) => Omit<NumericItem, 'start' | 'end' | 'text'> | undefined): Cut {
  const items: NumericItem[] = [];
  let rest = text;
  for (const m of text.matchAll(re)) {
    const item = make(m);
    if (!item) continue;
    items.push({ ...item, text: m[0].trim(), start: m.index, end: m.index + m[0].length });
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  return { items, rest };
}

const validDay = (d: string | undefined): boolean => d === undefined || (Number(d) >= 1 && Number(d) <= 31);

function dates(text: string, lang: Lang): Cut {
  const M = monthPattern(lang);
  const D = String.raw`(?<!\d)(\d{1,2})`;
  const Y = String.raw`(\d{4})(?!\d)`;
  const S = String.raw`\s+`;
  const patterns: { re: string; order: 'mdy' | 'dmy' | 'my' }[] =
    lang === 'en'
      ? [
          { re: `${M.source}${S}${D}(?:st|nd|rd|th)?(?!\\d)(?:,?${S}${Y})?`, order: 'mdy' },
          { re: `${D}(?:st|nd|rd|th)?${S}(?:of${S})?${M.source}(?:,?${S}${Y})?`, order: 'dmy' },
          { re: `${M.source},?${S}${Y}`, order: 'my' },
        ]
      : [
          { re: `${D}(?:er|re|e|º|°|ª)?${S}(?:من${S})?${M.source}(?:,?${S}(?:(?:del|de|عام|سنة)${S})?${Y})?`, order: 'dmy' },
          { re: `${M.source}${S}(?:(?:del|de|عام|سنة)${S})?${Y}`, order: 'my' },
        ];
  const items: NumericItem[] = [];
  let rest = text;
  for (const p of patterns) {
    const cut = take(rest, new RegExp(p.re, M.flags), (m) => {
      const [month, day, year] = p.order === 'mdy' ? [m[1], m[2], m[3]] : p.order === 'dmy' ? [m[2], m[1], m[3]] : [m[1], undefined, m[2]];
      const n = monthNumber(lang, month ?? '');
      if (!n || !validDay(day)) return undefined;
      return { kind: 'date', keys: [dateKey(year, n, day)], altKeys: [] };
    });
    items.push(...cut.items);
    rest = cut.rest;
  }
  // Numeric dates: ISO everywhere; day/month/year outside English, month/day/year in English.
  const iso = take(rest, /(?<![\d.,/])(\d{4})-(\d{2})-(\d{2})(?![\d])/g, (m) => ({ kind: 'date', keys: [dateKey(m[1], Number(m[2]), m[3])], altKeys: [] }));
  items.push(...iso.items);
  const numeric = take(iso.rest, /(?<![\d.,/])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d])/g, (m) => {
    const [d, mo] = lang === 'en' ? [m[3], Number(m[1])] : [m[1], Number(m[3])];
    if (mo < 1 || mo > 12 || !validDay(d)) return undefined;
    return { kind: 'date', keys: [dateKey(m[4], mo, d)], altKeys: [] };
  });
  items.push(...numeric.items);
  return { items, rest: numeric.rest };
}

function timeKey(h: number, m: number): string {
  return `t${pad(h)}:${pad(m)}`;
}

/** Keys for an hour that may be morning or afternoon. */
function bothHalves(h: number, m: number): string[] {
  return h >= 1 && h <= 11 ? [timeKey(h, m), timeKey(h + 12, m)] : h === 12 ? [timeKey(12, m), timeKey(0, m)] : [timeKey(h, m)];
}

const validTime = (h: number, m: number): boolean => h >= 0 && h <= 24 && m >= 0 && m < 60;

function times(text: string, lang: Lang): Cut {
  const items: NumericItem[] = [];
  let rest = text;
  const run = (re: RegExp, make: (m: RegExpMatchArray) => Omit<NumericItem, 'start' | 'end' | 'text'> | undefined): void => {
    const cut = take(rest, re, make);
    items.push(...cut.items);
    rest = cut.rest;
  };
  const hm = (m: RegExpMatchArray): [number, number] => [Number(m[1]), Number(m[2] ?? 0)];
  if (lang === 'en') {
    // 3 p.m., 3pm, 3:30 PM, 11 a.m.
    run(/(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m(?:\.|(?![\p{L}]))/giu, (m) => {
      const [h, min] = hm(m);
      if (h < 1 || h > 12 || min > 59) return undefined;
      const pm = m[3]!.toLowerCase() === 'p';
      return { kind: 'time', keys: [timeKey((h % 12) + (pm ? 12 : 0), min)], altKeys: [] };
    });
  }
  if (lang === 'ar') {
    const part = '(صباح|مساء|ظهر|عصر|ليل|فجر)[\u064b]?ا?[\u064b]?';
    run(new RegExp(String.raw`(?<![\d.,:])(\d{1,2})(?::(\d{2}))?\s*(?:من\s+)?(?:ال)?${part}`, 'gu'), (m) => {
      const [h, min] = hm(m);
      if (!validTime(h, min)) return undefined;
      const when = m[3]!;
      const keys = when === 'صباح' || when === 'فجر' ? [timeKey(h % 12, min)] : when === 'مساء' || when === 'عصر' ? [timeKey(h >= 12 ? h : h + 12, min)] : bothHalves(h, min);
      return { kind: 'time', keys, altKeys: [] };
    });
    run(/الساعة\s+(\d{1,2})(?::(\d{2}))?(?!\d|[.,:]\d)/gu, (m) => {
      const [h, min] = hm(m);
      if (!validTime(h, min)) return undefined;
      return { kind: 'time', keys: [...bothHalves(h, min), `n${h}`], altKeys: [] };
    });
  }
  if (lang === 'fr') {
    // 15h, 15 h, 15h30, 15 h 30
    run(/(?<![\d.,:])(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\d])/gu, (m) => {
      const [h, min] = hm(m);
      if (!validTime(h, min)) return undefined;
      return { kind: 'time', keys: m[2] ? [timeKey(h, min)] : [timeKey(h, 0), `n${h}`], altKeys: [] };
    });
  }
  if (lang === 'it') {
    // alle 15, ore 15, dalle 9: a time, or a number after "alle" (Italian "to the").
    run(/(?<![\p{L}])(?:alle|ore|dalle|entro le)\s+(\d{1,2})(?:[:.](\d{2}))?(?!\d|[.,:]\d)/giu, (m) => {
      const [h, min] = hm(m);
      if (!validTime(h, min)) return undefined;
      return { kind: 'time', keys: [...(m[2] ? [timeKey(h, min)] : bothHalves(h, min)), ...(m[2] ? [] : [`n${h}`])], altKeys: [] };
    });
  }
  // 15:00 everywhere; 15.00 is a time in Italian, whose decimals take a comma.
  const sep = lang === 'it' ? '[:.]' : ':';
  run(new RegExp(String.raw`(?<![\d.,:])(\d{1,2})${sep}(\d{2})(?![\d]|[.,:]\d)`, 'gu'), (m) => {
    const [h, min] = hm(m);
    if (!validTime(h, min)) return undefined;
    // A 12-hour clock is common in English without a.m./p.m.
    return { kind: 'time', keys: lang === 'en' ? bothHalves(h, min) : [timeKey(h, min)], altKeys: [] };
  });
  return { items, rest };
}

type Convention = 'point' | 'comma';

/** The value of a run of digits and separators under a convention, or undefined if it does not parse. */
function valueUnder(runs: readonly string[], seps: readonly string[], conv: Convention): number | undefined {
  const decimal = conv === 'point' ? '.' : ',';
  const group = conv === 'point' ? ',' : '.';
  let intPart = runs[0]!;
  let frac = '';
  for (let i = 0; i < seps.length; i++) {
    const s = seps[i]!;
    const next = runs[i + 1]!;
    const last = i === seps.length - 1;
    if (s === decimal) {
      if (!last) return undefined;
      frac = next;
    } else if (s === group || /\s/u.test(s)) {
      if (runs[0]!.length > 3 || next.length !== 3) return undefined;
      intPart += next;
    } else return undefined;
  }
  return Number(frac ? `${intPart}.${frac}` : intPart);
}

function numbers(text: string, lang: Lang): NumericItem[] {
  const own: Convention = lang === 'it' || lang === 'fr' ? 'comma' : 'point';
  const other: Convention = own === 'point' ? 'comma' : 'point';
  // French groups thousands with a plain space too; a no-break or thin space groups everywhere.
  const spaces = lang === 'fr' ? ' \u00a0\u202f\u2009' : '\u00a0\u202f\u2009';
  const scales = SCALE_WORDS[lang];
  const scaleRe = new RegExp(String.raw`^\s+(${Object.keys(scales).map(esc).join('|')})${NOT_LETTER_AFTER}`, 'iu');
  const items: NumericItem[] = [];
  const re = new RegExp(String.raw`(?<!\d)\d+(?:(?:[.,]|[${spaces}])\d+)*`, 'gu');
  for (const m of text.matchAll(re)) {
    // Cut at spaces that cannot be digit grouping ("2011 300": the first group is too long).
    const parts = m[0].split(/([.,]|[\s\u00a0\u202f\u2009])/u);
    const tokens: { runs: string[]; seps: string[]; start: number }[] = [];
    let at = m.index;
    let cur = { runs: [parts[0]!], seps: [] as string[], start: at };
    at += parts[0]!.length;
    for (let i = 1; i < parts.length; i += 2) {
      const sep = parts[i]!;
      const run = parts[i + 1]!;
      const grouping = /\s/u.test(sep) && (cur.runs[0]!.length > 3 || run.length !== 3 || cur.seps.some((s) => !/\s/u.test(s)));
      if (grouping) {
        tokens.push(cur);
        cur = { runs: [run], seps: [], start: at + sep.length };
      } else {
        cur.runs.push(run);
        cur.seps.push(sep);
      }
      at += sep.length + run.length;
    }
    tokens.push(cur);
    for (const t of tokens) {
      const raw = t.runs.map((r, i) => (i ? t.seps[i - 1]! : '') + r).join('');
      let mine = valueUnder(t.runs, t.seps, own);
      const theirs = valueUnder(t.runs, t.seps, other);
      // A bare integer, or one that parses only under the other convention.
      const foreign = mine === undefined && theirs !== undefined;
      if (mine === undefined && theirs === undefined) {
        // "1.2.3": neither convention; each run is a number of its own.
        let at = t.start;
        t.runs.forEach((r, i) => {
          items.push({ kind: 'number', text: r, keys: [`n${canonical(Number(r))}`], altKeys: [], start: at, end: at + r.length });
          at += r.length + (t.seps[i]?.length ?? 0);
        });
        continue;
      }
      const after = text.slice(t.start + raw.length);
      const scale = scaleRe.exec(after);
      const factor = scale ? scales[scale[1]!.toLowerCase()] : undefined;
      const withScale = (v: number | undefined): string[] => (v === undefined ? [] : factor ? [`n${canonical(v)}`, `n${canonical(v * factor)}`] : [`n${canonical(v)}`]);
      if (foreign) mine = undefined;
      const keys = withScale(mine);
      const altKeys = theirs !== undefined && theirs !== mine ? withScale(theirs) : [];
      items.push({ kind: 'number', text: raw, keys, altKeys, ...(foreign ? { foreign } : {}), start: t.start, end: t.start + raw.length });
    }
  }
  return items;
}

/**
 * The numbers, dates and times of `text` in `lang`, in order. URLs, e-mail addresses, handles,
 * hashtags and code are left out (their digits are checked verbatim elsewhere).
 */
export function extractNumerics(text: string, lang: Lang): NumericItem[] {
  const original = text.replace(BIDI_CONTROL, '');
  // Same length as `original` (masking and digit mapping replace one unit by one), so offsets hold.
  const plain = asciiDigits(scanVerbatim(original).masked);
  const t = times(plain, lang);
  const d = dates(t.rest, lang);
  const n = numbers(d.rest, lang);
  return [...t.items, ...d.items, ...n].sort((a, b) => a.start - b.start).map((item) => ({ ...item, text: original.slice(item.start, item.end).trim() }));
}
