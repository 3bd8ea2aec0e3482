import { describe, expect, it } from 'vitest';
import { emails } from '../../src/checks/emails.js';
import { handles } from '../../src/checks/handles.js';
import { hashtags } from '../../src/checks/hashtags.js';
import { urls } from '../../src/checks/urls.js';
import { scanVerbatim } from '../../src/checks/text.js';
import { EN, ID, TARGETS, TR, ctx, seed } from './bundled.js';

describe('handles', () => {
  it.each(TARGETS)('the bundled %s attribution keeps @AlistairBurtUK', (lang) => {
    expect(handles.run(EN[ID.attribution]!, TR[lang][ID.attribution]!, ctx(lang))).toEqual([]);
  });

  it.each(TARGETS)('a dropped handle in %s is an error naming it', (lang) => {
    const p = handles.run(EN[ID.attribution]!, seed(lang, ID.attribution, ' (@AlistairBurtUK)', ''), ctx(lang));
    expect(p.map((x) => x.message)).toEqual(['expected the handle @AlistairBurtUK exactly as in the source; not found in the translation']);
  });

  it.each(TARGETS)('an altered handle in %s: expected and found', (lang) => {
    const p = handles.run(EN[ID.attribution]!, seed(lang, ID.attribution, '@AlistairBurtUK', '@AlistairBurt'), ctx(lang));
    expect(p).toMatchObject([{ expected: '@AlistairBurtUK', found: '@AlistairBurt', message: 'expected the handle @AlistairBurtUK exactly as in the source; found @AlistairBurt' }]);
  });

  it('bidi isolates around a handle in Arabic are not part of it', () => {
    expect(handles.run(EN[ID.attribution]!, seed('ar', ID.attribution, '@AlistairBurtUK', '\u2068@AlistairBurtUK\u2069'), ctx('ar'))).toEqual([]);
  });

  it('an @ in an e-mail address is not a handle', () => {
    expect(scanVerbatim('write to press@example.org or @UNSMILibya').handles.map((h) => h.text)).toEqual(['@UNSMILibya']);
  });
});

describe('hashtags', () => {
  it.each(TARGETS)('the bundled %s tweet keeps #Libya', (lang) => {
    expect(hashtags.run(EN[ID.hashtag]!, TR[lang][ID.hashtag]!, ctx(lang))).toEqual([]);
  });

  it.each([
    ['it', '#Libia'],
    ['fr', '#Libye'],
    ['ar', '#ليبيا'],
  ] as const)('a translated hashtag in %s (%s) is an error', (lang, tag) => {
    const p = hashtags.run(EN[ID.hashtag]!, seed(lang, ID.hashtag, '#Libya', tag), ctx(lang));
    expect(p).toMatchObject([{ expected: '#Libya', found: tag, message: `expected the hashtag #Libya exactly as in the source; found ${tag}` }]);
  });

  it.each(TARGETS)('a dropped # in %s is an error', (lang) => {
    expect(hashtags.run(EN[ID.hashtag]!, seed(lang, ID.hashtag, '#Libya', 'Libya'), ctx(lang))).toHaveLength(1);
  });

  it('#1 is a number, a URL fragment is part of the URL', () => {
    expect(scanVerbatim('ranked #1, see https://example.org/page#section').hashtags).toEqual([]);
  });
});

describe('urls', () => {
  const source = 'Read the full statement at https://unsmil.unmissions.org/statement?id=12 and see pic.twitter.com/g5bbaN5LzK.';
  const targets = {
    it: 'Leggi la dichiarazione completa su https://unsmil.unmissions.org/statement?id=12 e vedi pic.twitter.com/g5bbaN5LzK.',
    fr: 'Lisez la déclaration complète sur https://unsmil.unmissions.org/statement?id=12 et voyez pic.twitter.com/g5bbaN5LzK.',
    ar: 'اقرأ البيان الكامل على https://unsmil.unmissions.org/statement?id=12 وشاهد pic.twitter.com/g5bbaN5LzK.',
  };

  it.each(TARGETS)('URLs kept in %s: nothing to say (final period not part of the URL)', (lang) => {
    expect(urls.run(source, targets[lang], ctx(lang))).toEqual([]);
  });

  it('a URL followed by Arabic text with no space ends at the Arabic', () => {
    expect(scanVerbatim('على pic.twitter.com/g5bbaN5LzKوشاهد').urls.map((u) => u.text)).toEqual(['pic.twitter.com/g5bbaN5LzK']);
  });

  it.each(TARGETS)('a changed URL in %s is an error with expected and found', (lang) => {
    const p = urls.run(source, targets[lang].replace('g5bbaN5LzK', 'g5bbaN5Lzk'), ctx(lang));
    expect(p).toMatchObject([{ expected: 'pic.twitter.com/g5bbaN5LzK', found: 'pic.twitter.com/g5bbaN5Lzk', message: 'expected the URL pic.twitter.com/g5bbaN5LzK exactly as in the source; found pic.twitter.com/g5bbaN5Lzk' }]);
  });

  it.each(TARGETS)('a dropped URL in %s is an error', (lang) => {
    const p = urls.run(source, targets[lang].replace(/ https:\S+/, ''), ctx(lang));
    expect(p.map((x) => x.expected)).toEqual(['https://unsmil.unmissions.org/statement?id=12']);
  });
});

describe('emails', () => {
  const source = 'Questions go to press@unsmil.org, the mission said.';
  const targets = {
    it: 'Le domande vanno inviate a press@unsmil.org, ha detto la missione.',
    fr: 'Les questions sont à adresser à press@unsmil.org, a indiqué la mission.',
    ar: 'وقالت البعثة إن الأسئلة ترسل إلى press@unsmil.org.',
  };

  it.each(TARGETS)('kept in %s', (lang) => {
    expect(emails.run(source, targets[lang], ctx(lang))).toEqual([]);
  });

  it.each(TARGETS)('altered in %s: an error', (lang) => {
    const p = emails.run(source, targets[lang].replace('press@', 'stampa@'), ctx(lang));
    expect(p.map((x) => x.message)).toEqual(['expected the e-mail address press@unsmil.org exactly as in the source; found stampa@unsmil.org']);
  });

  it.each(TARGETS)('an address the source does not have, in %s: an error', (lang) => {
    const p = emails.run(EN[ID.hashtag]!, `${TR[lang][ID.hashtag]!} info@example.org`, ctx(lang));
    expect(p.map((x) => x.found)).toEqual(['info@example.org']);
  });
});
