import { describe, expect, it } from 'vitest';
import { numbers } from '../../src/checks/numbers.js';
import { extractNumerics } from '../../src/checks/numeric.js';
import { EN, ID, TARGETS, TR, ctx, seed, type Target } from './bundled.js';

const run = (source: string, target: string, lang: Target) => numbers.run(source, target, ctx(lang));
const errors = (source: string, target: string, lang: Target) => run(source, target, lang).filter((p) => (p.severity ?? numbers.severity) === 'error');
const warnings = (source: string, target: string, lang: Target) => run(source, target, lang).filter((p) => p.severity === 'warning');

describe('numbers: true negatives', () => {
  it.each(TARGETS)('the bundled %s translations of the year and the date agree', (lang) => {
    expect(run(EN[ID.year2011]!, TR[lang][ID.year2011]!, lang)).toEqual([]);
    expect(run(EN[ID.attribution]!, TR[lang][ID.attribution]!, lang)).toEqual([]);
  });

  it.each([
    ['it', 'Costa 2.000 euro.'],
    ['it', 'Costa 2\u202f000 euro.'],
    ['fr', 'Cela coûte 2 000 euros.'],
    ['fr', 'Cela coûte 2\u00a0000 euros.'],
    ['fr', 'Cela coûte 2\u202f000 euros.'],
    ['ar', 'يكلف ٢٬٠٠٠ دولار.'],
    ['ar', 'يكلف 2,000 دولار.'],
  ] as const)('2,000 in %s: %s', (lang, target) => {
    expect(run('It costs 2,000 dollars.', target, lang)).toEqual([]);
  });

  it.each([
    ['it', 'Il tasso è del 2,5%.'],
    ['fr', 'Le taux est de 2,5 %.'],
    ['ar', 'المعدل ٢٫٥٪.'],
    ['ar', 'المعدل 2.5%.'],
  ] as const)('2.5 in %s: %s', (lang, target) => {
    expect(run('The rate is 2.5%.', target, lang)).toEqual([]);
  });

  it.each([
    ['it', '— Alistair Burt (@AlistairBurtUK) 13 novembre 2018'],
    ['fr', '— Alistair Burt (@AlistairBurtUK) 13 novembre 2018'],
    ['ar', '— أليستير بيرت (@AlistairBurtUK) ١٣ نوفمبر ٢٠١٨'],
    ['ar', '— أليستير بيرت (@AlistairBurtUK) 13 تشرين الثاني 2018'],
    ['ar', '— أليستير بيرت (@AlistairBurtUK) 13 نوفمبر/تشرين الثاني 2018'],
    ['it', '— Alistair Burt (@AlistairBurtUK) 13/11/2018'],
  ] as const)('November 13, 2018 in %s: %s', (lang, target) => {
    expect(run(EN[ID.attribution]!, target, lang)).toEqual([]);
  });

  it('dates without a year, French 1er, English ordinals', () => {
    expect(run('The talks resume on November 1st.', 'Les pourparlers reprennent le 1er novembre.', 'fr')).toEqual([]);
    expect(run('The talks resume on 1 November.', 'I colloqui riprendono il 1º novembre.', 'it')).toEqual([]);
  });

  it.each([
    ['it', 'La conferenza si apre alle 15.'],
    ['it', 'La conferenza si apre alle 15:00.'],
    ['it', 'La conferenza si apre alle 15.00.'],
    ['fr', 'La conférence s’ouvre à 15h.'],
    ['fr', 'La conférence s’ouvre à 15 h 00.'],
    ['ar', 'يفتتح المؤتمر الساعة 3 مساءً.'],
    ['ar', 'يفتتح المؤتمر في ٣ مساءً.'],
    ['ar', 'يفتتح المؤتمر في 15:00.'],
  ] as const)('3 p.m. in %s: %s', (lang, target) => {
    expect(run('The conference opens at 3 p.m.', target, lang)).toEqual([]);
  });

  it('"2 million" and "2,000,000" are one value', () => {
    expect(run('About 2 million people fled.', 'Circa 2.000.000 di persone sono fuggite.', 'it')).toEqual([]);
    expect(run('About 2,000,000 people fled.', 'Environ 2 millions de personnes ont fui.', 'fr')).toEqual([]);
  });

  it('digits in URLs, handles and hashtags are not numbers', () => {
    expect(extractNumerics('pic.twitter.com/g5bbaN5LzK @G20org #G20', 'en')).toEqual([]);
  });
});

