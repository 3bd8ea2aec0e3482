import { describe, expect, it } from 'vitest';
import { bidiControls } from '../../src/checks/bidi-controls.js';
import { doubledSpaces } from '../../src/checks/doubled-spaces.js';
import { doubledWords } from '../../src/checks/doubled-words.js';
import { BAND, EXPECTED_RATIO, lengthRatio } from '../../src/checks/length-ratio.js';
import { EN, ID, TARGETS, TR, ctx, seed } from './bundled.js';

describe('doubled-words', () => {
  it.each(TARGETS)('no bundled %s translation doubles a word (French "nous nous opposons" is grammar)', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(doubledWords.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
    if (lang === 'fr') expect(TR.fr[ID.oppose]).toContain('nous nous opposons');
  });

  it.each([
    ['it', 'del 2011', 'del del 2011', 'del'],
    ['it', 'nel processo', 'nel  nel processo', 'nel'],
    ['fr', 'dans le chaos', 'dans le le chaos', 'le'],
    ['ar', 'في الفوضى', 'في في الفوضى', 'في'],
  ] as const)('%s: "%s" → "%s" is reported', (lang, from, to, word) => {
    const id = lang === 'it' && from === 'nel processo' ? ID.quote : ID.year2011;
    const p = doubledWords.run(EN[id]!, seed(lang, id, from, to), ctx(lang));
    expect(p).toHaveLength(1);
    expect(p[0]!.expected).toBe(word);
    expect(p[0]!.message).toMatch(new RegExp(`^expected "${word}" once; found it twice in a row: "${word} ${word}"$`, 'u'));
  });

  it('case is ignored; punctuation between the words, numbers and doublings the source has are not reported', () => {
    expect(doubledWords.run('A sentence.', 'La la frase.', ctx('it'))).toHaveLength(1);
    expect(doubledWords.run('A sentence.', 'Disse: no, no.', ctx('it'))).toEqual([]);
    expect(doubledWords.run('In 2011 2011 people…', 'Nel 2011 2011 persone…', ctx('it'))).toEqual([]);
    expect(doubledWords.run('They flew to Bora Bora.', 'Sono volati a Bora Bora.', ctx('it'))).toEqual([]);
  });
});

describe('doubled-spaces', () => {
  it.each(TARGETS)('no bundled %s translation has doubled spaces (the French no-break spaces are single)', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(doubledSpaces.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  it.each(TARGETS)('two spaces in a row in %s are reported', (lang) => {
    const p = doubledSpaces.run(EN[ID.photo]!, seed(lang, ID.photo, ' ', '  '), ctx(lang));
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toMatch(/^expected one space; found 2 in a row \(space \+ space\)/);
  });

  it('a space beside a no-break space counts; spaces at the ends and inside code do not', () => {
    expect(doubledSpaces.run('', '« \u00a0Ses représentants', ctx('fr'))[0]!.message).toMatch(/\(space \+ no-break space\)/);
    expect(doubledSpaces.run('', '  Una frase.  ', ctx('it'))).toEqual([]);
    expect(doubledSpaces.run('', 'Esegui `a  b` ora.', ctx('it'))).toEqual([]);
  });
});

describe('length-ratio', () => {
  it.each(TARGETS)('every bundled %s translation is within the band', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(lengthRatio.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  it.each(TARGETS)('a %s translation that lost half its content is reported as too short', (lang) => {
    const t = TR[lang][ID.militants]!;
    const half = t.slice(0, Math.floor(t.length * 0.45));
    const p = lengthRatio.run(EN[ID.militants]!, half, ctx(lang));
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toMatch(/too short: is part of the sentence missing\?$/);
  });

  it.each(TARGETS)('a %s translation pasted twice is reported as too long', (lang) => {
    const t = TR[lang][ID.militants]!;
    expect(lengthRatio.run(EN[ID.militants]!, `${t} ${t}`, ctx(lang))[0]!.message).toMatch(/too long/);
  });

  it('short sources are exempt', () => {
    expect(lengthRatio.run(EN[ID.quoteOnly]!, '«Sì».', ctx('it'))).toEqual([]);
  });

  it('the band: Italian and French longer than English, Arabic shorter', () => {
    expect(EXPECTED_RATIO.it! * BAND.low).toBeLessThan(1);
    expect(EXPECTED_RATIO.ar!).toBeLessThan(1);
  });
});

describe('bidi-controls', () => {
  it.each(TARGETS)('the bundled %s translations have no bidi controls', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(bidiControls.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  const at = (s: string) => seed('ar', ID.attribution, '@AlistairBurtUK', s);

  it('an isolate without PDI, and a PDI without isolate', () => {
    expect(bidiControls.run(EN[ID.attribution]!, at('\u2068@AlistairBurtUK'), ctx('ar')).map((p) => p.message)).toEqual([
      'expected every isolate to end with PDI (U+2069); found FSI (U+2068) never closed',
    ]);
    expect(bidiControls.run(EN[ID.attribution]!, at('@AlistairBurtUK\u2069'), ctx('ar')).map((p) => p.message)).toEqual([
      'expected a PDI only after an isolate initiator; found 1 PDI (U+2069) with no LRI, RLI or FSI before it',
    ]);
  });

  it('embeddings, overrides and marks are reported; balanced isolates once, as unnecessary', () => {
    expect(bidiControls.run(EN[ID.attribution]!, at('\u202a@AlistairBurtUK\u202c'), ctx('ar')).map((p) => p.found)).toEqual(['LRE (U+202A)', 'PDF (U+202C)']);
    expect(bidiControls.run(EN[ID.attribution]!, at('\u202e@AlistairBurtUK'), ctx('ar')).map((p) => p.found)).toEqual(['RLO (U+202E)']);
    expect(bidiControls.run(EN[ID.attribution]!, at('\u200e@AlistairBurtUK\u200e'), ctx('ar')).map((p) => p.message)).toEqual([
      'expected no directional marks (the build isolates Latin runs itself); found 2 × LRM (U+200E)',
    ]);
    expect(bidiControls.run(EN[ID.attribution]!, at('\u2068@AlistairBurtUK\u2069'), ctx('ar')).map((p) => p.found)).toEqual(['1 isolate(s)']);
  });

  it('stray controls in Italian and French are reported too', () => {
    expect(bidiControls.run(EN[ID.photo]!, `\u200f${TR.it[ID.photo]!}`, ctx('it'))).toHaveLength(1);
    expect(bidiControls.run(EN[ID.photo]!, `${TR.fr[ID.photo]!}\u2069`, ctx('fr'))).toHaveLength(1);
  });
});
