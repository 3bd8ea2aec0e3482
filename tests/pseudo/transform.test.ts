/**
 * Pseudo-translation (src/pseudo/transform.ts), pure: accents, expansion, brackets, inline codes
 * untouched, right to left, idempotence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PSEUDO_LANGS, type PseudoLang } from '../../src/core/types.js';
import { encodeInline, type InlinePart } from '../../src/formats/inline.js';
import { ACCENTS, PDF, PSEUDO_LOCALES, RLM, RLO, accent, hasPseudoShell, mirror, padding, pseudoTranslate } from '../../src/pseudo/transform.js';
import { REPO } from '../helpers/project.js';

/** The bundled article's English sentences: real news text, with a #hashtag, an @handle and a bare link. */
const EN = JSON.parse(readFileSync(join(REPO, 'locales/en/palermo-conference.json'), 'utf8')) as Record<string, string>;

/** Sentences with every kind of inline code. */
const CODED = [
  'Welcome today’s conference for #Libya in Palermo.',
  '— Alistair Burt (@AlistairBurtUK) November 13, 2018',
  'Read the [full report](https://example.org/report_2018?id=7) by **Reuters** and *AP*.',
  'Run `npm ci` first, then mail desk@example.com or see https://example.org/a-b.',
  'Photos: pic.twitter.com/g5bbaN5LzK and <b>raw</b> HTML.',
  '[Update](https://example.org/u): talks resume at 14:30.',
];

const SAMPLES = [...Object.values(EN), ...CODED, 'Yes.', 'Tom &amp; Jerry \\*escaped\\* 100%'];

const codesOf = (text: string): unknown[] => encodeInline(text).flatMap((p: InlinePart) => (typeof p === 'string' ? [] : [[p.kind, p.type, p.data]]));
const runsOf = (text: string): string => encodeInline(text).flatMap((p) => (typeof p === 'string' ? [p] : [])).join('');
const length = (s: string): number => [...s].length;
/** Those with words to translate (not the bare link). */
const WORDED = SAMPLES.filter((s) => /\p{L}/u.test(runsOf(s)));
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** A pseudo-translation without its shell "[… !!!]": the sentence inside. */
const inner = (s: string): string => s.replace(/^\[/, '').replace(/ [! ]*!\]$/, '');

