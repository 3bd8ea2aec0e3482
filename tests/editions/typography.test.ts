/**
 * Typography at assembly: French (Imprimerie nationale), Italian, English and Arabic, on the
 * bundled translations and on hand-made hard cases; idempotence; the sentence joiner.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NBSP, NNBSP, joinSentences, protectedSpans, sentenceJoiner, typeset } from '../../src/formats/typography.js';

const locale = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(resolve(process.cwd(), `locales/${lang}/palermo-conference.json`), 'utf8')) as Record<string, string>;
const FR = locale('fr');
const IT = locale('it');
const AR = locale('ar');
const EN = locale('en');
/** The bundled translation of the English sentence that starts with `prefix` (ids may change, sentences do not). */
const tr = (res: Record<string, string>, prefix: string): string => {
  const id = Object.keys(EN).find((k) => EN[k]!.startsWith(prefix));
  const t = id === undefined ? undefined : res[id];
  if (t === undefined) throw new Error(`no translation for "${prefix}"`);
  return t;
};

/** Makes the invisible visible in failure messages: ⍽ U+00A0, · U+202F. */
const show = (s: string): string => s.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·');
const fr = (s: string): string => show(typeset(s, 'fr'));

describe('French, Imprimerie nationale: U+202F before ; ! ?, U+00A0 before : and inside « »', () => {
  it('sets the dateline colon of the bundled translation with a no-break space', () => {
    expect(fr(tr(FR, 'PALERMO:'))).toMatch(/^PALERME⍽: Le président du Conseil italien/);
  });

  it('sets the guillemets of the bundled quotes with no-break spaces inside', () => {
    expect(fr(tr(FR, '“Haftar is committed'))).toBe('«⍽Haftar est engagé dans le processus politique⍽», a déclaré M. Salamé à la presse à l\'issue d\'une conférence de réconciliation en Italie.');
    expect(fr(tr(FR, '“His representatives'))).toBe('«⍽Ses représentants l\'ont dit.⍽»');
    expect(fr(tr(FR, 'The office of Egyptian'))).toContain('au «⍽mini-sommet⍽» avec M. Conte');
  });

  it('the bundled translator already typed Imprimerie nationale spaces: every French sentence comes back as it is', () => {
    expect(tr(FR, 'PALERMO:')).toContain('PALERME\u00a0:');
    for (const [id, s] of Object.entries(FR)) expect(show(typeset(s, 'fr')), id).toBe(show(s));
  });

  it('typed with ordinary spaces, every bundled French sentence is set as the translator set it', () => {
    let changed = 0;
    for (const [id, s] of Object.entries(FR)) {
      const plain = s.replace(/[\u00a0\u202f]/g, ' ');
      if (plain !== s) changed++;
      expect(show(typeset(plain, 'fr')), id).toBe(show(s));
      expect(typeset(plain, 'fr'), id).not.toMatch(/ [;:!?»]|« |\s{2}/u);
    }
    expect(changed).toBeGreaterThanOrEqual(5);
  });

  it('is idempotent on every bundled sentence', () => {
    for (const [id, s] of Object.entries(FR)) expect(typeset(typeset(s, 'fr'), 'fr'), id).toBe(typeset(s, 'fr'));
  });

  it('replaces whatever space was typed, never doubles it, and adds a missing one', () => {
    expect(fr('Quoi ?')).toBe('Quoi·?');
    expect(fr('Quoi?')).toBe('Quoi·?');
    expect(fr('Quoi\u00a0?')).toBe('Quoi·?');
    expect(fr('Quoi  ?')).toBe('Quoi·?');
    expect(fr('Quoi\u2009!')).toBe('Quoi·!');
    expect(fr('Vraiment ?!')).toBe('Vraiment·?!');
    expect(fr('un ; deux')).toBe('un·; deux');
    expect(fr('un;deux')).toBe('un;deux'); // not punctuation: nothing follows it
    expect(fr('PALERME: Le')).toBe('PALERME⍽: Le');
    expect(fr('PALERME\u202f: Le')).toBe('PALERME⍽: Le');
    expect(fr('(pourquoi ?)')).toBe('(pourquoi·?)');
  });

  it('guillemets with existing, doubled, no-break or missing spaces all come out the same', () => {
    for (const s of ['« Bonjour »', '«Bonjour»', '«  Bonjour   »', '«\u00a0Bonjour\u00a0»', '«\u202fBonjour\u202f»', '« Bonjour»']) expect(fr(s), s).toBe('«⍽Bonjour⍽»');
    expect(fr('« Bonjour ! »')).toBe('«⍽Bonjour·!⍽»');
    expect(fr('« Bonjour » : oui')).toBe('«⍽Bonjour⍽»⍽: oui');
    expect(fr('Il a dit « ')).toBe('Il a dit « '); // a lone opening mark at the end: as typed
  });

  it('leaves URLs (with colons), e-mail addresses, @handles, #hashtags, times and ratios alone', () => {
    const cases = [
      'https://example.com:8080/a?b=c;d=e',
      'mailto:presse@example.fr',
      'http://[2001:db8::1]/',
      'pic.twitter.com/g5bbaN5LzK',
      'www.example.fr/?q=1',
      '— Alistair Burt (@AlistairBurtUK) 13 novembre 2018',
      'pour la #Libya à Palerme.',
      'à 14:30, puis à 9:05:30',
      'score 3:1',
      'std::vector',
      'Re:Sujet',
      'le code `a ; b` et [lien](https://x.fr/a?b:c)',
      'un clin d’œil ;) et un sourire :)',
    ];
    for (const s of cases) expect(typeset(s, 'fr'), s).toBe(s);
  });

  it('sets the punctuation next to those, outside them', () => {
    expect(fr('Voir https://example.com/a?b=1 !')).toBe('Voir https://example.com/a?b=1·!');
    expect(fr('Voir https://example.com/a!')).toBe('Voir https://example.com/a·!');
    expect(fr('Lien : https://x.fr:')).toBe('Lien⍽: https://x.fr⍽:');
    expect(fr('Écrivez à presse@example.fr ; merci')).toBe('Écrivez à presse@example.fr·; merci');
    expect(fr('Suivez @AlistairBurtUK!')).toBe('Suivez @AlistairBurtUK·!');
    expect(fr('RDV à 14:30 ; ensuite')).toBe('RDV à 14:30·; ensuite');
  });

  it('hard cases are idempotent too', () => {
    for (const s of ['«Quoi?»', 'Lien : https://x.fr:', 'Voir https://example.com/a!', '« « x » »', 'a :', ': a', '!', '« »', 'x ?? y', 'a\u00a0\u202f; b']) {
      expect(typeset(typeset(s, 'fr'), 'fr'), s).toBe(typeset(s, 'fr'));
    }
  });

  it('protected spans cover exactly the tokens', () => {
    const s = 'Voir https://x.fr/a, @h, #t et 14:30.';
    expect(protectedSpans(s).map((p) => s.slice(p.start, p.end))).toEqual(['https://x.fr/a', '@h', '#t', '14:30']);
  });
});

