/**
 * A generated article of some thousands of sentences, deterministic, for exports larger than
 * one window of units (pipeline/steps/export.ts UNIT_WINDOW) and one piece of the writers:
 * inline markup and links (codes, translate="no"), XML special characters, sentences of the
 * bundled article word for word (exact memory matches from its Italian translation) and
 * nearly (fuzzy matches), and Italian translations at every state.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sentences of the bundled article, reused as they are (exact matches in Italian). */
const BUNDLED = [
  'Italy\'s populist government organized the two-day conference in hopes of making progress on ending Libya\'s lawlessness and promoting a UN framework for eventual elections.',
  'And Turkish Vice-President Fuat Oktay pulled out before it ended, citing his exclusion from the morning mini-summit.',
];

/** The Markdown of an article of `paragraphs` paragraphs of about nine sentences each. */
export function bigArticle(paragraphs: number): string {
  const out = ['---', 'slug: big', 'lang: en', 'headline: A very long report & its <many> sentences', 'dateline: ROME', 'date: 2024-05-06', '---', ''];
  for (let p = 0; p < paragraphs; p++) {
    const s: string[] = [];
    for (let k = 0; k < 9; k++) {
      const n = p * 9 + k;
      if (n % 97 === 5) s.push(BUNDLED[n % 2]!);
      else if (n % 89 === 7) s.push(BUNDLED[n % 2]!.replace('two-day', 'three-day').replace('morning', 'evening'));
      else if (n % 13 === 3) s.push(`Sentence ${n} has **bold words** and a [link ${n}](https://example.org/${n}) in it.`);
      else if (n % 11 === 4) s.push(`Sentence ${n} compares A & B, where A < B and B > C.`);
      else s.push(`Sentence number ${n} of the report says something about paragraph ${p}.`);
    }
    out.push(s.join(' '), '');
    if (p % 50 === 10) out.push(`https://example.org/only-a-link-${p}`, '');
  }
  return out.join('\n');
}

/**
 * Italian translations for some of the article's segments, once `segment` has written
 * locales/en/big.json: every seventh translated at one of the states, with a provenance.
 */
export function translateSome(root: string): void {
  const en = JSON.parse(readFileSync(join(root, 'locales/en/big.json'), 'utf8')) as Record<string, string>;
  const resources: Record<string, string> = {};
  const segments: Record<string, { state: string; provenance: string }> = {};
  const states = ['translated', 'reviewed', 'final'];
  const provenances = ['human', 'tm', 'mt'];
  Object.keys(en).forEach((id, i) => {
    if (i % 7 !== 2) return;
    resources[id] = `IT ${i}: ${en[id]!}`;
    segments[id] = { state: states[i % 3]!, provenance: provenances[(i >> 1) % 3]! };
  });
  writeFileSync(join(root, 'locales/it/big.json'), JSON.stringify(resources, null, 2) + '\n');
  writeFileSync(join(root, 'locales/it/big.state.json'), JSON.stringify({ format: 'tessera-state/1', segments }, null, 2) + '\n');
}

/** What bigExchangeFile makes: the model's shape, written out so that this file imports nothing from src/. */
interface Unit {
  id: string;
  source: string;
  target?: string;
  state: 'new' | 'translated' | 'reviewed' | 'final' | 'stale';
  provenance?: 'human' | 'tm' | 'mt' | 'pseudo';
  translate: boolean;
  notes: string[];
  matches?: { source: string; target: string; score: number; origin: string }[];
}

/**
 * An exchange file of `count` units made by hand, with every feature the writers know: inline
 * codes in sources, targets and matches, special characters, every state and provenance,
 * translate="no", context and stale notes, and memory matches.
 */
export function bigExchangeFile(count: number, options: { targets?: boolean } = {}): { article: string; sourceLang: string; targetLang: string; notes: string[]; units: Unit[] } {
  const states = ['new', 'translated', 'reviewed', 'final', 'stale'] as const;
  const provenances = ['human', 'tm', 'mt', 'pseudo'] as const;
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) {
    const source =
      i % 5 === 1 ? `Unit ${i} has **bold** and a [link](https://example.org/${i}).` : i % 5 === 2 ? `Unit ${i}: A & B < C > D "quoted".` : i % 17 === 0 ? `https://example.org/${i}` : `Unit ${i} is plain text.`;
    const state = states[i % 5]!;
    const unit: Unit = { id: `s${i.toString(16).padStart(10, '0')}`, source, state, translate: i % 17 !== 0, notes: [`Paragraph ${i >> 3}, sentence ${(i % 8) + 1} of 8`, `Next sentence: Unit ${i + 1}.`] };
    if (state === 'stale') unit.notes.push(`The source sentence changed. It was: Unit ${i} was <old>.`, `Translation of the previous sentence: Vecchia & ${i}`);
    if (options.targets !== false && state !== 'new' && state !== 'stale') {
      unit.target = i % 5 === 1 ? `Unità ${i} ha **grassetto** e un [collegamento](https://example.org/${i}).` : `Unità ${i} «tradotta» & pronta.`;
      unit.provenance = provenances[i % 4]!;
    }
    if (options.targets !== false && i % 3 === 0) unit.matches = [{ source: `Unit ${i} has **bold**.`, target: `Unità ${i} ha **grassetto**.`, score: 87.5, origin: 'tessera-tm' }];
    units.push(unit);
  }
  return { article: 'big & <generated>', sourceLang: 'en', targetLang: 'it', notes: ['Article: A long one & more', 'Published: 2024-05-06, ROME'], units };
}
