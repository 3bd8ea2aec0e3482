import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyLocale } from '../../src/core/reconcile.js';
import { parseArticle } from '../../src/formats/article.js';
import type { ExchangeFile, ExchangeUnit, ReadFile, ReadUnit } from '../../src/formats/xliff/model.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { fromSubState, fromXliff12State, fromXliff2State, toSubState, toXliff12State, toXliff2State } from '../../src/formats/xliff/states.js';
import { writeXliff12 } from '../../src/formats/xliff/write12.js';
import { writeXliff20 } from '../../src/formats/xliff/write20.js';
import { exchangeFile } from '../../src/pipeline/steps/export.js';
import { inputErrorOf } from '../helpers/errors.js';

const NS12 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS20 = 'urn:oasis:names:tc:xliff:document:2.0';

const SPECIAL_SOURCE = 'Tom & Jerry said <b>"hi"</b> > \'bye\' — it’s «fine» & done.';
const ARABIC = 'قال "حفتر" إن <الوضع> & «صعب» — ليبيا’';

function sampleFile(): ExchangeFile {
  const units: ExchangeUnit[] = [
    { id: 'ec0f9538b1', source: 'Italy brings Libya’s rival leaders together', state: 'new', translate: true, notes: ['Headline'] },
    { id: '131d6493ad', source: 'PALERMO: Italy’s premier hosted a meeting.', target: 'PALERMO: il premier italiano ha ospitato un incontro.', state: 'translated', provenance: 'human', translate: true, notes: ['Paragraph 1, sentence 1 of 1', 'Next sentence: Photos…'] },
    { id: 'fe8eaac31c', source: 'Photos showed the encounter.', target: 'Le foto mostravano l’incontro.', state: 'reviewed', provenance: 'tm', translate: true, notes: [] },
    { id: 'bba3087de8', source: 'Haftar was there.', target: 'Haftar era lì.', state: 'final', provenance: 'mt', translate: true, notes: [] },
    { id: '60c57e9b47', source: 'Later, the envoy spoke.', target: '[Ļàţéŕ, ţĥé éñvöý šþöķé.]', state: 'translated', provenance: 'pseudo', translate: true, notes: [] },
    { id: '0506a5e030', source: 'pic.twitter.com/g5bbaN5LzK', state: 'new', translate: false, notes: ['Needs no translation (a link): keep it as it is.'] },
    { id: '8419a03ba2', source: SPECIAL_SOURCE, target: ARABIC, state: 'translated', provenance: 'human', translate: true, notes: ['Note with <markup> & "quotes"'] },
    { id: 'c497d4d566', source: 'Fayez Al-Sarraj', target: 'Fayez Al-Sarraj', state: 'reviewed', provenance: 'human', translate: true, notes: [] },
    { id: 'c497d4d566-2', source: 'Two  spaces  kept.', target: 'Due  spazi  tenuti.', state: 'translated', provenance: 'mt', translate: true, notes: [] },
  ];
  return {
    article: 'palermo-conference',
    sourceLang: 'en',
    targetLang: 'ar',
    notes: ['Article: Italy brings Libya’s rival leaders together', 'Published: 2018-11-13, PALERMO'],
    units,
  };
}

function expectRoundTrip(read: ReadFile[], file: ExchangeFile, version: string, options: { provenanceFor?: (u: ExchangeUnit) => boolean } = {}): void {
  expect(read).toHaveLength(1);
  const f = read[0]!;
  expect(f.version).toBe(version);
  expect(f.article).toBe(file.article);
  expect(f.sourceLang).toBe(file.sourceLang);
  expect(f.targetLang).toBe(file.targetLang);
  expect(f.units.map((u) => u.id)).toEqual(file.units.map((u) => u.id));
  file.units.forEach((w, i) => {
    const r = f.units[i]!;
    expect(r.source, w.id).toBe(w.source);
    expect(r.target, w.id).toBe(w.target);
    expect(r.state, w.id).toBe(w.state);
    expect(r.translate, w.id).toBe(w.translate);
    // Tessera's own context notes are written for the translator and not read back as theirs.
    expect(r.notes, w.id).toEqual([]);
    if (!options.provenanceFor || options.provenanceFor(w)) expect(r.provenance, w.id).toBe(w.provenance);
    expect(r.line).toBeGreaterThan(1);
    expect(r.column).toBeGreaterThanOrEqual(1);
  });
}

