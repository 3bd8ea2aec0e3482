/**
 * numbers: every number, date and time of the source is in the translation, and the
 * translation adds none. Locale-aware (see numeric.ts): 2,000 = 2.000 = 2 000 = ٢٬٠٠٠ and
 * 2.5 = 2,5 = ٢٫٥; "November 13, 2018" = "13 novembre 2018" = "13 نوفمبر 2018"; 3 p.m. = 15:00
 * = 15h = ٣ مساءً. A number written out in words on the other side is a warning, and so is
 * a number written with the other language's separators (2,000 in Italian reads as 2).
 */
import { NUMBER_WORDS, ARABIC_PREFIXES } from './locale-data.js';
import { extractNumerics, type NumericItem } from './numeric.js';
import { about, msg, problem } from './problem.js';
import type { Check, CheckContext, Problem } from './types.js';
import { words } from './text.js';
import type { Lang, Message } from '../core/types.js';

/** The language's name, as the messages use it ("written the Italian way", "in Italian reads as"). */
const LANG_NAME: Record<Lang, Message> = {
  en: msg('checks.numbers.language.en'),
  it: msg('checks.numbers.language.it'),
  fr: msg('checks.numbers.language.fr'),
  ar: msg('checks.numbers.language.ar'),
};

/** Maximum matching of source items to target items sharing a key (Kuhn's augmenting paths). */
function match(src: readonly NumericItem[], tgt: readonly NumericItem[], keysOf: (t: NumericItem) => string[], srcFree: boolean[], tgtFree: boolean[], pairs: Map<number, number>): void {
  const owner = new Map<number, number>(); // target index → source index, this round
  const edges = src.map((s, i) => (srcFree[i] ? tgt.map((t, j) => (tgtFree[j] && keysOf(t).some((k) => s.keys.includes(k)) ? j : -1)).filter((j) => j >= 0) : []));
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const j of edges[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      const o = owner.get(j);
      if (o === undefined || tryAssign(o, seen)) {
        owner.set(j, i);
        return true;
      }
    }
    return false;
  };
  src.forEach((_, i) => void tryAssign(i, new Set()));
  for (const [j, i] of owner) {
    pairs.set(i, j);
    srcFree[i] = false;
    tgtFree[j] = false;
  }
}

/** Values of the number words in `text` → the word as written. */
function spelled(text: string, lang: Lang): Map<string, string> {
  const table = NUMBER_WORDS[lang];
  const out = new Map<string, string>();
  for (const w of words(text)) {
    for (const part of w.text.split(/[-’']/)) {
      const lower = part.toLowerCase();
      let v = table[lower];
      if (v === undefined && lang === 'ar') {
        const p = ARABIC_PREFIXES.find((x) => lower.startsWith(x) && table[lower.slice(x.length)] !== undefined);
        if (p) v = table[lower.slice(p.length)];
      }
      if (v !== undefined && !out.has(`n${v}`)) out.set(`n${v}`, part);
    }
  }
  return out;
}

function describe(item: NumericItem): Message {
  const key = item.keys[0] ?? item.altKeys[0] ?? '';
  if (item.kind === 'date') return msg('checks.numbers.date', { text: item.text, date: key.slice(1).replace(/\?+/g, '…') });
  if (item.kind === 'time') return msg('checks.numbers.time', { text: item.text, times: item.keys.map((k) => k.slice(1)).join(' / ') });
  return msg('checks.numbers.number', { text: item.text });
}

export const numbers: Check = {
  id: 'numbers',
  severity: 'error',
  ...about(msg('checks.numbers.title'), msg('checks.numbers.explanation')),
  run(source: string, target: string, ctx: CheckContext): Problem[] {
    const src = extractNumerics(source, ctx.srcLang).map((s) => (s.keys.length ? s : { ...s, keys: s.altKeys }));
    const tgt = extractNumerics(target, ctx.tgtLang);
    if (src.length === 0 && tgt.length === 0) return [];
    const srcFree = src.map(() => true);
    const tgtFree = tgt.map(() => true);
    const pairs = new Map<number, number>();
    match(src, tgt, (t) => t.keys, srcFree, tgtFree, pairs);
    const viaAlt = new Map<number, number>();
    match(src, tgt, (t) => t.altKeys, srcFree, tgtFree, viaAlt);
    const problems: Problem[] = [];
    const tgtLangName = LANG_NAME[ctx.tgtLang];
    for (const [i, j] of viaAlt) {
      const s = src[i]!;
      const t = tgt[j]!;
      const message = t.foreign
        ? msg('checks.numbers.otherConvention', { expected: s.text, language: tgtLangName, found: t.text })
        : msg('checks.numbers.readsAs', { expected: s.text, language: tgtLangName, found: t.text, value: (t.keys[0] ?? '').slice(1) });
      problems.push(problem(message, { severity: 'warning', expected: s.text, found: t.text }));
    }
    const srcLeft = src.filter((_, i) => srcFree[i]);
    const tgtLeft = tgt.filter((_, j) => tgtFree[j]);
    const tgtWords = spelled(target, ctx.tgtLang);
    const srcWords = spelled(source, ctx.srcLang);
    const extra = [...tgtLeft];
    for (const s of srcLeft) {
      const word = s.kind === 'number' ? s.keys.map((k) => tgtWords.get(k)).find((w) => w !== undefined) : undefined;
      if (word !== undefined) {
        problems.push(problem(msg('checks.numbers.inWords', { expected: s.text, word }), { severity: 'warning', expected: s.text, found: word }));
        continue;
      }
      // Pair with a leftover of the same kind on the other side: "expected X, found Y".
      const k = extra.findIndex((t) => t.kind === s.kind);
      if (k >= 0) {
        const t = extra.splice(k, 1)[0]!;
        problems.push(problem(msg('checks.numbers.mismatch', { expected: describe(s), found: describe(t) }), { expected: s.text, found: t.text }));
      } else {
        problems.push(problem(msg('checks.numbers.missing', { expected: describe(s) }), { expected: s.text }));
      }
    }
    for (const t of extra) {
      const word = t.kind === 'number' ? t.keys.map((k) => srcWords.get(k)).find((w) => w !== undefined) : undefined;
      if (word !== undefined) {
        problems.push(problem(msg('checks.numbers.asWords', { word, found: t.text }), { severity: 'warning', expected: word, found: t.text }));
      } else {
        problems.push(problem(msg('checks.numbers.added', { found: describe(t) }), { found: t.text }));
      }
    }
    return problems;
  },
};
