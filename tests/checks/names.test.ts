import { describe, expect, it } from 'vitest';
import { buildGlossary, consonants, soundsAlike } from '../../src/checks/glossary.js';
import { names } from '../../src/checks/names.js';
import { EN, ID, TARGETS, TR, bundledGlossary, ctx, seed, type Target } from './bundled.js';

const at = (lang: Target, id: string) => ctx(lang, { glossary: bundledGlossary(lang), article: 'palermo-conference', segment: id });

describe('the glossary of the bundled reviewed translations', () => {
  it.each([
    ['it', { Haftar: 'Haftar', Salame: 'Salamé', Sarraj: 'Serraj', Sisi: 'Sisi', Palermo: 'Palermo', Turkey: 'Turchia' }],
    ['fr', { Haftar: 'Haftar', Salame: 'Salamé', Sarraj: 'Sarraj', Sisi: 'Sissi', Palermo: 'Palerme', Turkey: 'Turquie' }],
    ['ar', { Haftar: 'حفتر', Salame: 'سلامة', Sarraj: 'السراج', Conte: 'كونتي', Palermo: 'باليرمو', Tripoli: 'طرابلس' }],
  ] as const)('%s renders the recurring names', (lang, expected) => {
    const g = bundledGlossary(lang);
    for (const [name, rendering] of Object.entries(expected)) expect(g.entries.get(name)?.rendering, name).toBe(rendering);
  });

  it.each(TARGETS)('%s: every segment uses the one rendering; demonyms and titles are not names', (lang) => {
    const g = bundledGlossary(lang);
    for (const e of g.entries.values()) expect(new Set(Object.values(e.used)).size, e.name).toBe(1);
    for (const notName of ['Libyan', 'Tuesday', 'National', 'President', 'November']) expect(g.entries.has(notName), notName).toBe(false);
  });

  it('consonant skeletons match across scripts', () => {
    expect(consonants('Haftar')).toBe(consonants('حفتر'));
    expect(consonants('Turkey')).toBe(consonants('Turquie'));
    expect(soundsAlike('Sarraj', 'السراج')).toBe(true);
    expect(soundsAlike('Libyan', 'ONU')).toBe(false);
  });
});

describe('names', () => {
  it.each(TARGETS)('every bundled %s segment agrees with the others', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(names.run(EN[id]!, TR[lang][id]!, at(lang, id)), id).toEqual([]);
  });

  it.each([
    ['it', 'Haftar', 'Hafter'],
    ['fr', 'Haftar', 'Hafter'],
    ['ar', 'حفتر', 'حفطر'],
  ] as const)('%s: "%s" misspelt "%s" is a warning saying what the others use', (lang, from, to) => {
    const p = names.run(EN[ID.photo]!, seed(lang, ID.photo, from, to), at(lang, ID.photo));
    expect(p).toMatchObject([{ expected: from, found: to, message: `expected "${from}" for Haftar, as in 9 of 9 other reviewed segment(s); found "${to}"` }]);
  });

  it('Arabic: a misspelling with a particle attached (لحفطر) is found too', () => {
    const p = names.run(EN[ID.sisi]!, seed('ar', ID.sisi, 'لحفتر', 'لحفطر'), at('ar', ID.sisi));
    expect(p.map((x) => x.found)).toEqual(['لحفطر']);
  });

  it.each([
    ['it', 'Salamé', 'Salame'],
    ['fr', 'Salamé', 'Salame'],
    ['ar', 'سلامة', 'سلمة'],
  ] as const)('%s: Salame rendered "%s" elsewhere, "%s" here', (lang, from, to) => {
    const p = names.run(EN[ID.salame]!, seed(lang, ID.salame, from, to), at(lang, ID.salame));
    expect(p.map((x) => [x.expected, x.found])).toEqual([[from, to]]);
  });

  it('the check holds when the misspelt segment is itself among the reviewed ones (the majority wins)', () => {
    const lang = 'it';
    const target = seed(lang, ID.photo, 'Haftar', 'Hafter');
    const g = buildGlossary(Object.keys(TR[lang]).map((id) => ({ key: `palermo-conference/${id}`, source: EN[id]!, target: id === ID.photo ? target : TR[lang][id]! })), lang);
    expect(g.entries.get('Haftar')?.rendering).toBe('Haftar');
    expect(names.run(EN[ID.photo]!, target, ctx(lang, { glossary: g, article: 'palermo-conference', segment: ID.photo })).map((p) => p.found)).toEqual(['Hafter']);
  });

  it('a second mention misspelt beside a correct one is reported', () => {
    const source = 'Haftar said Haftar would come.';
    expect(names.run(source, 'Haftar ha detto che Hafter sarebbe venuto.', at('it', 'new')).map((p) => p.found)).toEqual(['Hafter']);
  });

  it.each(TARGETS)('%s: a name left out (a pronoun, "the general") is not reported', (lang) => {
    const source = EN[ID.photo]!;
    const target = { it: 'Né il generale né al-Sisi hanno posato per la foto.', fr: 'Ni le général ni M. Sissi n\'ont posé pour la photo.', ar: 'ولم يشارك الجنرال ولا السيسي في الصورة.' }[lang];
    expect(names.run(source, target, at(lang, ID.photo))).toEqual([]);
  });

  it('other names and derived words are not misspellings: Qatar is not Haftar, italiano is not Italia', () => {
    expect(names.run('Haftar met the emir of Qatar.', 'Haftar ha incontrato l\'emiro del Qatar.', at('it', 'new'))).toEqual([]);
    expect(names.run('Italy’s government', 'Il governo italiano', at('it', 'new'))).toEqual([]);
    expect(names.run('Italy’s government', 'الحكومة الإيطالية', at('ar', 'new'))).toEqual([]);
    expect(names.run('Libya plunged into chaos.', 'وغرق الليبيون في الفوضى.', at('ar', 'new'))).toEqual([]);
  });

  it('without a glossary the check says nothing', () => {
    expect(names.run(EN[ID.photo]!, seed('it', ID.photo, 'Haftar', 'Hafter'), ctx('it'))).toEqual([]);
  });
});
