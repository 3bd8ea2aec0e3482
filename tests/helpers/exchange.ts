/** The bundled article as an exchange file, for the writers' tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { parseArticle } from '../../src/formats/article.js';
import type { ExchangeFile } from '../../src/formats/xliff/model.js';
import { exchangeFile } from '../../src/pipeline/steps/export.js';

/** The bundled article with some units translated at every state, in Italian or Arabic, every unit exported. */
export function bundledExchange(lang: 'it' | 'ar'): ExchangeFile {
  const doc = parseArticle(readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8'), 'a.md');
  const data: LocaleData = emptyLocale();
  const translations = lang === 'ar' ? ['إيطاليا تجمع قادة ليبيا المتنافسين في باليرمو', '«باليرمو» & <رئيس الوزراء>', 'حفتر “هنا”'] : ['L’Italia riunisce i leader rivali', 'PALERMO: «il premier» & <gli altri>', 'Le foto “dell’incontro”'];
  const states = ['translated', 'reviewed', 'final'] as const;
  const provenances = ['human', 'tm', 'mt'] as const;
  doc.segments.slice(0, 3).forEach((s, i) => {
    data.resources[s.id] = translations[i]!;
    data.units[s.id] = { state: states[i]!, provenance: provenances[i]! };
  });
  const s3 = doc.segments[3]!;
  data.units[s3.id] = { state: 'stale', provenance: 'human', suggestion: 'Vecchia.', previousSource: 'Old.' };
  return exchangeFile(doc, lang, data, true);
}
