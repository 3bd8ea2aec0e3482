import { describe, expect, it } from 'vitest';
import { endPunctuation } from '../../src/checks/end-punctuation.js';
import { inlineMarkup } from '../../src/checks/inline-markup.js';
import { EN, ID, TARGETS, TR, ctx, seed } from './bundled.js';

describe('inline-markup', () => {
  const source = 'Read the [UN action plan](https://unsmil.unmissions.org/plan) and run `tessera check` before *publishing*.';
  const targets = {
    it: 'Leggi il [piano d’azione dell’ONU](https://unsmil.unmissions.org/plan) ed esegui `tessera check` prima di *pubblicare*.',
    fr: 'Lisez le [plan d’action de l’ONU](https://unsmil.unmissions.org/plan) et lancez `tessera check` avant de *publier*.',
    ar: 'اقرأ [خطة عمل الأمم المتحدة](https://unsmil.unmissions.org/plan) وشغّل `tessera check` قبل *النشر*.',
  };

  it.each(TARGETS)('intact markup in %s: nothing to say', (lang) => {
    expect(inlineMarkup.run(source, targets[lang], ctx(lang))).toEqual([]);
  });

  it.each(TARGETS)('the bundled %s sentences have no markup and pass', (lang) => {
    for (const id of Object.keys(TR[lang])) expect(inlineMarkup.run(EN[id]!, TR[lang][id]!, ctx(lang))).toEqual([]);
  });

  it.each(TARGETS)('a changed link destination in %s is an error', (lang) => {
    const p = inlineMarkup.run(source, targets[lang].replace('/plan)', '/piano)'), ctx(lang));
    expect(p.map((x) => x.expected ?? x.found)).toEqual(['https://unsmil.unmissions.org/plan', 'https://unsmil.unmissions.org/piano']);
    expect(p[0]!.message).toBe('expected the link destination https://unsmil.unmissions.org/plan unchanged; not found in the translation');
  });

  it.each(TARGETS)('a translated code span in %s is an error', (lang) => {
    const p = inlineMarkup.run(source, targets[lang].replace('`tessera check`', '`tessera controlla`'), ctx(lang));
    expect(p.map((x) => x.expected ?? x.found)).toEqual(['`tessera check`', '`tessera controlla`']);
  });

  it.each(TARGETS)('a lost emphasis marker in %s is an error', (lang) => {
    const p = inlineMarkup.run(source, targets[lang].replace(/\*\./, '.'), ctx(lang));
    expect(p.map((x) => x.message)).toEqual(['expected 2 emphasis marker(s) (* *) as in the source; found 1 (*)']);
  });
});

describe('end-punctuation', () => {
  it.each(TARGETS)('every bundled %s translation ends as its source (quotes looked through)', (lang) => {
    for (const id of Object.keys(TR[lang])) {
      expect(endPunctuation.run(EN[id]!, TR[lang][id]!, ctx(lang, { kind: id === ID.headline ? 'headline' : 'paragraph' })), id).toEqual([]);
    }
  });

  it.each(TARGETS)('a dropped full stop in %s is reported, with what was expected', (lang) => {
    const p = endPunctuation.run(EN[ID.year2011]!, seed(lang, ID.year2011, /\.$/, ''), ctx(lang));
    expect(p).toMatchObject([{ expected: '.', found: '', message: 'expected the translation to end with ".", as the source does; found no final punctuation' }]);
  });

  it.each(TARGETS)('a dropped full stop inside the closing quote in %s is reported', (lang) => {
    const target = seed(lang, ID.quoteOnly, /\.(\s?»)$|(»)\.$/u, '$1$2');
    expect(endPunctuation.run(EN[ID.quoteOnly]!, target, ctx(lang))).toHaveLength(1);
  });

  it('Arabic wants ؟ for ?; Italian and French keep ?', () => {
    const source = 'Is Haftar committed to the political process?';
    expect(endPunctuation.run(source, 'هل حفتر ملتزم بالعملية السياسية؟', ctx('ar'))).toEqual([]);
    expect(endPunctuation.run(source, 'هل حفتر ملتزم بالعملية السياسية?', ctx('ar'))).toMatchObject([
      { expected: '؟', found: '?', message: 'expected the translation to end with "؟" for the source\'s "?"; found "?"' },
    ]);
    expect(endPunctuation.run(source, 'Haftar è impegnato nel processo politico?', ctx('it'))).toEqual([]);
    expect(endPunctuation.run(source, 'Haftar est-il engagé dans le processus politique\u202f?', ctx('fr'))).toEqual([]);
    expect(endPunctuation.run(source, 'Haftar est engagé dans le processus politique.', ctx('fr'))[0]!.message).toBe(
      'expected the translation to end with "?", as the source does; found "."',
    );
  });

  it('a full stop is fine in Arabic, and so is ۔', () => {
    expect(endPunctuation.run(EN[ID.photo]!, TR.ar[ID.photo]!.replace(/\.$/, '۔'), ctx('ar'))).toEqual([]);
  });

  it('a headline may drop a final full stop, not a question mark; a source without punctuation wants none', () => {
    expect(endPunctuation.run('Italy brings Libya’s rival leaders together.', TR.it[ID.headline]!, ctx('it', { kind: 'headline' }))).toEqual([]);
    expect(endPunctuation.run('Will Haftar come?', 'Haftar verrà', ctx('it', { kind: 'headline' }))).toHaveLength(1);
    expect(endPunctuation.run(EN[ID.headline]!, `${TR.fr[ID.headline]!}.`, ctx('fr', { kind: 'headline' }))[0]!.message).toBe('expected no final punctuation, as in the source; found "."');
  });

  it('an ellipsis may be … or ...', () => {
    expect(endPunctuation.run('And then…', 'E poi...', ctx('it'))).toEqual([]);
    expect(endPunctuation.run('And then…', 'E poi.', ctx('it'))).toHaveLength(1);
  });
});
