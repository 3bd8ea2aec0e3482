import { describe, expect, it } from 'vitest';
import { quotesBalanced } from '../../src/checks/quotes-balanced.js';
import { quotesStyle } from '../../src/checks/quotes-style.js';
import { untranslated } from '../../src/checks/untranslated.js';
import { EN, ID, TARGETS, TR, ctx, seed } from './bundled.js';

const QUOTED = [ID.quote, ID.quoteOnly, ID.sisi, ID.oppose, ID.war] as const;

describe('quotes-balanced', () => {
  it.each(TARGETS)('the bundled %s quotations are balanced', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(quotesBalanced.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  it.each(TARGETS)('a missing « in %s is an error: a closing » with nothing open', (lang) => {
    const p = quotesBalanced.run(EN[ID.quote]!, seed(lang, ID.quote, /«\s?/u, ''), ctx(lang));
    expect(p).toHaveLength(1);
    expect(p[0]!.found).toBe('»');
    expect(p[0]!.message).toMatch(/^expected every closing quotation mark to close an opening one, as in the source; found a closing » at character \d+ with no opening mark before it$/);
  });

  it.each(TARGETS)('a missing » in %s is an error: an opening « never closed', (lang) => {
    const p = quotesBalanced.run(EN[ID.war]!, seed(lang, ID.war, /\s?»/u, ''), ctx(lang));
    expect(p.map((x) => x.found)).toEqual(['«']);
  });

  it.each(TARGETS)('mismatched marks in %s («…”) are an error', (lang) => {
    const p = quotesBalanced.run(EN[ID.quoteOnly]!, seed(lang, ID.quoteOnly, /\s?»/u, '”'), ctx(lang));
    expect(p.map((x) => x.found)).toEqual(['«…”']);
  });

  it('a sentence inside a quotation that spans sentences may open without closing, as its source does', () => {
    expect(quotesBalanced.run('“We are still at war.', '«Siamo ancora in guerra.', ctx('it'))).toEqual([]);
    expect(quotesBalanced.run('The country needs to secure its borders,” Haftar said.', 'Il Paese deve proteggere i confini», ha detto Haftar.', ctx('it'))).toEqual([]);
    expect(quotesBalanced.run('“We are still at war.', 'Siamo ancora in guerra.', ctx('it'))[0]!.message).toBe(
      'expected an opening quotation mark like the source\'s “ (the quotation continues in the next sentence); found none',
    );
  });

  it('straight quotes pair by position', () => {
    expect(quotesBalanced.run('He said "no".', 'Ha detto "no".', ctx('it'))).toEqual([]);
    expect(quotesBalanced.run('He said "no".', 'Ha detto "no.', ctx('it'))).toHaveLength(1);
  });
});

describe('quotes-style', () => {
  it.each(TARGETS)('the bundled %s quotation marks are the language\'s own', (lang) => {
    for (const id of QUOTED) expect(quotesStyle.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  it('French wants « » outside; “ ” only inside', () => {
    expect(quotesStyle.run(EN[ID.quoteOnly]!, '“Ses représentants l\'ont dit.”', ctx('fr'))).toMatchObject([
      { expected: '«»', found: '“', message: 'expected French « » (“ ” inside) quotation marks; found “' },
      { expected: '«»', found: '”', message: 'expected French « » (“ ” inside) quotation marks; found ”' },
    ]);
    expect(quotesStyle.run('“He called it a “mini-summit”.”', '« Il a parlé d’un “mini-sommet”. »', ctx('fr'))).toEqual([]);
    // No spacing required: the build adds the no-break spaces.
    expect(quotesStyle.run(EN[ID.quoteOnly]!, '«Ses représentants l\'ont dit.»', ctx('fr'))).toEqual([]);
  });

  it.each(['it', 'ar'] as const)('%s takes « » or “ ”, not straight quotes', (lang) => {
    const t = TR[lang][ID.quoteOnly]!;
    expect(quotesStyle.run(EN[ID.quoteOnly]!, t.replace('«', '“').replace('»', '”'), ctx(lang))).toEqual([]);
    expect(quotesStyle.run(EN[ID.quoteOnly]!, t.replace('«', '"').replace('»', '"'), ctx(lang)).map((p) => p.found)).toEqual(['"']);
  });

  it('German „ is flagged', () => {
    expect(quotesStyle.run(EN[ID.quoteOnly]!, '„Lo hanno affermato i suoi rappresentanti“.', ctx('it')).map((p) => p.found)).toEqual(['„']);
  });
});

describe('untranslated', () => {
  it.each(TARGETS)('every bundled %s segment is translated', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(untranslated.run(EN[id]!, TR[lang][id]!, ctx(lang)), id).toEqual([]);
  });

  it.each(TARGETS)('an English sentence left in %s is an error', (lang) => {
    const p = untranslated.run(EN[ID.photo]!, EN[ID.photo]!, ctx(lang));
    expect(p).toMatchObject([{ expected: `a ${lang} translation`, found: EN[ID.photo]!, message: `expected a translation into ${lang}; found the en source unchanged` }]);
  });

  it.each(TARGETS)('the source with only spacing, case or punctuation changed in %s is still untranslated', (lang) => {
    expect(untranslated.run(EN[ID.photo]!, ` ${EN[ID.photo]!.replace('.', '').toUpperCase()}  `, ctx(lang))).toHaveLength(1);
  });

  it.each(TARGETS)('an empty target in %s is an error', (lang) => {
    expect(untranslated.run(EN[ID.photo]!, ' \u2068\u2069 ', ctx(lang))).toMatchObject([{ expected: 'a translation', found: '', message: 'expected a translation; found an empty target' }]);
  });

  it('an Arabic translation without Arabic letters is untranslated', () => {
    expect(untranslated.run(EN[ID.photo]!, 'Neither Haftar nor al-Sisi posed for the final group photo.', ctx('ar'))[0]!.message).toBe('expected an Arabic translation; found no Arabic letter in it');
  });

  it('names, numbers and links only may stay the same; the attribution has a month to translate', () => {
    expect(untranslated.run('Fayez Al-Sarraj', 'Fayez Al-Sarraj', ctx('it'))).toEqual([]);
    expect(untranslated.run('pic.twitter.com/g5bbaN5LzK', 'pic.twitter.com/g5bbaN5LzK', ctx('ar'))).toEqual([]);
    expect(untranslated.run(EN[ID.attribution]!, EN[ID.attribution]!, ctx('fr'))).toHaveLength(1);
  });
});
