/** The public API and the phenomena each contextual rule handles, one small case at a time. */
import { describe, expect, it } from 'vitest';
import {
  createSegmenter,
  resolveRuleSet,
  RULE_FILES,
  SEGMENT_LANGS,
  segmentText,
  splitSentences,
  type RuleFile,
  type SegmentLang,
} from '../../src/segment/index.js';

describe('splitSentences / segmentText', () => {
  it('returns trimmed, ordered, non-overlapping spans that match segmentText', () => {
    const text = '  Hello World.   My name is Jonas. \n What is yours?  ';
    const spans = splitSentences(text, 'en');
    expect(spans).toEqual([
      { start: 2, end: 14 },
      { start: 17, end: 34 },
      { start: 37, end: 51 },
    ]);
    expect(segmentText(text, 'en')).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  });

  it('gives nothing for empty or blank text', () => {
    for (const lang of SEGMENT_LANGS) {
      expect(splitSentences('', lang)).toEqual([]);
      expect(splitSentences(' \n\t\u00a0', lang)).toEqual([]);
    }
  });

  it('rejects an unknown language, naming the ones it knows', () => {
    expect(() => splitSentences('Hi.', 'de' as SegmentLang)).toThrow(/expected a language among en, it, fr, ar, received "de"/);
  });

  it('keeps the JSDoc examples true', () => {
    expect(segmentText('“Haftar is committed,” Salame said. Gen. Haftar left at 5 p.m. Tuesday.', 'en')).toEqual([
      '“Haftar is committed,” Salame said.',
      'Gen. Haftar left at 5 p.m. Tuesday.',
    ]);
    expect(splitSentences('Ciao! Come sta la Sig.ra Rossi?', 'it')).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 31 },
    ]);
    expect(splitSentences('I live in the U.S. How about you?', 'en')).toEqual([
      { start: 0, end: 18 },
      { start: 19, end: 33 },
    ]);
    expect(segmentText('« Nous sommes prêts. » M. Le Drian est arrivé.', 'fr')).toEqual(['« Nous sommes prêts. »', 'M. Le Drian est arrivé.']);
  });
});