describe('XLIFF 1.2 writer → reader', () => {
  const file = sampleFile();
  const xml = writeXliff12(file);

  it('round-trips ids, sources, targets, states, translate flags, notes and provenance (tm, mt, pseudo)', () => {
    expectRoundTrip(readXliff(xml, 'a.xlf'), file, '1.2', { provenanceFor: (u) => u.provenance !== 'human' });
  });

  // BUG (src/formats/xliff/read.ts): write12 writes provenance `human` as
  // state-qualifier="x-human", but the 1.2 reader maps only exact-match/fuzzy-match/
  // leveraged-tm, mt-suggestion/leveraged-mt and x-pseudo back, so `human` is lost on the way
  // back (XLIFF 2 keeps it through subState="tessera:human"). Harmless for merge today, which
  // defaults to human, but the codec is not symmetric.
  it('round-trips provenance human', () => {
    const r = readXliff(xml, 'a.xlf')[0]!.units.find((u) => u.id === '131d6493ad')!;
    expect(r.provenance).toBe('human');
  });

  it('is deterministic, LF only, with a final newline', () => {
    expect(writeXliff12(sampleFile())).toBe(xml);
    expect(xml).not.toContain('\r');
    expect(xml.endsWith('</xliff>\n')).toBe(true);
    expect(xml.endsWith('\n\n')).toBe(false);
  });

  it('keeps the translator’s own notes, not Tessera’s context notes', () => {
    const withNote = xml.replace('<note from="tessera">Headline</note>', '<note from="tessera">Headline</note>\n        <note from="translator">Title case kept, as in the print edition.</note>');
    const u = readXliff(withNote, 'a.xlf')[0]!.units.find((x) => x.id === 'ec0f9538b1')!;
    expect(u.notes).toEqual(['Title case kept, as in the print edition.']);
  });

  it('escapes XML special characters so that they survive (inline HTML becomes protected codes)', () => {
    expect(xml).toContain('Tom &amp; Jerry said <ph id="1" ctype="x-html">&lt;b&gt;</ph>"hi"<ph id="2" ctype="x-html">&lt;/b&gt;</ph> &gt;');
    expect(xml).toContain(ARABIC.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(xml).not.toContain('<b>');
  });

  it('writes approved="yes" and the 1.2 state for translated units, translate="no" for links, xml:space="preserve"', () => {
    expect(xml).toMatch(/<trans-unit id="fe8eaac31c" resname="fe8eaac31c" approved="yes" xml:space="preserve">/);
    expect(xml).toMatch(/<target xml:lang="ar" state="signed-off" state-qualifier="exact-match">/);
    expect(xml).toMatch(/<trans-unit id="0506a5e030" resname="0506a5e030" translate="no" xml:space="preserve">/);
    expect(xml).toMatch(/<trans-unit id="ec0f9538b1" resname="ec0f9538b1" xml:space="preserve">\n {8}<source xml:lang="en">[^<]*<\/source>\n {8}<note/);
  });

  it('prefill puts the source in empty targets as state="new", which reads back as new', () => {
    const pre = writeXliff12(file, { prefill: true });
    const units = readXliff(pre, 'a.xlf')[0]!.units;
    const u = units.find((x) => x.id === 'ec0f9538b1')!;
    expect(u.target).toBe(u.source);
    expect(u.state).toBe('new');
    expect(u.provenance).toBeUndefined();
    expect(pre).toContain('<target xml:lang="ar" state="new">Italy brings Libya’s rival leaders together</target>');
    // Units that had a target are unchanged.
    expect(units.find((x) => x.id === 'fe8eaac31c')!.state).toBe('reviewed');
  });
});

describe('XLIFF 2.0 / 2.1 writer → reader', () => {
  const file = sampleFile();

  for (const version of ['2.0', '2.1'] as const) {
    const xml = writeXliff20(file, version);

    it(`${version}: round-trips ids, sources, targets, states, translate flags, notes and provenance`, () => {
      expectRoundTrip(readXliff(xml, 'a.xlf'), file, version);
    });

    it(`${version}: is deterministic, LF only, with a final newline`, () => {
      expect(writeXliff20(sampleFile(), version)).toBe(xml);
      expect(xml).not.toContain('\r');
      expect(xml.endsWith('</xliff>\n')).toBe(true);
      expect(xml).toContain(`version="${version}"`);
      expect(xml).toContain(`xmlns="${NS20}"`);
    });
  }

  it('maps states onto XLIFF 2 states and provenance onto subState', () => {
    const xml = writeXliff20(file);
    expect(xml).toContain('<unit id="fe8eaac31c" name="fe8eaac31c" xml:space="preserve">\n      <segment state="reviewed" subState="tessera:tm">');
    expect(xml).toContain('<unit id="ec0f9538b1" name="ec0f9538b1" xml:space="preserve">\n      <notes>');
    expect(xml).toMatch(/<segment state="initial">\n {8}<source>Italy brings/);
    expect(xml).toContain('<unit id="0506a5e030" name="0506a5e030" translate="no" xml:space="preserve">');
  });

  it('escapes XML special characters so that they survive', () => {
    const xml = writeXliff20(file);
    expect(xml).toContain('<source>Tom &amp; Jerry said <ph id="1" dataRef="d1" disp="&lt;b&gt;"/>"hi"<ph id="2" dataRef="d2" disp="&lt;/b&gt;"/> &gt; \'bye\' — it’s «fine» &amp; done.</source>');
    expect(xml).toContain('<data id="d1">&lt;b&gt;</data>');
    const r = readXliff(xml, 'a.xlf')[0]!.units.find((u) => u.id === '8419a03ba2')!;
    expect(r.source).toBe(SPECIAL_SOURCE);
    expect(r.target).toBe(ARABIC);
    expect(xml).toContain('<note category="context">Note with &lt;markup&gt; &amp; "quotes"</note>');
    expect(r.notes).toEqual([]);
  });

  it('special characters in attributes (ids, article) are escaped and survive', () => {
    const f = sampleFile();
    f.article = 'a&b"c<d>';
    const back12 = readXliff(writeXliff12(f), 'a.xlf')[0]!;
    const back20 = readXliff(writeXliff20(f), 'a.xlf')[0]!;
    expect(back12.article).toBe('a&b"c<d>');
    expect(back20.article).toBe('a&b"c<d>');
  });

  // BUG (src/formats/xliff/xml.ts, write12.ts, write20.ts): xml.ts says characters XML 1.0
  // cannot carry "are refused before writing", but INVALID_XML_CHARS is used nowhere; a control
  // character in a sentence (e.g. U+0007 pasted into an article) is written as is, and the
  // resulting file is not well-formed: Tessera's own reader (and every CAT tool) refuses it.
  it('never writes a file its own reader refuses (control characters)', () => {
    const f = sampleFile();
    f.units = [{ id: 'abc', source: 'Bell\u0007 here.', state: 'new', translate: true, notes: [] }];
    for (const write of [() => writeXliff12(f), () => writeXliff20(f)]) {
      let xml: string;
      try {
        xml = write();
      } catch (e) {
        // Refusing to write is fine too, as long as it says why (the article parser reports
        // such characters with file and line long before anything is exported).
        expect((e as Error).message).toMatch(/character XML cannot carry/);
        continue;
      }
      expect(() => readXliff(xml, 'a.xlf')).not.toThrow();
    }
  });
});

describe('exchangeFile + writers on the bundled article', () => {
  const doc = parseArticle(readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8'), 'a.md');
  const data = emptyLocale();
  const [h, s1, s2] = doc.segments;
  data.resources[h!.id] = 'L’Italia riunisce i leader rivali della Libia a Palermo';
  data.units[h!.id] = { state: 'reviewed', provenance: 'human' };
  data.resources[s1!.id] = 'PALERMO: «Il premier» & gli altri';
  data.units[s1!.id] = { state: 'translated', provenance: 'mt' };
  data.units[s2!.id] = { state: 'stale', provenance: 'human', suggestion: 'Vecchia traduzione.', previousSource: 'Old source.' };

  it('exports only the work to do by default, everything with all=true', () => {
    const todo = exchangeFile(doc, 'it', data, false);
    expect(todo.units.map((u) => u.id)).toEqual(doc.segments.filter((s) => s.translate && s.id !== h!.id && s.id !== s1!.id).map((s) => s.id));
    const all = exchangeFile(doc, 'it', data, true);
    expect(all.units.map((u) => u.id)).toEqual(doc.segments.map((s) => s.id));
    const stale = all.units.find((u) => u.id === s2!.id)!;
    expect(stale.target).toBeUndefined();
    expect(stale.notes).toContain('Translation of the previous sentence: Vecchia traduzione.');
  });

  for (const [name, write] of [
    ['1.2', (f: ExchangeFile) => writeXliff12(f)],
    ['2.0', (f: ExchangeFile) => writeXliff20(f)],
  ] as const) {
    it(`${name}: every unit reads back with the article's source and the translations given`, () => {
      const f = exchangeFile(doc, 'it', data, true);
      const read = readXliff(write(f), 'it.xlf')[0]!;
      expect(read.article).toBe('palermo-conference');
      expect(read.units.map((u) => [u.id, u.source])).toEqual(doc.segments.map((s) => [s.id, s.source]));
      const byId = new Map(read.units.map((u) => [u.id, u]));
      expect(byId.get(h!.id)).toMatchObject({ target: data.resources[h!.id], state: 'reviewed' });
      expect(byId.get(s1!.id)).toMatchObject({ target: data.resources[s1!.id], state: 'translated', provenance: 'mt' });
      expect(byId.get(s2!.id)).toMatchObject({ state: 'new' });
      expect(byId.get(s2!.id)!.target).toBeUndefined();
      for (const s of doc.segments) expect(byId.get(s.id)!.translate).toBe(s.translate);
    });
  }
});

describe('readXliff refuses', () => {
  const unit12 = '<trans-unit id="a"><source>Hello.</source><target>Ciao.</target></trans-unit>';
  const wrap12 = (body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="${NS12}">\n<file original="t" source-language="en" target-language="it" datatype="plaintext">\n<body>\n${body}\n</body>\n</file>\n</xliff>\n`;

  it('a DOCTYPE with an external entity (XXE), naming the file and line', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE xliff [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<xliff version="1.2" xmlns="${NS12}"><file original="t" source-language="en" target-language="it" datatype="plaintext"><body><trans-unit id="a"><source>&xxe;</source></trans-unit></body></file></xliff>\n`;
    const err = inputErrorOf(() => readXliff(xxe, 'evil.xlf'));
    const d = err.diagnostics[0]!;
    expect(d.file).toBe('evil.xlf');
    expect(d.message).toMatch(/DOCTYPE/);
    expect(d.line).toBeGreaterThanOrEqual(2);
    expect(d.line).toBeLessThanOrEqual(4);
    expect(err.message).not.toContain('root:');
  });

  it('a billion-laughs DOCTYPE, without expanding it', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol.join('\n')}\n]>\n<xliff version="1.2" xmlns="${NS12}"><file original="t" source-language="en" target-language="it" datatype="plaintext"><body><trans-unit id="a"><source>&lol9;</source></trans-unit></body></file></xliff>\n`;
    const err = inputErrorOf(() => readXliff(xml, 'lol.xlf'));
    expect(err.diagnostics[0]!.message).toMatch(/DOCTYPE/);
    expect(err.diagnostics[0]!.file).toBe('lol.xlf');
  });

  it('malformed XML, with the line of the error', () => {
    // Line 5 closes <source> with </target>.
    const xml = wrap12('<trans-unit id="a"><source>Hello.</target></trans-unit>');
    expect(xml.split('\n')[4]).toContain('</target>');
    const err = inputErrorOf(() => readXliff(xml, 'bad.xlf'));
    const d = err.diagnostics[0]!;
    expect(d.message).toMatch(/not well-formed XML/);
    expect(d.file).toBe('bad.xlf');
    expect(d.line).toBe(5);
    expect(err.message).toContain('bad.xlf:5:');
  });

  it('truncated XML', () => {
    const xml = wrap12(unit12).slice(0, -20);
    const err = inputErrorOf(() => readXliff(xml, 'cut.xlf'));
    expect(err.diagnostics[0]!.message).toMatch(/not well-formed XML/);
  });

  it('a root that is not <xliff>', () => {
    const err = inputErrorOf(() => readXliff('<?xml version="1.0"?>\n<html><body/></html>\n', 'page.xlf'));
    expect(err.diagnostics[0]!.message).toContain('<html>');
    expect(err.diagnostics[0]!.line).toBe(2);
  });

  it('an <xliff> root in the wrong namespace or version', () => {
    for (const root of ['<xliff version="1.2">', `<xliff version="1.1" xmlns="${NS12}">`, `<xliff version="2.2" xmlns="${NS20}">`, '<xliff version="2.2" xmlns="urn:oasis:names:tc:xliff:document:2.2">']) {
      const err = inputErrorOf(() => readXliff(`<?xml version="1.0"?>\n${root}</xliff>\n`, 'x.xlf'));
      expect(err.diagnostics[0]!.message, root).toMatch(/unsupported XLIFF/);
    }
  });

  it('an empty file', () => {
    inputErrorOf(() => readXliff('', 'empty.xlf'));
    inputErrorOf(() => readXliff('   \n', 'empty.xlf'));
  });

  it('duplicate unit ids in one file, naming the id and the line of the second', () => {
    const xml = wrap12(`${unit12}\n${unit12}`);
    const err = inputErrorOf(() => readXliff(xml, 'dup.xlf'));
    expect(err.diagnostics[0]!.message).toContain('"a"');
    expect(err.diagnostics[0]!.line).toBe(6);
  });

  it('a unit without id', () => {
    const err = inputErrorOf(() => readXliff(wrap12('<trans-unit><source>Hello.</source></trans-unit>'), 'x.xlf'));
    expect(err.diagnostics[0]!.message).toMatch(/no id/);
  });

  it('accepts the same unit id in two different <file>s', () => {
    const xml = `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="${NS12}">\n<file original="one" source-language="en" target-language="it" datatype="plaintext"><body>${unit12}</body></file>\n<file original="two" source-language="en" target-language="fr" datatype="plaintext"><body>${unit12}</body></file>\n</xliff>\n`;
    const read = readXliff(xml, 'x.xlf');
    expect(read.map((f) => [f.article, f.targetLang, f.units.length])).toEqual([
      ['one', 'it', 1],
      ['two', 'fr', 1],
    ]);
  });
});

describe('readXliff: XLIFF 1.2 states from CAT tools', () => {
  const one = (unitXml: string): ReadUnit =>
    readXliff(
      `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="${NS12}"><file original="t" source-language="en" target-language="it" datatype="plaintext"><body>${unitXml}</body></file></xliff>`,
      'x.xlf',
    )[0]!.units[0]!;

  it('OmegaT style: a target that differs from the source, no state → translated', () => {
    expect(one('<trans-unit id="a"><source>Hello.</source><target>Ciao.</target></trans-unit>')).toMatchObject({ source: 'Hello.', target: 'Ciao.', state: 'translated' });
  });

  it('a target equal to the source, no state → new', () => {
    expect(one('<trans-unit id="a"><source>Hello.</source><target>Hello.</target></trans-unit>').state).toBe('new');
    expect(one('<trans-unit id="a"><source>Hello.</source><target state="new">Hello.</target></trans-unit>').state).toBe('new');
  });

  it('approved="yes" → translated, even with the target equal to the source', () => {
    expect(one('<trans-unit id="a" approved="yes"><source>Hello.</source><target>Hello.</target></trans-unit>').state).toBe('translated');
  });

  it('state="signed-off" → reviewed; state="final" → final; needs-review-* → translated', () => {
    expect(one('<trans-unit id="a"><source>Hello.</source><target state="signed-off">Ciao.</target></trans-unit>').state).toBe('reviewed');
    expect(one('<trans-unit id="a"><source>Hello.</source><target state="final">Ciao.</target></trans-unit>').state).toBe('final');
    expect(one('<trans-unit id="a"><source>Hello.</source><target state="needs-review-translation">Hello.</target></trans-unit>').state).toBe('translated');
  });

  it('no target, or an empty one → new, whatever the state says', () => {
    expect(one('<trans-unit id="a" approved="yes"><source>Hello.</source></trans-unit>')).toMatchObject({ state: 'new' });
    expect(one('<trans-unit id="a"><source>Hello.</source></trans-unit>').target).toBeUndefined();
    expect(one('<trans-unit id="a"><source>Hello.</source><target state="final">  </target></trans-unit>').state).toBe('new');
  });

  it('keeps the text of inline markup, and ignores alt-trans and seg-source', () => {
    const u = one(
      '<trans-unit id="a"><source>Hello <g id="1">big</g> <x id="2"/>world.</source>' +
        '<seg-source><mrk mtype="seg" mid="1">Hello big world.</mrk></seg-source>' +
        '<target><mrk mtype="seg" mid="1">Ciao <g id="1">grande</g> mondo.</mrk></target>' +
        '<alt-trans><source>Hello.</source><target>Salve.</target></alt-trans>' +
        '<note>A note.</note></trans-unit>',
    );
    // <g> and <x/> carry no text of their own: they show as {1}…{/1} and {2/}; mrk is transparent.
    expect(u).toMatchObject({ source: 'Hello {1}big{/1} {2/}world.', target: 'Ciao {1}grande{/1} mondo.', notes: ['A note.'], state: 'translated' });
    expect(u.sourceParts).toEqual(['Hello ', { kind: 'open', id: '1' }, 'big', { kind: 'close', id: '1' }, ' ', { kind: 'ph', id: '2' }, 'world.']);
    expect(u.targetParts).toEqual(['Ciao ', { kind: 'open', id: '1' }, 'grande', { kind: 'close', id: '1' }, ' mondo.']);
  });

  it('reads units inside groups, and the file attributes', () => {
    const f = readXliff(
      `<xliff version="1.2" xmlns="${NS12}"><file original="palermo-conference" source-language="en-US" target-language="it-IT" datatype="plaintext"><body><group id="g"><trans-unit id="a" translate="no"><source>x</source></trans-unit></group></body></file></xliff>`,
      'x.xlf',
    )[0]!;
    expect(f).toMatchObject({ version: '1.2', article: 'palermo-conference', sourceLang: 'en-US', targetLang: 'it-IT' });
    expect(f.units[0]).toMatchObject({ id: 'a', translate: false, state: 'new' });
  });

  it('maps 1.2 state-qualifiers onto provenance', () => {
    expect(one('<trans-unit id="a"><source>A.</source><target state-qualifier="leveraged-tm">B.</target></trans-unit>').provenance).toBe('tm');
    expect(one('<trans-unit id="a"><source>A.</source><target state-qualifier="leveraged-mt">B.</target></trans-unit>').provenance).toBe('mt');
    expect(one('<trans-unit id="a"><source>A.</source><target state-qualifier="id-match">B.</target></trans-unit>').provenance).toBeUndefined();
  });

  it('accepts a UTF-8 BOM and CDATA', () => {
    const f = readXliff(
      `\ufeff<?xml version="1.0"?><xliff version="1.2" xmlns="${NS12}"><file original="t" source-language="en" target-language="it" datatype="plaintext"><body><trans-unit id="a"><source><![CDATA[A & <b>]]></source><target>C</target></trans-unit></body></file></xliff>`,
      'x.xlf',
    )[0]!;
    expect(f.units[0]!.source).toBe('A & <b>');
  });

  // BUG (src/formats/xliff/read.ts): an element in another namespace inside a unit (SDL Trados
  // adds <sdl:seg-defs> to every trans-unit; Okapi and others add <mda:metadata> in 2.x) opens a
  // "skip" sink whose depth counter includes the element itself, so its closing tag never ends
  // the sink; the unit's own closing tag is swallowed instead. The unit is silently dropped and
  // the next unit's source and target are written into the previous unit's segment.
  it('1.2: an extension element inside a trans-unit does not lose units', () => {
    const read = readXliff(
      `<xliff version="1.2" xmlns="${NS12}" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file original="t" source-language="en" target-language="it" datatype="plaintext"><body>` +
        '<trans-unit id="a"><source>Hello.</source><target state="translated">Ciao.</target><sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit>' +
        '<trans-unit id="b"><source>Bye.</source><target state="translated">Addio.</target></trans-unit>' +
        '</body></file></xliff>',
      'x.xlf',
    )[0]!;
    expect(read.units.map((u) => [u.id, u.source, u.target])).toEqual([
      ['a', 'Hello.', 'Ciao.'],
      ['b', 'Bye.', 'Addio.'],
    ]);
  });
});

describe('readXliff: XLIFF 2.x', () => {
  const one = (unitXml: string, extraNs = ''): ReadUnit =>
    readXliff(`<?xml version="1.0"?>\n<xliff xmlns="${NS20}"${extraNs} version="2.0" srcLang="en" trgLang="it"><file id="t">${unitXml}</file></xliff>`, 'x.xlf')[0]!.units[0]!;

  it('concatenates the segments of a unit', () => {
    const u = one(
      '<unit id="a"><segment state="translated"><source>Hello. </source><target>Ciao. </target></segment>' +
        '<segment state="translated"><source>Bye.</source><target>Addio.</target></segment></unit>',
    );
    expect(u).toMatchObject({ source: 'Hello. Bye.', target: 'Ciao. Addio.', state: 'translated' });
  });

  it('takes the text of an <ignorable> between segments into source and target', () => {
    const u = one(
      '<unit id="a"><segment state="initial"><source>Hello.</source></segment>' +
        '<ignorable><source> </source><target> </target></ignorable>' +
        '<segment state="initial"><source>Bye.</source></segment></unit>',
    );
    expect(u.source).toBe('Hello. Bye.');
    expect(u.state).toBe('new');
  });

  // BUG (src/formats/xliff/read.ts finish): an <ignorable> (whitespace between segments; it has
  // no state in XLIFF 2) that has a target is ranked like a segment: its target equals its
  // source, so it counts as `new` and drags the whole unit down to `new`. A unit whose every
  // segment is translated is read as untranslated, and merge skips it.
  it('an <ignorable> does not lower the state of a unit whose segments are all translated', () => {
    const u = one(
      '<unit id="a"><segment state="translated"><source>Hello.</source><target>Ciao.</target></segment>' +
        '<ignorable><source> </source><target> </target></ignorable>' +
        '<segment state="translated"><source>Bye.</source><target>Addio.</target></segment></unit>',
    );
    expect(u).toMatchObject({ source: 'Hello. Bye.', target: 'Ciao. Addio.', state: 'translated' });
  });

  it("a unit's state is its least advanced segment's", () => {
    const seg = (state: string, s: string, t: string): string => `<segment state="${state}"><source>${s}</source><target>${t}</target></segment>`;
    expect(one(`<unit id="a">${seg('final', 'A.', 'B.')}${seg('reviewed', 'C.', 'D.')}</unit>`).state).toBe('reviewed');
    expect(one(`<unit id="a">${seg('final', 'A.', 'B.')}${seg('translated', 'C.', 'D.')}${seg('final', 'E.', 'F.')}</unit>`).state).toBe('translated');
    expect(one(`<unit id="a">${seg('final', 'A.', 'B.')}${seg('final', 'C.', 'D.')}</unit>`).state).toBe('final');
    // An initial segment whose target is still its source is not translated: the unit is new.
    expect(one(`<unit id="a">${seg('reviewed', 'A.', 'B.')}${seg('initial', 'C.', 'C.')}</unit>`).state).toBe('new');
  });

  // BUG (src/formats/xliff/read.ts finish): segments with neither a state attribute nor a
  // target are left out when the unit's state is computed, but XLIFF 2's default state is
  // "initial", so a unit whose second segment is untranslated is read as translated with only
  // the first segment's translation as its target, and merge would apply that half translation.
  it('a segment with no state and no target makes the unit new', () => {
    const u = one('<unit id="a"><segment state="translated"><source>Hello.</source><target>Ciao.</target></segment><segment><source>Bye.</source></segment></unit>');
    expect(u.state).toBe('new');
  });

  it('infers the state of a segment without one from its text, like OmegaT', () => {
    expect(one('<unit id="a"><segment><source>Hello.</source><target>Ciao.</target></segment></unit>').state).toBe('translated');
    expect(one('<unit id="a"><segment><source>Hello.</source><target>Hello.</target></segment></unit>').state).toBe('new');
    expect(one('<unit id="a"><segment state="translated"><source>Hello.</source><target>Hello.</target></segment></unit>').state).toBe('translated');
    expect(one('<unit id="a"><segment state="final"><source>Hello.</source></segment></unit>').state).toBe('new');
  });

  it('reads provenance from a tessera subState only', () => {
    expect(one('<unit id="a"><segment state="translated" subState="tessera:mt"><source>A.</source><target>B.</target></segment></unit>').provenance).toBe('mt');
    expect(one('<unit id="a"><segment state="translated" subState="acme:mt"><source>A.</source><target>B.</target></segment></unit>').provenance).toBeUndefined();
  });

  it('reads inline codes with the text originalData gives them', () => {
    const u = one(
      '<unit id="a"><originalData><data id="d1">&lt;b&gt;</data></originalData><segment state="translated"><source>Hello <pc id="1" dataRefStart="d1">big</pc> world.</source><target>Ciao <pc id="1" dataRefStart="d1">grande</pc> mondo.</target></segment></unit>',
    );
    expect(u).toMatchObject({ source: 'Hello <b>big{/1} world.', target: 'Ciao <b>grande{/1} mondo.' });
    expect(u.targetParts).toEqual(['Ciao ', { kind: 'open', id: '1', data: '<b>' }, 'grande', { kind: 'close', id: '1' }, ' mondo.']);
  });

  it('refuses a <file> without id', () => {
    const err = inputErrorOf(() => readXliff(`<xliff xmlns="${NS20}" version="2.0" srcLang="en" trgLang="it"><file><unit id="a"><segment><source>A</source></segment></unit></file></xliff>`, 'x.xlf'));
    expect(err.diagnostics[0]!.message).toMatch(/<file> has no id/);
  });

  // BUG (src/formats/xliff/read.ts): same as the 1.2 case above, with XLIFF 2's Metadata module.
  it('an <mda:metadata> element inside a unit does not lose the unit', () => {
    const read = readXliff(
      `<xliff xmlns="${NS20}" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en" trgLang="it"><file id="t">` +
        '<unit id="a"><mda:metadata><mda:metaGroup><mda:meta type="k">v</mda:meta></mda:metaGroup></mda:metadata><segment state="translated"><source>Hello.</source><target>Ciao.</target></segment></unit>' +
        '<unit id="b"><segment state="translated"><source>Bye.</source><target>Addio.</target></segment></unit>' +
        '</file></xliff>',
      'x.xlf',
    )[0]!;
    expect(read.units.map((u) => [u.id, u.source, u.target])).toEqual([
      ['a', 'Hello.', 'Ciao.'],
      ['b', 'Bye.', 'Addio.'],
    ]);
  });
});