describe('Italian: « » as the translation uses them, no inner spaces', () => {
  it('leaves every bundled Italian sentence as it is', () => {
    for (const [id, s] of Object.entries(IT)) expect(typeset(s, 'it'), id).toBe(s);
    expect(tr(IT, '“Haftar is committed')).toMatch(/^«Haftar/);
  });

  it('removes spaces typed inside the guillemets, and only there', () => {
    expect(typeset('« Haftar è impegnato »', 'it')).toBe('«Haftar è impegnato»');
    expect(typeset('«\u00a0Haftar\u202f», ha detto', 'it')).toBe('«Haftar», ha detto');
    expect(typeset('Conte : ha detto ?', 'it')).toBe('Conte : ha detto ?');
    expect(typeset(typeset('« a »', 'it'), 'it')).toBe('«a»');
  });
});

describe('English and Arabic: nothing Latin-specific', () => {
  it('English keeps curly quotes and apostrophes as written, and every space', () => {
    for (const [id, s] of Object.entries(EN)) expect(typeset(s, 'en'), id).toBe(s);
    expect(typeset('“Haftar is committed,” Salame said: Libya’s “mini-summit” ?', 'en')).toBe('“Haftar is committed,” Salame said: Libya’s “mini-summit” ?');
  });

  it('Arabic gets no French rule', () => {
    for (const [id, s] of Object.entries(AR)) expect(typeset(s, 'ar'), id).toBe(s);
    expect(typeset('وقال: «حفتر ملتزم» ؟', 'ar')).toBe('وقال: «حفتر ملتزم» ؟');
  });
});

