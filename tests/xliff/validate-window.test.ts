/**
 * The one-pass validator `import` uses (validate-window.ts) says exactly what `validateXliff`
 * says: same problems, same positions, same order. Windows as small as one unit and chunks as
 * small as one character stress what it does differently: dropping checked units, checking
 * file-wide ids and keys as elements arrive, and positions computed chunk by chunk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXliff, type XliffValidation } from '../../src/formats/xliff/validate.js';
import { UNIT_WINDOW, WindowedValidator } from '../../src/formats/xliff/validate-window.js';
import { listen, Stop, xmlParser } from '../../src/formats/xliff/validate-xml.js';
import { REPO } from '../helpers/project.js';

const SUITE = resolve(REPO, '../shared/xliff-testsuite');

function windowed(xml: string, window: number, chunk: number): XliffValidation {
  const parser = xmlParser();
  const v = new WindowedValidator(parser, 'x.xlf', window);
  listen(parser, v.builder.handlers);
  try {
    for (let i = 0; i < xml.length; i += chunk) {
      const c = xml.slice(i, i + chunk);
      v.builder.feed(c);
      parser.write(c);
    }
    parser.close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return v.result();
}

function agrees(xml: string): void {
  const full = validateXliff(xml, 'x.xlf');
  for (const [window, chunk] of [[1, 1], [2, 7], [3, 64], [100, 1 << 16]] as const) {
    expect(windowed(xml, window, chunk), `window ${window}, chunk ${chunk}`).toEqual(full);
  }
}

const head = (file = 'original="a.txt" source-language="en" target-language="it" datatype="plaintext"', header = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file ${file}>\n${header}    <body>\n`;
const TAIL = '    </body>\n  </file>\n</xliff>\n';
const unit = (id: string, inner = '<source>Hello</source>\n        <target state="translated">Ciao</target>', extra = ''): string =>
  `      <trans-unit id="${id}"${extra}>\n        ${inner}\n      </trans-unit>\n`;

describe('XLIFF 1.2: the same problems as validateXliff', () => {
  const cases: [string, string][] = [
    ['a valid file (valid)', head() + unit('1') + unit('2') + unit('3') + TAIL],
    ['duplicate unit ids far apart, three times', head() + unit('1') + unit('2') + unit('3') + unit('1') + unit('4') + unit('1') + TAIL],
    ['duplicate group ids, nested groups with units', head() + '<group id="g">' + unit('1') + '<group id="g">' + unit('2') + unit('3') + '</group>' + unit('4') + '</group><group id="g">' + unit('5') + '</group>' + TAIL],
    ['a group without units after groups whose units were dropped (valid)', head() + '<group id="a">' + unit('1') + unit('2') + '</group><group id="b"></group>' + TAIL],
    ['count-group and context-group names used twice across units', head() + unit('1', '<source>a</source><context-group name="c"><context context-type="x-a">x</context></context-group><count-group name="n"><count count-type="word count">1</count></count-group>') + unit('2') + unit('3', '<source>b</source><context-group name="c"><context context-type="x-a">y</context></context-group><count-group name="n"><count count-type="word count">1</count></count-group>') + TAIL],
    ['targets without target-language, the first in a later unit', head('original="a.txt" source-language="en" datatype="plaintext"') + unit('1', '<source>a</source>') + unit('2', '<source>b</source>') + unit('3') + unit('4') + TAIL],
    ['problems in every unit (attributes, structure, language tags, codes)', head() + unit('1', '<source>a</source><target state="done">b</target>') + unit('2', '<target>b</target><source>a</source>') + unit('3', '<source xml:lang="e n">a</source>') + unit('4', '<source>a <bpt id="1" rid="r">[</bpt> b <ept id="2" rid="q">]</ept></source>') + unit('5', '<source>a</source>', ' approved="maybe"') + TAIL],
    ['tool-id and phase-name references to the header', head(undefined, '    <header><tool tool-id="t" tool-name="T"/><phase-group><phase phase-name="p" process-name="translation"/></phase-group></header>\n') + unit('1', '<source>a</source>', ' phase-name="p"') + unit('2', '<source>a</source>', ' phase-name="nope"') + unit('3', '<source>a</source><alt-trans tool-id="x"><target>b</target></alt-trans>') + TAIL],
    ['text in <body> between units, and a misplaced header', head() + unit('1') + 'stray text' + unit('2') + '<header/>' + unit('3') + TAIL],
    ['two <file> elements reusing unit ids', head() + unit('1') + unit('1') + '    </body>\n  </file>\n  <file original="b" source-language="en" target-language="it" datatype="plaintext"><body>' + unit('1') + unit('2') + unit('2') + TAIL],
    ['CRLF line ends and astral characters before the tags', (head() + unit('1', '<source>😀 a</source>\n<target>😀 b</target>') + unit('1') + TAIL).replace(/\n/g, '\r\n')],
    ['not well-formed after many units', head() + unit('1') + unit('2') + unit('3') + '<trans-unit id="4"><source>a</target></trans-unit>' + TAIL],
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaa">]>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>'],
  ];
  it.each(cases)('%s', (_name, xml) => agrees(xml));

  it('the cases not marked valid do find problems', () => {
    const quiet = cases.filter(([, xml]) => validateXliff(xml, 'x.xlf').problems.length === 0).map(([name]) => name);
    expect(quiet).toEqual(cases.map(([name]) => name).filter((n) => n.endsWith('(valid)')));
  });

  it("Tessera's returned fixtures", () => {
    const dir = join(REPO, 'tests/fixtures/returned');
    for (const lang of readdirSync(dir)) for (const f of readdirSync(join(dir, lang))) agrees(readFileSync(join(dir, lang, f), 'utf8'));
  });
});

describe('XLIFF 1.2: ids and keys met again several windows later', () => {
  const X = 'xmlns:x="urn:oasis:names:tc:xliff:document:1.2"';
  const prefixed = (id: string): string => `      <x:trans-unit ${X} id="${id}">\n        <x:source>Hello</x:source>\n      </x:trans-unit>\n`;
  const context = (id: string, name: string): string => unit(id, `<source>a</source><context-group name="${name}"><context context-type="x-a">x</context></context-group>`);
  /** 360 units (four windows of 100 and more); the first of each pair in the first window, its second far after. */
  const units: string[] = [];
  for (let i = 0; i < 360; i++) units.push(unit(`u${i}`));
  units[3] = context('u3', 'ctx');
  units[5] = prefixed('p');
  units[7] = unit('q');
  units[330] = unit('u1'); // u1's first is in the first window
  units[340] = context('u340', 'ctx');
  units[345] = unit('p'); // first as <x:trans-unit>
  units[350] = prefixed('q'); // first as <trans-unit>
  units[355] = unit('u2');
  units[358] = unit('u1'); // a third time
  const xml = head() + '<group id="g">' + units.slice(0, 10).join('') + '</group>' + units.slice(10, 320).join('') + '<group id="g">' + units.slice(320).join('') + '</group>' + TAIL;
  /** The line of the `n`th occurrence of `needle` (0: the first). */
  const at = (needle: string, n = 0): number => {
    let i = xml.indexOf(needle);
    for (let k = 0; k < n; k++) i = xml.indexOf(needle, i + 1);
    expect(i).toBeGreaterThan(0);
    return xml.slice(0, i).split('\n').length;
  };

  it('the same problems as validateXliff, for every window and chunk size', () => agrees(xml));

  it("each message names the first element's tag and line, in the whole file as in windows of UNIT_WINDOW units", () => {
    const texts = (v: XliffValidation): string[] => v.problems.map((p) => `${p.line}: ${p.message}`);
    const messages = texts(validateXliff(xml, 'x.xlf'));
    expect(texts(windowed(xml, UNIT_WINDOW, 4096))).toEqual(messages);
    expect(messages).toEqual(
      [
        [at('<group id="g">', 1), `id "g" is used twice in the groups of file "a.txt": <group> at line ${at('<group id="g">')} has it too`],
        [at('<trans-unit id="u1">', 1), `id "u1" is used twice in the units of file "a.txt": <trans-unit> at line ${at('<trans-unit id="u1">')} has it too`],
        [at('<context-group name="ctx">', 1), `name="ctx" is used twice among the <context-group> elements: <context-group> at line ${at('<context-group name="ctx">')} has it too`],
        [at('<trans-unit id="p">'), `id "p" is used twice in the units of file "a.txt": <x:trans-unit> at line ${at('<x:trans-unit')} has it too`],
        [at('<x:trans-unit', 1), `id "q" is used twice in the units of file "a.txt": <trans-unit> at line ${at('<trans-unit id="q">')} has it too`],
        [at('<trans-unit id="u2">', 1), `id "u2" is used twice in the units of file "a.txt": <trans-unit> at line ${at('<trans-unit id="u2">')} has it too`],
        [at('<trans-unit id="u1">', 2), `id "u1" is used twice in the units of file "a.txt": <trans-unit> at line ${at('<trans-unit id="u1">')} has it too`],
      ].map(([line, m]) => `${line}: ${m}`),
    );
  });
});

