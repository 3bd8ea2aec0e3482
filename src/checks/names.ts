/** names: people and places rendered as the past reviewed translations render them. */
import type { Check, Problem } from './types.js';
import { findVariant, nameParts, targetWords } from './glossary.js';

export const names: Check = {
  id: 'names',
  severity: 'warning',
  title: 'names as in past translations',
  explanation:
    'A glossary is built from the project\'s reviewed translations: for each capitalised Latin name that recurs in the English sources ' +
    '(Haftar, Salame, Sarraj…), the rendering the translations use (Haftar / حفتر, Salamé / سلامة, Serraj / السراج), found by co-occurrence. ' +
    'A translation that writes a name a little differently from the majority of the other segments ("Hafter", "حفطر", "Salame" where ' +
    'the others have "Salamé") is reported. A translation that does not name the person at all (a pronoun, "the general") is not, nor are ' +
    'derived words (italiano, الليبيين), names too short to misspell (three letters), or names whose rendering varies too much to say ' +
    'which one is right. A warning: the majority can be the one that is wrong.',
  run(source, target, ctx) {
    const glossary = ctx.glossary;
    if (!glossary || glossary.entries.size === 0) return [];
    const self = ctx.article !== undefined && ctx.segment !== undefined ? `${ctx.article}/${ctx.segment}` : undefined;
    const parts = nameParts(source).map((p) => p.part);
    const present = new Set(parts);
    const renderings = new Set([...glossary.entries.values()].map((e) => e.rendering));
    const tw = targetWords(target, ctx.tgtLang);
    const problems: Problem[] = [];
    for (const name of [...present].sort()) {
      const entry = glossary.entries.get(name);
      if (!entry) continue;
      // The majority among the other segments: this one does not vote for itself.
      const counts = new Map<string, number>();
      let total = 0;
      for (const [key, form] of Object.entries(entry.used)) {
        if (key === self) continue;
        counts.set(form, (counts.get(form) ?? 0) + 1);
        total++;
      }
      const [majority, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
      if (!majority || n * 2 <= total) continue;
      // As many renderings as the source has mentions: nothing is misspelt (a near word is another word).
      const mentions = parts.filter((p) => p === name).length;
      if (tw.filter((w) => w.forms.includes(majority)).length >= mentions) continue;
      // Neither another glossary rendering nor another name of this source ("Qatar" is not a misspelt "Haftar").
      const others = new Set([...[...renderings].filter((r) => r !== majority), ...parts.filter((p) => p !== name)]);
      const variant = findVariant(tw, majority, others);
      if (!variant) continue;
      problems.push({
        expected: entry.written[majority] ?? majority,
        found: variant.text,
        message: `expected "${entry.written[majority] ?? majority}" for ${name}, as in ${n} of ${total} other reviewed segment(s); found "${variant.text}"`,
      });
    }
    return problems;
  },
};