describe('joining sentences', () => {
  const join = (parts: Parameters<typeof joinSentences>[0], lang: string): string => joinSentences(parts, lang).join('');

  it('one space between sentences in a language written with spaces, whatever the translator typed', () => {
    expect(join([{ sentence: '« Haftar. »' }, { separator: ' ' }, { sentence: '« Lui. »' }], 'fr')).toBe('« Haftar. » « Lui. »');
    expect(join([{ sentence: 'A. ' }, { separator: ' ' }, { sentence: ' B.' }], 'fr')).toBe('A. B.');
    expect(join([{ sentence: 'A.\u00a0' }, { separator: '  ' }, { sentence: 'B.' }], 'it')).toBe('A. B.');
    expect(join([{ sentence: 'A.' }, { separator: '' }, { sentence: 'B.' }], 'ar')).toBe('A. B.'); // the source had none: not missing here
    expect(join([{ sentence: 'قال.' }, { separator: ' ' }, { sentence: 'ثم.' }], 'ar')).toBe('قال. ثم.');
  });

  it('none between two sentences of a script written without spaces; a space next to another script', () => {
    expect(sentenceJoiner('你好。', '再见。', 'zh')).toBe('');
    expect(sentenceJoiner('こんにちは。', 'さようなら。', 'ja')).toBe('');
    expect(sentenceJoiner('Hello.', '你好。', 'zh')).toBe(' ');
    expect(sentenceJoiner('A.', 'B.', 'fr')).toBe(' ');
    expect(sentenceJoiner('2018.', '2019.', 'ja')).toBe(''); // digits say nothing: the language decides
    expect(join([{ sentence: '你好。 ' }, { separator: ' ' }, { sentence: '再见。' }, { separator: ' ' }, { sentence: 'Hello.' }], 'zh')).toBe('你好。再见。 Hello.');
  });

  it('an empty sentence takes no joiner; text separators and block boundaries are kept', () => {
    expect(join([{ sentence: 'A.' }, { separator: ' ' }, { sentence: ' ' }, { separator: ' ' }, { sentence: 'C.' }], 'fr')).toBe('A. C.');
    expect(join([{ sentence: '' }, { separator: ' ' }, { sentence: 'B.' }], 'fr')).toBe('B.');
    expect(join([{ sentence: 'A.' }, { separator: ' ' }, { sentence: '' }], 'fr')).toBe('A.');
    expect(join([{ sentence: 'A.' }, { separator: ' — ' }, { sentence: 'B.' }], 'fr')).toBe('A. — B.');
    expect(join([{ sentence: 'A.' }, { separator: '\n> ', keepLineBreak: true }, { sentence: 'B.' }], 'fr')).toBe('A.\n> B.');
    expect(join([{ sentence: 'A.' }, { separator: '\n\n', fixed: true }, { sentence: 'B.' }], 'fr')).toBe('A.\n\nB.');
  });
});