const cases: Array<[string, SegmentLang, string, string[]]> = [
  ['continuation: comma after a closing quote', 'en', '“Why?”, he asked.', ['“Why?”, he asked.']],
  ['continuation: colon after an abbreviation', 'it', 'Il mio tel.: 0123. Grazie.', ['Il mio tel.: 0123.', 'Grazie.']],
  ['glued: no space before a capital', 'en', 'It rained.Then it stopped.', ['It rained.', 'Then it stopped.']],
  ['glued: inner dots of abbreviations and decimals', 'en', 'The Sig.ra sold 3.5 kg.', ['The Sig.ra sold 3.5 kg.']],
  ['list marker at the start of a segment', 'en', '2. The second point.', ['2. The second point.']],
  ['lettered list run together', 'en', 'a. Wait b. Watch', ['a. Wait', 'b. Watch']],
  ['numbered list needs consecutive numbers', 'en', '1. Take 3 apples. 5 pears are left.', ['1. Take 3 apples.', '5 pears are left.']],
  ['spaced three-dot ellipsis stays inside', 'en', 'He paused . . . I waited.', ['He paused . . . I waited.']],
  ['four dots, the first glued: the sentence ends at it', 'en', 'It ended. . . . The rest followed.', ['It ended.', '. . . The rest followed.']],
  ['bracketed ellipsis', 'en', 'He said [...] Nothing.', ['He said [...] Nothing.']],
  ['verse quotation stays whole', 'it', '"Nel mezzo. Del cammin / di nostra vita" (Dante).', ['"Nel mezzo. Del cammin / di nostra vita" (Dante).']],
  ['quote attribution after !', 'en', '“Go!” Conte said. Then he left.', ['“Go!” Conte said.', 'Then he left.']],
  ['after a plain stop the attribution must end there', 'en', '“We won.” Conte said the talks would resume.', ['“We won.”', 'Conte said the talks would resume.']],
  ['Arabic attribution verb after a closing quote', 'ar', '«كفى؟» قال الوزير. ثم غادر.', ['«كفى؟» قال الوزير.', 'ثم غادر.']],
  ['strong stop before lower case', 'en', 'Shares of Yahoo! fell.', ['Shares of Yahoo! fell.']],
  ['title never ends a sentence', 'en', 'It was Gen. Haftar.', ['It was Gen. Haftar.']],
  ['numeric abbreviation before a number', 'fr', 'Voir art. 5. Le texte suit.', ['Voir art. 5.', 'Le texte suit.']],
  ['ambiguous abbreviation before a starter and a non-starter', 'en', 'It went to Acme Inc. The rival, Beta Inc. Chief Bob, lost.', ['It went to Acme Inc.', 'The rival, Beta Inc. Chief Bob, lost.']],
  ['elided starter after an abbreviation', 'it', 'Lavora alla Fiat S.p.A. L\'azienda cresce.', ['Lavora alla Fiat S.p.A.', "L'azienda cresce."]],
  ['caseless script after a stop', 'ar', 'انتهى الاجتماع. وغادر الوفد.', ['انتهى الاجتماع.', 'وغادر الوفد.']],
  ['trailing handle after a stop', 'en', 'Thanks to all. @UN', ['Thanks to all.', '@UN']],
  ['link inside a sentence', 'en', 'See www.example.com/a.html for more.', ['See www.example.com/a.html for more.']],
  ['dash aside with a question', 'fr', 'La question — qui paie ? — reste ouverte.', ['La question — qui paie ? — reste ouverte.']],
  ['Markdown emphasis closing after the stop', 'en', '**Haftar is committed.** Salame said more.', ['**Haftar is committed.**', 'Salame said more.']],
  ['Markdown emphasis opening the next sentence', 'en', 'He left. **Then** he came back.', ['He left.', '**Then** he came back.']],
  ['Markdown link ending a sentence', 'en', 'Read the [U.N. report](https://un.org/x.html). It is long.', ['Read the [U.N. report](https://un.org/x.html).', 'It is long.']],
  ['emoji after a stop stay with the sentence', 'en', 'He won! 😀 The next day he lost.', ['He won! 😀', 'The next day he lost.']],
  ['tweet signature ends after its date', 'en', '— Ann Lee (@ann) May 2, 2019 The story went on.', ['— Ann Lee (@ann) May 2, 2019', 'The story went on.']],
];

describe.each(cases)('%s', (_name, lang, text, expected) => {
  it(`${lang}: ${text}`, () => expect(segmentText(text, lang)).toEqual(expected));
});

describe('createSegmenter with custom rules', () => {
  const custom: RuleFile = {
    name: 'en-wire',
    extends: 'en',
    rules: [{ id: 'never-after-Corp', break: false, before: 'Corp\\.', after: '\\s', note: 'house style' }],
    abbreviations: { prefix: ['Supt'] },
  };
  const files = { ...RULE_FILES, 'en-wire': custom };
  const seg = createSegmenter(resolveRuleSet(custom, files));

  it('applies the extending file first, then the cascade', () => {
    expect(seg.rules.cascade).toEqual(['en-wire', 'en', 'base']);
    expect(seg.rules.rules[0]!.id).toBe('never-after-Corp');
    expect(seg.segment('It went to Acme Corp. The rival lost.')).toEqual(['It went to Acme Corp. The rival lost.']);
    expect(segmentText('It went to Acme Corp. The rival lost.', 'en')).toEqual(['It went to Acme Corp.', 'The rival lost.']);
  });

  it('reports a missing or looping extends', () => {
    expect(() => resolveRuleSet({ name: 'x', extends: 'nope', rules: [] })).toThrow(/extends "nope", which is not one of: base, en, it, fr, ar/);
    const a: RuleFile = { name: 'a', extends: 'b', rules: [] };
    const b: RuleFile = { name: 'b', extends: 'a', rules: [] };
    expect(() => resolveRuleSet(a, { a, b })).toThrow(/loops back to "a"/);
  });

  it('names the rule and the part of it whose regex is invalid', () => {
    const bad = resolveRuleSet({ name: 'bad', rules: [{ id: 'broken', break: true, before: '(', after: '' }] }, {});
    expect(() => createSegmenter(bad)).toThrow(/rule "broken": "before" \(\(\) is not a valid JavaScript regular expression/);
  });
});
