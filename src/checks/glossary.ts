/**
 * A glossary of names built from past reviewed translations: for each capitalised Latin name
 * that recurs in the English sources (Haftar, Salame, Sarraj…), the rendering the translations
 * use (Haftar / حفتر, Salamé / سلامة, Serraj / السراج…) and which segment used what. Pure: the
 * caller gives it the reviewed segments. The names check compares a translation with it.
 *
 * Alignment is by co-occurrence, as statistical term extraction does: of the words of the
 * translations of the segments that contain a name, the rendering is the one that appears in
 * those segments and rarely elsewhere (highest Dice coefficient). Arabic words are compared with
 * their attached particles and article removed (لحفتر → حفتر, للسراج → السراج) and without
 * short-vowel signs; in Latin-script translations only capitalised words count, so adjectives
 * (italiano, libyens) are never taken for the name.
 */
import type { Lang } from '../core/types.js';
import { ARABIC_PREFIXES, MONTHS } from './locale-data.js';
import { editDistance, scanVerbatim, stripBidiControls, words } from './text.js';

export interface GlossaryEntry {
  /** The English name (one word: "Haftar", "Sarraj" for "Al-Sarraj"). */
  name: string;
  /** The rendering most consistently used across the reviewed translations. */
  rendering: string;
  /** Segment key ("article/id") → the rendering that segment uses (the rendering, or a variant of it). */
  used: Record<string, string>;
  /** Each rendering in `used` as first written in a translation (السيسي for the form سيسي). */
  written: Record<string, string>;
}

export interface Glossary {
  lang: Lang;
  entries: Map<string, GlossaryEntry>;
}

export interface GlossarySegment {
  /** "article/id". */
  key: string;
  source: string;
  target: string;
}

/** Capitalised words of English that are titles, institutions or calendar, not names. */
const NOT_NAMES = new Set([
  ...MONTHS.en.flat(),
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ...['Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Col', 'Sen', 'Rep', 'President', 'Vice', 'Premier', 'Prime', 'Minister', 'Ministry', 'Foreign', 'Secretary'],
  ...['General', 'National', 'Army', 'Conference', 'Council', 'Government', 'Office', 'State', 'States', 'United', 'Nations', 'Union', 'Republic'],
  ...['Party', 'Front', 'Forces', 'Action', 'Plan', 'Envoy', 'Special', 'Representative', 'Committee', 'Court', 'Parliament', 'House', 'Senate'],
  // Particles of names, in their capitalised form: Al-Sarraj is Sarraj, Le Drian is Drian.
  ...['Al', 'El', 'Le', 'La', 'De', 'Del', 'Da', 'Di', 'Van', 'Von', 'Bin', 'Ben', 'Ibn', 'Abu', 'Abd'],
]);