describe('XLIFF 2: ids and references met again several windows later', () => {
  const head2 = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="it">\n  <file id="f1">\n';
  const TAIL2 = '  </file>\n</xliff>\n';
  const unit2 = (id: string, source = 'Hello', extra = ''): string =>
    `    <unit id="${id}">\n${extra}      <segment state="translated">\n        <source>${source}</source>\n        <target>Ciao</target>\n      </segment>\n    </unit>\n`;
  const note = '      <notes><note id="n1">check the name</note></notes>\n';
  /** 360 units in groups: subFlows to units far before and far after, and to none; ids used twice far apart. */
  const units: string[] = [];
  for (let i = 0; i < 360; i++) units.push(unit2(`u${i}`));
  units[2] = unit2('u2', 'See <ph id="1" subFlows="u350"/> later', note); // forward, several windows on
  units[4] = unit2('u4', 'See <ph id="1" subFlows="nope"/> and <ph id="2" subFlows="u3 u359 gone"/>');
  units[6] = unit2('u6', 'A <mrk id="m1" type="comment" ref="#n=n1">note</mrk> elsewhere', ''); // no note in this unit
  units[8] = unit2('u8', 'A <mrk id="m1" type="comment" ref="#n=n1">note</mrk> here', note); // valid
  units[330] = unit2('u1'); // u1's first is in the first window
  units[340] = unit2('u340', 'Back to <ph id="1" subFlows="u2"/>, and <mrk id="m1" type="comment" ref="#f=f1/u=u2/n=n1">another unit\'s note</mrk>');
  units[355] = unit2('u5');
  const xml = head2 + '    <group id="g">\n' + units.slice(0, 10).join('') + '    </group>\n' + units.slice(10, 320).join('') + '    <group id="g">\n' + units.slice(320).join('') + '    </group>\n' + TAIL2;

  it('the same problems as validateXliff, for every window and chunk size', () => agrees(xml));

  it('finds what spans windows: repeated unit and group ids, subFlows to no unit, a comment on another unit', () => {
    const problems = windowed(xml, UNIT_WINDOW, 4096).problems;
    expect(problems.map((p) => p.rule)).toEqual(['references', 'references', 'references', 'unique-ids', 'unique-ids', 'references', 'unique-ids']);
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toContain('"nope"');
    expect(text).toContain('"gone"');
    expect(text).not.toMatch(/"u350"|"u359"|"u3"|"u2"/); // forward and backward references to units that exist
    expect(text).toContain('id "u1" is used twice in the units of file "f1"');
    expect(text).toContain('id "g" is used twice in the groups of file "f1"');
    expect(text).toContain('id "u5" is used twice');
  });

  it('is valid once the problems are mended, and a subFlows id to a unit of another <file> is still an error', () => {
    const mended = xml.replace(/nope|gone/g, 'u7').replace(/<unit id="u1">(?![\s\S]*<unit id="u1">)/, '<unit id="u1b">').replace(/<unit id="u5">(?![\s\S]*<unit id="u5">)/, '<unit id="u5b">').replace('<group id="g">', '<group id="g0">');
    const noComments = mended.replace(/ type="comment" ref="#n=n1">note<\/mrk> elsewhere/, '>note</mrk> elsewhere').replace(/, and <mrk id="m1" type="comment" ref="#f=f1\/u=u2\/n=n1">another unit's note<\/mrk>/, '');
    expect(validateXliff(noComments, 'x.xlf').problems).toEqual([]);
    agrees(noComments);
    const twoFiles = noComments.replace(TAIL2, '  </file>\n  <file id="f2">\n' + unit2('v1', 'See <ph id="1" subFlows="u7"/>') + TAIL2);
    const problems = windowed(twoFiles, UNIT_WINDOW, 4096).problems;
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['references', twoFiles.split('\n').findLastIndex((l) => l.includes('subFlows="u7"')) + 1]]);
    agrees(twoFiles);
  });
});

