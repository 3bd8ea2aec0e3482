/** SRX 2.0 export and import: deterministic output, a faithful round trip, clear errors. */
import { describe, expect, it } from 'vitest';
import { createSegmenter, loadSrx, parseSrx, resolveRuleSet, RULE_FILES, SrxError, srxRuleSet, toSrx } from '../../src/segment/index.js';

const xml = toSrx();

describe('toSrx', () => {
  it('is deterministic and well-formed SRX 2.0 with cascading', () => {
    expect(toSrx()).toBe(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<srx xmlns="http:\/\/www.lisa.org\/srx20" version="2.0">/);
    expect(xml).toContain('<header segmentsubflows="yes" cascade="yes">');
    expect(xml.endsWith('</srx>\n')).toBe(true);
    const doc = parseSrx(xml);
    expect(doc.cascade).toBe(true);
    expect(doc.mapRules).toEqual([
      { pattern: 'ar.*', languageRule: 'ar' },
      { pattern: 'en.*', languageRule: 'en' },
      { pattern: 'fr.*', languageRule: 'fr' },
      { pattern: 'it.*', languageRule: 'it' },
      { pattern: '.*', languageRule: 'base' },
    ]);
  });

  it('round-trips every rule file’s regex rules, ids and notes', () => {
    const doc = parseSrx(xml);
    for (const [name, file] of Object.entries(RULE_FILES)) {
      expect(doc.languageRules[name]!.slice(0, file.rules.length)).toEqual(file.rules);
    }
  });

  it('writes the word lists as rules, so SRX-only tools segment nearly the same', () => {
    const doc = parseSrx(xml);
    const seg = (lang: string, text: string): string[] => createSegmenter(srxRuleSet(doc, lang)).segment(text);
    expect(seg('en-GB', 'Mr. Smith went to the U.S. Government. I live in the U.S. How about you? Gen. Haftar left.')).toEqual([
      'Mr. Smith went to the U.S. Government.',
      'I live in the U.S.',
      'How about you?',
      'Gen. Haftar left.',
    ]);
    expect(seg('it', 'Il dott. Rossi è qui. Vedi pag. 5 del rapporto.')).toEqual(['Il dott. Rossi è qui.', 'Vedi pag. 5 del rapporto.']);
    expect(seg('FR', 'M. Le Drian est arrivé. « Nous sommes prêts », a-t-il dit.')).toEqual(['M. Le Drian est arrivé.', '« Nous sommes prêts », a-t-il dit.']);
    expect(seg('ar', 'وقال د. ديفيد ريدي إنها كانت تعاني. هل هذا معقول؟ نعم.')).toEqual(['وقال د. ديفيد ريدي إنها كانت تعاني.', 'هل هذا معقول؟', 'نعم.']);
  });

  it('loads straight into a segmenter (the JSDoc example)', () => {
    expect(loadSrx(xml, 'en').segment('Mr. Smith left. He came back.')).toEqual(['Mr. Smith left.', 'He came back.']);
  });

  it('writes custom rule files too, escaping XML', () => {
    const out = toSrx({
      base: { name: 'base', rules: [{ id: 'amp', break: false, before: 'A&B<', after: '"', note: 'a -- b' }] },
    });
    expect(out).toContain('<beforebreak>A&amp;B&lt;</beforebreak>');
    expect(out).toContain('<!-- amp: a - - b -->');
    expect(parseSrx(out).languageRules.base![0]).toEqual({ id: 'amp', break: false, before: 'A&B<', after: '"', note: 'a - - b' });
  });
});