/** The name parts of an English sentence: capitalised words (Xxx…) of three letters or more, split at hyphens and apostrophes. */
export function nameParts(source: string): { part: string; first: boolean }[] {
  const out: { part: string; first: boolean }[] = [];
  words(scanVerbatim(source).masked).forEach((w, i) => {
    for (const part of w.text.split(/['’-]/)) {
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(part) && !NOT_NAMES.has(part)) out.push({ part, first: i === 0 });
    }
  });
  return out;
}

const ARABIC_MARKS = /[\u064b-\u0652\u0670\u0640]/gu;

/** A word of a translation as written, and the forms it can be compared under. */
export interface TargetWord {
  text: string;
  forms: string[];
}

/** The words of a translation that may render a name, with their comparable forms. */
export function targetWords(target: string, lang: Lang): TargetWord[] {
  const out: TargetWord[] = [];
  for (const w of words(scanVerbatim(stripBidiControls(target)).masked)) {
    for (const raw of w.text.split(/['’-]/)) {
      if (/\p{Script=Arabic}/u.test(raw)) {
        const part = raw.replace(ARABIC_MARKS, '');
        const forms = new Set([part]);
        for (const p of ARABIC_PREFIXES) {
          if (part.startsWith(p) && part.length - p.length >= 2) forms.add(p === 'لل' ? 'ال' + part.slice(2) : part.slice(p.length));
        }
        // و / ف / ب / ل before the article: والسراج → السراج as well as سراج.
        for (const p of ['و', 'ف', 'ب', 'ك']) if (part.startsWith(p + 'ال')) forms.add(part.slice(1));
        out.push({ text: raw, forms: [...forms] });
      } else if (/^\p{Lu}/u.test(raw) && raw.length >= 2 && (lang !== 'ar' || /\p{Script=Latin}/u.test(raw))) {
        out.push({ text: raw, forms: [raw] });
      }
    }
  }
  return out;
}

/** How far a misspelling may be from the rendering: none for very short names. */
function maxDistance(rendering: string): number {
  const n = [...rendering].length;
  return n <= 3 ? 0 : n <= 5 ? 1 : 2;
}

/**
 * A derived word, not a variant spelling: Arabic nisba adjectives (ليبيا → ليبي، الليبيين),
 * Latin-script suffixes on the name's stem (Italie → Italiens).
 */
function derived(form: string, rendering: string): boolean {
  if (/\p{Script=Arabic}/u.test(rendering)) {
    const stem = rendering.replace(/[اةى]$/u, '');
    return stem.length >= 3 && form !== rendering && form.startsWith(stem);
  }
  const stem = rendering.replace(/[aeiouyàèéìòù]$/u, '');
  return form.length > rendering.length && form.startsWith(stem);
}

/** A word of `words` that spells `rendering` a little differently, if any (nearest first). */
export function findVariant(tw: readonly TargetWord[], rendering: string, exclude: ReadonlySet<string> = new Set()): { text: string; form: string } | undefined {
  const max = maxDistance(rendering);
  if (max === 0) return undefined;
  let best: { text: string; form: string; d: number } | undefined;
  for (const w of tw) {
    if (w.forms.includes(rendering)) continue;
    for (const f of w.forms) {
      if (exclude.has(f) || derived(f, rendering)) continue;
      const d = editDistance(f, rendering, max);
      if (d >= 1 && d <= max && (!best || d < best.d)) best = { text: w.text, form: f, d };
    }
  }
  return best && { text: best.text, form: best.form };
}

const ARABIC_CONSONANTS: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'چ': 'j', 'گ': 'j', 'ح': 'h', 'خ': 'k', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 's', 'س': 's', 'ش': 's',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 's', 'غ': 'j', 'ف': 'f', 'ڤ': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
};

/**
 * A rough consonant skeleton, the same for a name in Latin letters and in Arabic script: vowels,
 * long-vowel letters, hamza and ʿayn dropped, close sounds merged (q c k; g j; p b; v f; z s),
 * doubled letters once. "Haftar" and "حفتر" are both "hftr"; "Turkey", "Turchia", "Turquie"
 * and "تركيا" are all "trk".
 */
export function consonants(word: string): string {
  let s: string;
  if (/\p{Script=Arabic}/u.test(word)) {
    s = [...word.replace(ARABIC_MARKS, '').replace(/^ال/u, '')].map((c) => ARABIC_CONSONANTS[c] ?? '').join('');
  } else {
    s = word
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/ph/g, 'f')
      .replace(/(?:ch|kh|qu|ck)/g, 'k')
      .replace(/(?:sh|th|dh|gh)/g, (m) => m[0]!)
      .replace(/[qc]/g, 'k')
      .replace(/g/g, 'j')
      .replace(/p/g, 'b')
      .replace(/v/g, 'f')
      .replace(/z/g, 's')
      .replace(/x/g, 'ks')
      .replace(/[^bdfhjklmnrst]/g, '');
  }
  return s.replace(/(.)\1+/g, '$1');
}

/** Whether a word of a translation can be the rendering of an English name: their consonants mostly agree. */
export function soundsAlike(name: string, form: string): boolean {
  const a = consonants(name);
  const b = consonants(form);
  if (!a || !b) return false;
  const n = Math.max(a.length, b.length);
  return editDistance(a, b) <= (n <= 3 ? 1 : Math.ceil(0.4 * n));
}

/** Minimum share of a name's segments whose translation holds the rendering, and minimum Dice score. */
export const MIN_COVERAGE = 0.6;
export const MIN_DICE = 0.6;

export function buildGlossary(segments: readonly GlossarySegment[], lang: Lang): Glossary {
  // Sentence-initial capitals are names only if the word is also capitalised mid-sentence somewhere.
  const parts = segments.map((s) => nameParts(s.source));
  const midSentence = new Set(parts.flat().filter((p) => !p.first).map((p) => p.part));
  const names = parts.map((ps) => new Set(ps.filter((p) => !p.first || midSentence.has(p.part)).map((p) => p.part)));
  const tws = segments.map((s) => targetWords(s.target, lang));
  const formSets = tws.map((tw) => new Set(tw.flatMap((w) => w.forms)));
  const formCount = new Map<string, number>();
  for (const fs of formSets) for (const f of fs) formCount.set(f, (formCount.get(f) ?? 0) + 1);

  const byName = new Map<string, number[]>();
  names.forEach((ns, i) => ns.forEach((n) => byName.set(n, [...(byName.get(n) ?? []), i])));
  // Demonyms are adjectives, rendered in lower case or as the country: Libyan (Libya), Italian (Italy).
  const all = [...byName.keys()];
  const demonym = (n: string): boolean => /(?:n|sh|se|i)$/u.test(n) && all.some((m) => m !== n && m.length >= 4 && n.length > m.length && n.startsWith(m.replace(/[aeiouy]$/u, '')));
  const writtenAs = (i: number, form: string): string => tws[i]!.find((w) => w.forms.includes(form))?.text ?? form;
  const entries = new Map<string, GlossaryEntry>();
  for (const name of [...byName.keys()].sort()) {
    const segs = byName.get(name)!;
    if (segs.length < 2 || demonym(name)) continue; // recurring names only
    const together = new Map<string, number>();
    for (const i of segs) for (const f of formSets[i]!) together.set(f, (together.get(f) ?? 0) + 1);
    let best: { form: string; dice: number; a: number; sim: number } | undefined;
    for (const [form, a] of together) {
      // Only a word that sounds like the name can render it (not "ONU" for "Libyan").
      if (!soundsAlike(name, form)) continue;
      const dice = (2 * a) / (segs.length + formCount.get(form)!);
      // Ties (two names always together): prefer the form that looks like the name (Latin scripts).
      const sim = -editDistance(form.toLowerCase(), name.toLowerCase());
      const better = !best || dice > best.dice || (dice === best.dice && (sim > best.sim || (sim === best.sim && (form.length > best.form.length || (form.length === best.form.length && form < best.form)))));
      if (better) best = { form, dice, a, sim };
    }
    if (!best || best.a < 2 || best.a / segs.length < MIN_COVERAGE || best.dice < MIN_DICE) continue;
    const used: Record<string, string> = {};
    const written: Record<string, string> = {};
    for (const i of segs) {
      const form = formSets[i]!.has(best.form) ? best.form : findVariant(tws[i]!, best.form)?.form;
      if (form === undefined) continue;
      used[segments[i]!.key] = form;
      written[form] ??= writtenAs(i, form);
    }
    entries.set(name, { name, rendering: best.form, used, written });
  }
  return { lang, entries };
}