describe('state mapping functions', () => {
  it('1.2: every state at or above translated is approved, and reads back as itself', () => {
    for (const s of ['translated', 'reviewed', 'final'] as const) {
      const w = toXliff12State(s);
      expect(w.approved, s).toBe('yes');
      expect(fromXliff12State(w, 'Hello.', 'Ciao.'), s).toBe(s);
      // Even when the translation is the source text.
      expect(fromXliff12State(w, 'Hello.', 'Hello.'), s).toBe(s);
    }
    expect(toXliff12State('new')).toEqual({ state: 'new' });
    expect(toXliff12State('stale')).toEqual({ state: 'needs-translation' });
    expect(fromXliff12State(toXliff12State('new'), 'Hello.', 'Hello.')).toBe('new');
  });

  it('2.x: new and stale are initial; the rest map one to one and back', () => {
    expect(toXliff2State('new')).toBe('initial');
    expect(toXliff2State('stale')).toBe('initial');
    for (const s of ['translated', 'reviewed', 'final'] as const) {
      expect(toXliff2State(s)).toBe(s);
      expect(fromXliff2State(s, 'A', 'A')).toBe(s);
    }
    expect(fromXliff2State('initial', 'A', 'A')).toBe('new');
    expect(fromXliff2State('translated', 'A', undefined)).toBe('new');
  });

  it('subState carries provenance both ways', () => {
    for (const p of ['human', 'tm', 'mt', 'pseudo'] as const) expect(fromSubState(toSubState(p))).toBe(p);
    expect(toSubState(undefined)).toBeUndefined();
    expect(fromSubState('tessera:robot')).toBeUndefined();
    expect(fromSubState(undefined)).toBeUndefined();
  });
});
