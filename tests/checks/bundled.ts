/** The bundled article's sentences and translations, read once, for the check tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossary, type Glossary } from '../../src/checks/index.js';
import type { CheckContext } from '../../src/checks/types.js';
import type { Lang } from '../../src/core/types.js';
import { REPO } from '../helpers/project.js';

export type Target = 'it' | 'fr' | 'ar';
export const TARGETS: readonly Target[] = ['it', 'fr', 'ar'];

const read = (lang: Lang): Record<string, string> => JSON.parse(readFileSync(join(REPO, 'locales', lang, 'palermo-conference.json'), 'utf8')) as Record<string, string>;

export const EN = read('en');
export const TR: Record<Target, Record<string, string>> = { it: read('it'), fr: read('fr'), ar: read('ar') };

/** Named segments of the bundled article. */
export const ID = {
  headline: 'sec0f9538b1',
  conte: 's620794af42', // Giuseppe Conte … Fayez Al-Sarraj … Khalifa Haftar
  salame: 's60c57e9b47', // Ghassan Salame said Haftar …
  quote: 's6029743a82', // “Haftar is committed to the political process,” Salame told reporters …
  quoteOnly: 's98576c4ca3', // “His representatives said that.”
  sisi: 'sa4ba388fb9', // … the “mini-summit” Tuesday …
  hashtag: 's8419a03ba2', // Welcome today’s conference for #Libya in Palermo.
  plan: 's38954ffdf8',
  attribution: 'sec2edb9075', // — Alistair Burt (@AlistairBurtUK) November 13, 2018
  photo: 'sb58e4bd7ca', // Neither Haftar nor El-Sisi posed …
  oppose: 's07cbd63fd1', // … which we vehemently oppose,” he told reporters.
  war: 'sc497d4d566', // “We are still at war, …” Haftar said.
  year2011: 's960704886d', // … after the 2011 uprising …
  turks: 'sfab9b710c6',
  militants: 's7f3205ab17',
} as const;

export function ctx(tgtLang: Target, extra: Partial<CheckContext> = {}): CheckContext {
  return { srcLang: 'en', tgtLang, kind: 'paragraph', ...extra };
}

/** The glossary of the bundled reviewed translations into `lang`. */
const glossaries = new Map<Target, Glossary>();
export function bundledGlossary(lang: Target): Glossary {
  const cached = glossaries.get(lang);
  if (cached) return cached;
  const g = buildGlossary(
    Object.keys(TR[lang]).map((id) => ({ key: `palermo-conference/${id}`, source: EN[id]!, target: TR[lang][id]! })),
    lang,
  );
  glossaries.set(lang, g);
  return g;
}

/** Replaces `from` by `to` in a bundled translation, failing loudly if `from` is not there. */
export function seed(lang: Target, id: string, from: string | RegExp, to: string): string {
  const t = TR[lang][id]!;
  const out = t.replace(from, to);
  if (out === t) throw new Error(`seed: ${String(from)} not found in ${lang} ${id}: ${t}`);
  return out;
}