describe('parseSrx', () => {
  const wrap = (body: string, header = '<header segmentsubflows="yes" cascade="no"/>'): string =>
    `<?xml version="1.0"?>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0">\n${header}\n<body>\n${body}\n</body>\n</srx>`;

  it('reads a hand-written SRX file with plain SRX semantics', () => {
    const doc = parseSrx(
      wrap(`<languagerules>
  <languagerule languagerulename="Default">
    <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule><beforebreak>[.?!]+</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule break="yes"><beforebreak>:</beforebreak><afterbreak>\\s</afterbreak></rule>
  </languagerule>
</languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules>`),
    );
    expect(doc.cascade).toBe(false);
    expect(doc.languageRules.Default!.map((r) => r.id)).toEqual(['Default-1', 'Default-2', 'Default-3']);
    const seg = createSegmenter(srxRuleSet(doc, 'de'));
    expect(seg.segment('Dr. Who kam. Note: alles gut')).toEqual(['Dr. Who kam.', 'Note:', 'alles gut']);
  });

  it('skips elements of other namespaces', () => {
    const doc = parseSrx(
      wrap(
        `<languagerules><languagerule languagerulename="x"><rule><beforebreak>\\.</beforebreak></rule></languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules>`,
        '<header cascade="yes"><okp:options xmlns:okp="http://okapi.sf.net/srx-extensions" oneSegmentIncludesAll="no"/></header>',
      ),
    );
    expect(doc.languageRules.x).toHaveLength(1);
  });

  const errors: Array<[string, string, RegExp]> = [
    ['not well-formed XML', '<srx version="2.0" xmlns="http://www.lisa.org/srx20">\n<body>\n</srx>', /^SRX line 3: not well-formed XML/],
    ['another version', '<srx version="1.0" xmlns="http://www.lisa.org/srx20"/>', /line 1: expected SRX version="2.0", received version="1.0"/],
    ['another root', '<segmentation/>', /line 1: unexpected <segmentation> as the root element; expected <srx>/],
    ['a misplaced element', wrap('<languagerules>\n<rule/>\n</languagerules>'), /line 6: unexpected <rule> inside <languagerules>; expected <languagerule>/],
    ['a nameless language rule', wrap('<languagerules>\n<languagerule/>\n</languagerules>'), /line 6: <languagerule> needs a languagerulename attribute/],
    [
      'an invalid regex',
      wrap('<languagerules>\n<languagerule languagerulename="x">\n<rule><beforebreak>(</beforebreak></rule>\n</languagerule>\n</languagerules>'),
      /line 7: segmentation rule "x-1": "before" \(\(\) is not a valid JavaScript regular expression/,
    ],
    ['a bad break value', wrap('<languagerules>\n<languagerule languagerulename="x">\n<rule break="maybe"/>\n</languagerule>\n</languagerules>'), /line 7: <rule> break="maybe": expected "yes" or "no"/],
    [
      'a map to an unknown rule',
      wrap('<languagerules>\n<languagerule languagerulename="x"/>\n</languagerules>\n<maprules>\n<languagemap languagepattern="en" languagerulename="y"/>\n</maprules>'),
      /line 9: <languagemap> names languagerulename "y", which no <languagerule> defines \(defined: x\)/,
    ],
    ['stray text', wrap('<languagerules>oops</languagerules>'), /line 5: unexpected text "oops" inside <languagerules>/],
  ];
  it.each(errors)('reports %s with its line', (_name, input, message) => {
    expect(() => parseSrx(input)).toThrow(SrxError);
    expect(() => parseSrx(input)).toThrow(message);
  });

  it('says when no map matches a language', () => {
    const doc = parseSrx(wrap('<languagerules><languagerule languagerulename="x"/></languagerules><maprules><languagemap languagepattern="en.*" languagerulename="x"/></maprules>'));
    expect(() => srxRuleSet(doc, 'ar')).toThrow(/no <languagemap> matches language "ar" \(patterns: en\.\*\)/);
  });
});

it('the exported SRX of a resolved language keeps the language’s rules before the base ones', () => {
  const doc = parseSrx(xml);
  const en = srxRuleSet(doc, 'en');
  expect(en.cascade).toEqual(['en', 'base']);
  expect(en.rules[0]!.id).toBe(resolveRuleSet(RULE_FILES.en!).rules[0]!.id);
  expect(en.contextual).toBe(false);
});