describe.skipIf(!existsSync(SUITE))('XLIFF 2.x (the OASIS samples): the same problems as validateXliff', () => {
  for (const kind of ['valid', 'invalid']) {
    it(`every ${kind} sample`, () => {
      for (const f of readdirSync(join(SUITE, kind)).filter((x) => x.endsWith('.xlf'))) agrees(readFileSync(join(SUITE, kind, f), 'utf8'));
    });
  }
});

describe('memory: a large file is never held whole', () => {
  const xliff12 = (n: number): string => head() + Array.from({ length: n }, (_, i) => unit(`u${i}`)).join('') + TAIL;
  const xliff2 = (n: number): string =>
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="it">\n  <file id="a">\n' +
    Array.from({ length: n }, (_, i) => `    <unit id="u${i}"><notes><note>n</note></notes><segment state="translated"><source>Hello</source><target>Ciao</target></segment></unit>\n`).join('') +
    '  </file>\n</xliff>\n';
  it.each([
    ['XLIFF 1.2', 'trans-unit', xliff12],
    ['XLIFF 2.0', 'unit', xliff2],
  ] as const)('%s: the tree holds about one window of units at any point, and units reach the reader as they close', async (_v, unitName, make) => {
    const { CheckedRead } = await import('../../src/formats/xliff/read-checked.js');
    const units = 2000;
    const xml = make(units);
    const seen: number[] = [];
    let written = 0;
    const reading = new CheckedRead('x.xlf', { unit: () => void seen.push(written) }, 50);
    // The tree the validator holds, counted by walking it.
    const held = (): number => {
      const root = (reading as unknown as { validator: WindowedValidator }).validator.builder.root;
      let n = 0;
      const walk = (el: { local: string; children: { local: string; children: never[] }[] }): void => {
        if (el.local === unitName) n++;
        el.children.forEach(walk);
      };
      if (root) walk(root);
      return n;
    };
    let most = 0;
    for (let i = 0; i < xml.length; i += 4096) {
      reading.write(xml.slice(i, i + 4096));
      written++;
      most = Math.max(most, held());
    }
    const { validation, files } = reading.close();
    expect(validation.problems).toEqual([]);
    expect(files[0]!.units).toEqual([]); // handed on, not kept
    expect(seen.length).toBe(units);
    expect(seen[0]).toBeLessThan(3); // the first unit arrives with the first chunks
    expect(most).toBeLessThanOrEqual(50 * 2 + 1);
  });
});
