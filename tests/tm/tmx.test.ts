/** TMX 1.4b: the codec (formats/tmx.ts), the memory ⇄ TMX mapping and OmegaT's shortcuts (tm/tmx.ts, tm/shortcuts.ts). Pure. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readTmx } from '../../src/formats/tmx.js';
import { mergeEntries, type TmEntry } from '../../src/tm/memory.js';
import { fromOmegat, omegatTarget, omegatText } from '../../src/tm/shortcuts.js';
import { memoryToTmx, omegatKeys, tmxToEntries } from '../../src/tm/tmx.js';

const ENTRIES: TmEntry[] = mergeEntries([
  { source: 'Welcome today’s conference for #Libya in Palermo.', target: 'Accolgo con favore la conferenza di oggi per la #Libya a Palermo.', state: 'reviewed', articles: ['palermo-conference'] },
  { source: 'Read the [full report](https://example.org/r) by *Reuters* & <AP>.', target: 'Leggete *Reuters* e il [rapporto completo](https://example.org/r) & <AP>.', state: 'final', articles: ['a', 'b'] },
  { source: '— Alistair Burt (@AlistairBurtUK) November 13, 2018', target: '— Alistair Burt (@AlistairBurtUK) 13 novembre 2018', state: 'retired', articles: [] },
  { source: 'Plain sentence.', target: 'Frase semplice.', state: 'stale', articles: ['c'] },
]);

const none = new Map<string, string>();

describe('memory → TMX → memory', () => {
  it('round trip: the same entries, Markdown byte for byte, with state and articles', () => {
    const tmx = memoryToTmx('it', ENTRIES, { version: '1.0.0' });
    const read = tmxToEntries(tmx, 'it.tmx', none);
    expect(read.entries.get('it')).toEqual(ENTRIES);
    expect(read.diagnostics).toEqual([]);
  });

  it('OmegaT shortcuts round trip too, through the sentences the project knows', () => {
    const tmx = memoryToTmx('it', ENTRIES, { version: '1.0.0', tags: 'omegat' });
    expect(tmx).toContain('<seg>Welcome today’s conference for &lt;l0/&gt; in Palermo.</seg>');
    expect(tmx).toContain('<seg>Leggete &lt;f1&gt;Reuters&lt;/f1&gt; e il &lt;f0&gt;rapporto completo&lt;/f0&gt; &amp; &lt;a2/&gt;.</seg>');
    const read = tmxToEntries(tmx, 'it.tmx', omegatKeys(ENTRIES.map((x) => x.source)));
    expect(read.entries.get('it')).toEqual(ENTRIES);
  });

  it('TMX 1.4b as Tessera writes it: header, props, codes as ph/bpt/ept holding their Markdown', () => {
    const tmx = memoryToTmx('it', ENTRIES, { version: '1.0.0' });
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">\n {2}<header creationtool="Tessera" creationtoolversion="1.0.0" segtype="sentence" o-tmf="tessera-tm\/1" adminlang="en" srclang="en" datatype="plaintext"\/>\n/);
    expect(tmx).toContain('<prop type="x-tessera-state">final</prop>');
    expect(tmx).toContain('<prop type="x-tessera-article">b</prop>');
    expect(tmx).toContain('<tuv xml:lang="en"><seg>Read the <bpt i="1" x="1" type="link">[</bpt>full report<ept i="1">](https://example.org/r)</ept> by <bpt i="2" x="2" type="italic">*</bpt>Reuters<ept i="2">*</ept> &amp; <ph x="3" type="x-html">&lt;AP&gt;</ph>.</seg></tuv>');
    // The translation's codes carry the source's numbers, whatever their order.
    expect(tmx).toContain('<tuv xml:lang="it"><seg>Leggete <bpt i="2" x="2" type="italic">*</bpt>Reuters<ept i="2">*</ept> e il <bpt i="1" x="1" type="link">[</bpt>');
    expect(tmx.endsWith('</tmx>\n')).toBe(true);
  });

  it('is deterministic: the same memory gives the same bytes', () => {
    expect(memoryToTmx('it', ENTRIES, { version: '1' })).toBe(memoryToTmx('it', mergeEntries([...ENTRIES].reverse()), { version: '1' }));
  });
});

describe("other tools' TMX", () => {
  const omegatSave = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="paragraph" srclang="en"/>
  <body>
<!-- Default translations -->
    <tu>
      <tuv lang="en">
        <seg>Welcome today’s conference for &lt;l0/&gt; in Palermo.</seg>
      </tuv>
      <tuv lang="it" changeid="x" changedate="20181113T101010Z">
        <seg>Benvenuta la conferenza per la &lt;l0/&gt; a Palermo.</seg>
      </tuv>
    </tu>
    <tu>
      <tuv lang="en"><seg>Read the &lt;f0&gt;full report&lt;/f0&gt; by &lt;f1&gt;Reuters&lt;/f1&gt; &amp; &lt;a2/&gt;.</seg></tuv>
      <tuv lang="it"><seg>Leggete il rapporto di Reuters &lt;a2/&gt;.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="en"><seg>Unknown &lt;b0&gt;sentence&lt;/b0&gt;.</seg></tuv>
      <tuv lang="IT-IT"><seg>Frase &lt;b0&gt;ignota&lt;/b0&gt;.</seg></tuv>
      <tuv lang="de"><seg>Unbekannt.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="de"><seg>Nur Deutsch.</seg></tuv>
    </tu>
<!-- Alternative translations -->
  </body>
</tmx>
`;

  it("OmegaT's project_save.tmx: shortcuts mapped back to our Markdown; unknown sentences kept as plain text; a translation that lost tags too, with a warning", () => {
    const read = tmxToEntries(omegatSave, 'omegat/project_save.tmx', omegatKeys(ENTRIES.map((x) => x.source)));
    expect(read.units).toBe(4);
    expect(read.ignored).toBe(1);
    expect(read.entries.get('it')).toEqual([
      { source: 'Welcome today’s conference for #Libya in Palermo.', target: 'Benvenuta la conferenza per la #Libya a Palermo.', state: 'translated', articles: [] },
      { source: 'Read the <f0>full report</f0> by <f1>Reuters</f1> & <a2/>.', target: 'Leggete il rapporto di Reuters <a2/>.', state: 'translated', articles: [] },
      { source: 'Unknown <b0>sentence</b0>.', target: 'Frase <b0>ignota</b0>.', state: 'translated', articles: [] },
    ]);
    expect(read.diagnostics).toHaveLength(1);
    expect(read.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'codes-lost', file: 'omegat/project_save.tmx', line: 15 });
  });

  it('level-2 codes of another tool become their text; hi is transparent, sub is part of its code', () => {
    const tmx = `<tmx version="1.4b"><header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="html"/><body>
      <tu tuid="1"><note>n</note><prop type="x-a">1</prop><tuv xml:lang="en-US"><seg>Click <bpt i="1" type="bold">&lt;b&gt;</bpt><hi>here</hi><ept i="1">&lt;/b&gt;</ept><ph>&lt;img alt="<sub>Logo</sub>"&gt;</ph></seg></tuv><tuv xml:lang="fr-FR"><seg>Cliquez <it pos="begin">&lt;b&gt;</it>ici<it pos="end">&lt;/b&gt;</it></seg></tuv></tu>
    </body></tmx>`;
    const read = tmxToEntries(tmx, 'x.tmx', none);
    expect(read.entries.get('fr')).toEqual([{ source: 'Click <b>here</b><img alt="Logo">', target: 'Cliquez <b>ici</b>', state: 'translated', articles: [] }]);
  });
});

describe('malformed TMX is refused with file, line and column', () => {
  const refused = (content: string): InputError => {
    try {
      tmxToEntries(content, 'bad.tmx', none);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return err as InputError;
    }
    throw new Error('accepted');
  };
  const HEAD = '<tmx version="1.4"><header srclang="en"/><body>';

  it('not well-formed XML', () => {
    expect(refused(`${HEAD}\n<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n</body></tmx>`).message).toMatch(/^bad\.tmx:3:8: error: not well-formed XML/);
  });

  it('a DOCTYPE with an internal subset (entities), or for anything but TMX', () => {
    expect(refused('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx version="1.4"/>').message).toMatch(/^bad\.tmx:2:\d+: error: the file declares <!DOCTYPE tmx \[/);
    expect(refused('<!DOCTYPE html SYSTEM "x.dtd"><tmx version="1.4"/>').message).toContain('accepts only a reference to TMX');
    // TMX's own DTD is fine (OmegaT writes it) and never loaded.
    expect(readTmx('<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><header srclang="en"/><body/></tmx>', 'ok.tmx').units).toEqual([]);
  });

  it('not TMX: another root, another version, no header, no srclang, unknown elements, a tu without tuv, a tuv without seg', () => {
    expect(refused('<xliff/>').message).toContain('the root element is <xliff>, not <tmx>');
    expect(refused('<tmx version="2.0"/>').message).toContain('unsupported TMX version "2.0"');
    expect(refused('<tmx version="1.4"><body/></tmx>').message).toContain('<body> comes before <header>');
    expect(refused('<tmx version="1.4"><header/></tmx>').message).toMatch(/bad\.tmx:1:\d+: error: <header> has no srclang/);
    expect(refused(`${HEAD}<tu><tuv xml:lang="en"><seg>a<b>x</b></seg></tuv></tu></body></tmx>`).message).toContain('<b> is not a TMX inline element');
    expect(refused(`${HEAD}<tu></tu></body></tmx>`).message).toContain('<tu> has no <tuv>');
    expect(refused(`${HEAD}<tu><tuv xml:lang="en"></tuv></tu></body></tmx>`).message).toContain('<tuv> has no <seg>');
    expect(refused(`${HEAD}<tu><tuv><seg/></tuv></tu></body></tmx>`).message).toContain('<tuv> has no xml:lang');
    expect(refused('<tmx version="1.4"><header srclang="fr"/><body/></tmx>').message).toContain('source language (srclang) is "fr", expected "en"');
  });
});

describe("OmegaT's tag shortcuts", () => {
  it('named by the first letter of the code text (f without one), numbered in order', () => {
    expect(omegatText('See `42` and ![3 cats](x.png) or <b>bold</b> and [*nested* link](http://a.b/c) and _7 up_ now.')).toBe(
      'See <f0/> and <c1/> or <b2/>bold<b3/> and <f4><f5>nested</f5> link</f4> and <f6>7 up</f6> now.',
    );
    expect(omegatText('Follow @NewsDesk and #Libya at https://news.example.org/1 now.')).toBe('Follow <n0/> and <l1/> at <h2/> now.');
  });

  it("a translation takes the source's names, whatever the order", () => {
    expect(omegatTarget('A [b](u) *c*.', 'Un *c* [b](u).')).toBe('Un <f1>c</f1> <f0>b</f0>.');
  });

  it('back to Markdown; lost, doubled or crossed tags are a problem, unknown ones stay text', () => {
    expect(fromOmegat('A [b](u) *c*.', 'Un <f1>c</f1> <f0>b</f0>.')).toEqual({ text: 'Un *c* [b](u).' });
    expect(fromOmegat('A [b](u) *c*.', 'Un <f1>c</f1> b.')).toMatchObject({ problem: { rule: 'codes-lost' } });
    expect(fromOmegat('A #Libya.', 'Un <l0/> <l0/>.')).toMatchObject({ problem: { rule: 'codes-duplicated' } });
    expect(fromOmegat('A #Libya.', 'Un <l0/> <z9/>.')).toEqual({ text: 'Un #Libya <z9/>.' });
  });
});
