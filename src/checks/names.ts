/** names: people and places rendered as the past reviewed translations render them. */
import { about, msg, problem } from './problem.js';
import type { Check, Problem } from './types.js';
import { findVariant, nameParts, targetWords } from './glossary.js';

export const names: Check = {
  id: 'names',
  severity: 'warning',
  ...about(msg('checks.names.title'), msg('checks.names.explanation')),
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
      const expected = entry.written[majority] ?? majority;
      problems.push(problem(msg('checks.names.found', { expected, name, n, total, found: variant.text }), { expected, found: variant.text }));
    }
    return problems;
  },
};