describe('qps-ploc: accents', () => {
  it('maps every ASCII letter to a different, single, NFC-stable letter of the same case', () => {
    for (let c = 0; c < 26; c++) {
      for (const letter of [String.fromCharCode(97 + c), String.fromCharCode(65 + c)]) {
        const a = ACCENTS[letter]!;
        expect(a, letter).toBeDefined();
        expect(length(a), letter).toBe(1);
        expect(a, letter).not.toBe(letter);
        expect(a.normalize('NFC'), letter).toBe(a);
        expect(a, letter).toMatch(letter === letter.toUpperCase() ? /^\p{Lu}$/u : /^\p{Ll}$/u);
        expect(a, letter).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('accents the letters: a→å, e→é…, and leaves digits, punctuation and spaces', () => {
    expect(accent('Hello World')).toBe('Ĥéļļö Ŵöŕļð');
    expect(accent('PALERMO: 2011, 14:30 — 100% “ok”')).toBe('ÞÅĻÉŔṀÖ: 2011, 14:30 — 100% “öķ”');
  });

  it('leaves Markdown entity references and backslash escapes byte for byte', () => {
    expect(accent('Tom &amp; Jerry &#x27; \\*not bold\\*')).toBe('Ţöɱ &amp; Ĵéŕŕý &#x27; \\*ñöţ ƀöļð\\*');
  });

  it('leaves no ASCII letter in the text runs of a pseudo-translated sentence', () => {
    for (const s of SAMPLES) expect(runsOf(pseudoTranslate(s, 'qps-ploc')).replace(/&[A-Za-z0-9#]+;/g, ''), s).not.toMatch(/[A-Za-z]/);
  });
});

describe('qps-ploc: expansion and brackets', () => {
  it('pads the padding with "!!!" groups and never ends it on a space', () => {
    expect(padding(0)).toBe('!');
    expect(padding(20)).toBe('!!!!');
    expect(padding(40)).toBe('!!! !!! !!!');
    for (let n = 0; n < 300; n++) expect(padding(n)).toMatch(/^!(?:[! ]*!)?$/);
  });

  it('makes every sentence of the article 30–40% longer', () => {
    for (const s of Object.values(EN)) {
      if (length(s) < 20) continue;
      const ratio = length(pseudoTranslate(s, 'qps-ploc')) / length(s);
      expect(ratio, s).toBeGreaterThanOrEqual(1.3);
      expect(ratio, s).toBeLessThanOrEqual(1.4);
    }
  });

  it('makes short strings grow more (at least four characters), as Microsoft does', () => {
    expect(pseudoTranslate('Yes.', 'qps-ploc')).toBe('[Ýéš. !]');
    expect(pseudoTranslate('OK', 'qps-ploc')).toBe('[ÖĶ !]');
  });

  it('wraps each sentence in [ ], the padding inside, so a cut-off shows', () => {
    expect(pseudoTranslate('The cat sat on the mat.', 'qps-ploc')).toBe('[Ţĥé çåţ šåţ öñ ţĥé ɱåţ. !!! !!]');
    for (const s of SAMPLES) {
      const p = pseudoTranslate(s, 'qps-ploc');
      expect(p, s).toMatch(/^\[[^]* !(?:[! ]*!)?\]$/u);
      expect(hasPseudoShell(p), s).toBe(true);
      expect(hasPseudoShell(s), s).toBe(false);
    }
  });
});

describe('inline codes are never translated', () => {
  for (const code of PSEUDO_LANGS) {
    it(`${code}: links' markup, URLs, e-mail, @handles, #hashtags, code and HTML come back byte for byte, in order`, () => {
      for (const s of [...SAMPLES, ...CODED]) {
        const p = pseudoTranslate(s, code);
        expect(codesOf(p), `${code}: ${s}`).toEqual(codesOf(s));
      }
      const tweet = pseudoTranslate(CODED[0]!, code);
      expect(tweet).toContain(' #Libya ');
      expect(pseudoTranslate(CODED[1]!, code)).toContain('(@AlistairBurtUK)');
      const link = pseudoTranslate(CODED[2]!, code);
      expect(link).toContain('](https://example.org/report_2018?id=7)');
      expect(link).toContain('**');
      expect(pseudoTranslate(CODED[3]!, code)).toContain('`npm ci`');
      expect(pseudoTranslate(CODED[3]!, code)).toContain('desk@example.com');
    });
  }

  it("translates a link's text (it is a text run), not its address", () => {
    const p = pseudoTranslate(CODED[2]!, 'qps-ploc');
    expect(p).toContain('[ƒûļļ ŕéþöŕţ](https://example.org/report_2018?id=7)');
    expect(p).toContain('**Ŕéûţéŕš**');
  });

  it('keeps the digits of the attribution line', () => {
    expect(pseudoTranslate(CODED[1]!, 'qps-ploc')).toBe('[— Åļîšţåîŕ Ɓûŕţ (@AlistairBurtUK) Ñöṽéɱƀéŕ 13, 2018 !!! !!! !!! !!!]');
  });

  it('drops the brackets rather than let them make a link out of a stray "](…)"', () => {
    // In brackets, "[Ñöţé: ƒöö](https://example.org/x)" would be a link: the URL would stop being a placeholder.
    const s = 'Note: foo](https://example.org/x) too.';
    for (const code of PSEUDO_LANGS) expect(codesOf(pseudoTranslate(s, code)), code).toEqual(codesOf(s));
    expect(pseudoTranslate(s, 'qps-ploc')).toBe('Ñöţé: ƒöö](https://example.org/x) ţöö.');
    // A stray bracket that makes no link keeps the brackets.
    expect(pseudoTranslate('See page] (https://example.org).', 'qps-ploc')).toMatch(/^\[Šéé þåĝé\] \(https:\/\/example\.org\)\. ![! ]*!\]$/u);
  });
});

describe('qps-plocm: right to left', () => {
  it('wraps each word that holds a letter in RLM RLO … PDF RLM, and leaves numbers and spaces', () => {
    expect(mirror('Libya plunged in 2011.')).toBe(`${RLM}${RLO}Libya${PDF}${RLM} ${RLM}${RLO}plunged${PDF}${RLM} ${RLM}${RLO}in${PDF}${RLM} 2011.`);
    expect(mirror('  ')).toBe('  ');
  });

  it('balances every override and keeps the text: without controls and brackets it is the source', () => {
    for (const s of WORDED) {
      const p = pseudoTranslate(s, 'qps-plocm');
      expect(p.split(RLO).length, s).toBe(p.split(PDF).length);
      expect(p, s).toContain(RLO);
      expect(inner(p).replace(BIDI, ''), s).toBe(s);
    }
  });

  it('mirrors link text and emphasis, but never puts a control character against a placeholder (URL, @handle, #hashtag…)', () => {
    expect(pseudoTranslate(CODED[2]!, 'qps-plocm')).toContain(`[${RLM}${RLO}full${PDF}${RLM} ${RLM}${RLO}report${PDF}${RLM}](https://example.org/report_2018?id=7)`);
    expect(pseudoTranslate(CODED[2]!, 'qps-plocm')).toContain(`**${RLM}${RLO}Reuters${PDF}${RLM}**`);
    for (const s of SAMPLES) {
      const parts = encodeInline(pseudoTranslate(s, 'qps-plocm'));
      parts.forEach((p, i) => {
        if (typeof p !== 'string') return;
        const before = parts[i - 1];
        const after = parts[i + 1];
        if (before && typeof before !== 'string' && before.kind === 'ph') expect(p[0], `${s}: after ${before.data}`).not.toMatch(BIDI);
        if (after && typeof after !== 'string' && after.kind === 'ph') expect(p.at(-1), `${s}: before ${after.data}`).not.toMatch(BIDI);
      });
    }
  });

  it('is set right to left, qps-ploc left to right', () => {
    expect(PSEUDO_LOCALES['qps-plocm'].dir).toBe('rtl');
    expect(PSEUDO_LOCALES['qps-ploc'].dir).toBe('ltr');
  });

  it('is as long as qps-ploc once the invisible controls are left out', () => {
    for (const s of WORDED) expect(length(pseudoTranslate(s, 'qps-plocm').replace(BIDI, '')), s).toBe(length(pseudoTranslate(s, 'qps-ploc')));
  });
});

describe('deterministic and idempotent', () => {
  for (const code of PSEUDO_LANGS) {
    it(`${code}: pseudo-translating a pseudo-translation changes nothing`, () => {
      for (const s of SAMPLES) {
        const once = pseudoTranslate(s, code);
        expect(pseudoTranslate(once, code), s).toBe(once);
        expect(pseudoTranslate(s, code), s).toBe(once);
      }
    });
  }

  it('the two locales differ from each other and from the source', () => {
    for (const s of WORDED) {
      const [a, b] = PSEUDO_LANGS.map((c: PseudoLang) => pseudoTranslate(s, c));
      expect(a).not.toBe(s);
      expect(b).not.toBe(s);
      expect(a).not.toBe(b);
    }
  });
});