describe('numbers: true positives', () => {
  it.each([
    ['it', '2011', '2012'],
    ['fr', '2011', '2012'],
    ['ar', '2011', '٢٠١٢'],
  ] as const)('a changed year in %s (%s → %s) is an error saying what was expected and found', (lang, from, to) => {
    const e = errors(EN[ID.year2011]!, seed(lang, ID.year2011, from, to), lang);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('expected "2011"');
    expect(e[0]!.message).toContain(`found "${to}"`);
  });

  it.each(TARGETS)('a dropped year in %s is an error', (lang) => {
    const e = errors(EN[ID.year2011]!, seed(lang, ID.year2011, / ?2011/, ''), lang);
    expect(e.map((p) => p.message)).toEqual(['expected "2011"; not found in the translation']);
  });

  it.each([
    ['it', 'novembre', 'ottobre'],
    ['fr', 'novembre', 'décembre'],
    ['ar', 'نوفمبر', 'ديسمبر'],
    ['ar', '13', '14'],
  ] as const)('a date that does not agree in %s (%s → %s) is an error', (lang, from, to) => {
    const e = errors(EN[ID.attribution]!, seed(lang, ID.attribution, from, to), lang);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/^expected the date "November 13, 2018" \(2018-11-13\); found the date/);
  });

  it('a wrong time is an error', () => {
    const e = errors('The conference opens at 3 p.m.', 'La conferenza si apre alle 13:00.', 'it');
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('expected the time "3 p.m." (15:00)');
  });

  it('a number the source does not have is an error', () => {
    const e = errors(EN[ID.turks]!, seed('fr', ID.turks, 'de deux jours', 'de deux jours, le 12,'), 'fr');
    expect(e.map((p) => p.message)).toEqual(['expected no other numbers; found "12", which the source does not have']);
  });

  it.each([
    ['it', 'di due giorni', 'due'],
    ['fr', 'de deux jours', 'deux'],
  ] as const)('a number written out in %s is a warning, not an error', (lang, phrase, word) => {
    const source = EN[ID.turks]!.replace('two-day', '2-day');
    expect(TR[lang][ID.turks]).toContain(phrase);
    expect(errors(source, TR[lang][ID.turks]!, lang)).toEqual([]);
    expect(warnings(source, TR[lang][ID.turks]!, lang).map((p) => p.message)).toEqual([`expected the number 2 in digits; found it written out as "${word}"`]);
  });

  it('Arabic number words count too (اثنين)', () => {
    expect(warnings('Talks lasted 2 days.', 'استمرت المحادثات اثنين من الأيام.', 'ar')).toHaveLength(1);
    expect(errors('Talks lasted 2 days.', 'استمرت المحادثات اثنين من الأيام.', 'ar')).toEqual([]);
  });

  it('English separators in Italian are a warning: 2,000 reads as 2', () => {
    const p = run('It costs 2,000 dollars.', 'Costa 2,000 dollari.', 'it');
    expect(p).toHaveLength(1);
    expect(p[0]!.severity).toBe('warning');
    expect(p[0]!.message).toBe('expected 2,000 written the Italian way; found "2,000", which in Italian reads as 2');
  });

  it('a wrong value with the right separators is an error', () => {
    expect(errors('It costs 2,000 dollars.', 'Cela coûte 20 000 dollars.', 'fr')).toHaveLength(1);
    expect(errors('The rate is 2.5%.', 'Il tasso è del 2,6%.', 'it')).toHaveLength(1);
  });
});
