/**
 * Pseudo text is never published, pure. A pseudo-translation (provenance "pseudo") belongs in a
 * pseudo-locale; one found in a real language's files — copied there by hand, or imported from
 * a pseudo-locale's XLIFF whose target language was edited — is not a translation: `status`
 * counts it as not translated and the publish policy (core/policy.ts) sets the English sentence,
 * or holds the edition back, instead of it.
 *
 * Nothing on disk changes: this is the view that counting and publishing see. The files keep
 * what they hold until a translator's file replaces it (import applies over it like over any
 * unreviewed translation) — or someone deletes it.
 */
import type { LocaleData } from '../core/reconcile.js';
import { isPseudoLang } from '../core/types.js';

/**
 * `data` without its pseudo-translations when `lang` is a real language: each such segment
 * becomes `new` (no translation, no state, no stale suggestion — a stale pseudo unit's
 * suggestion is pseudo text too). In a pseudo-locale they are the point: returned as they are.
 * Returns `data` itself when there is nothing to take out.
 */
export function withoutPseudo(data: LocaleData, lang: string): LocaleData {
  if (isPseudoLang(lang)) return data;
  const pseudo = Object.keys(data.units).filter((id) => data.units[id]!.provenance === 'pseudo');
  if (pseudo.length === 0) return data;
  const resources = { ...data.resources };
  const units = { ...data.units };
  for (const id of pseudo) {
    delete resources[id];
    delete units[id];
  }
  return { resources, units, retired: data.retired };
}

/** How many segments of `data` hold a pseudo-translation. */
export function pseudoCount(data: LocaleData): number {
  return Object.values(data.units).filter((u) => u.provenance === 'pseudo').length;
}
