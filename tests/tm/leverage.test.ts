/**
 * The memory in files for translators (tm/leverage.ts, the XLIFF writers): exact matches
 * pre-filled, fuzzy matches in <alt-trans> / <mtc:match>, codes written as the source's, the
 * files valid (XLIFF 1.2 strict and 2.0/2.1 with modules, by xmllint when installed, and by
 * `tessera validate`'s rules always), and read back by the importer unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { parseArticle } from '../../src/formats/article.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { validateXliff } from '../../src/formats/xliff/validate.js';
import { writeXliff12 } from '../../src/formats/xliff/write12.js';
import { writeXliff20 } from '../../src/formats/xliff/write20.js';
import { exchangeFile } from '../../src/pipeline/steps/export.js';
import { leverage } from '../../src/tm/leverage.js';
import { TmIndex } from '../../src/tm/lookup.js';
import type { TmEntry } from '../../src/tm/memory.js';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../../source/palermo-conference.md'), 'utf8');
const doc = parseArticle(ARTICLE, 'a.md');
const seg = (start: string) => doc.segments.find((s) => s.source.startsWith(start))!;
const welcome = seg('Welcome today');
const neither = seg('Neither Haftar');
const turkey = seg('“Turkey is leaving');
const photos = seg('Photos of the encounter');

const MEMORY: TmEntry[] = [
  // Exact, from another article, and a second translation of the same sentence.
  { source: welcome.source, target: 'Accolgo con favore la conferenza di oggi per la #Libya a Palermo.', state: 'reviewed', articles: ['other'] },
  { source: welcome.source, target: 'Benvenuta la conferenza per la #Libya a Palermo.', state: 'translated', articles: ['third'] },
  // Fuzzy, with a code the unit does not have (#Italy) and one it has.
  { source: 'Welcome today’s conference for #Italy in Palermo.', target: 'Accolgo con favore la conferenza di oggi per l’#Italy a Palermo.', state: 'final', articles: ['x'] },
  { source: '“Turkey is leaving the summit with deep disappointment,” he said.', target: '«La Turchia lascia il vertice con profonda delusione», ha affermato.', state: 'reviewed', articles: ['y'] },
  { source: '“Turkey is leaving the talks with deep disappointment,” he said.', target: '«La Turchia lascia i colloqui con profonda delusione», ha affermato.', state: 'translated', articles: ['y'] },
  { source: '“Turkey is leaving the room with deep disappointment,” he said.', target: '«La Turchia lascia la sala con profonda delusione», ha affermato.', state: 'translated', articles: ['y'] },
  { source: '“Turkey is leaving the city with deep disappointment,” he said.', target: '«La Turchia lascia la città con profonda delusione», ha affermato.', state: 'retired', articles: ['y'] },
];

/** Italian data: the photos sentence translated; the "Neither" sentence stale (its old version). */
function data(): LocaleData {
  const d = emptyLocale();
  d.resources[photos.id] = 'Le foto dell’incontro.';
  d.units[photos.id] = { state: 'reviewed', provenance: 'human' };
  d.units[neither.id] = { state: 'stale', provenance: 'human', suggestion: 'Né Haftar né al-Sisi hanno posato per la foto finale.', previousSource: 'Neither Haftar nor El-Sisi posed for the final photo of the gathering.' };
  return d;
}

function leveraged(all = false): ReturnType<typeof leverage> {
  const d = data();
  return leverage(exchangeFile(doc, 'it', d, all), new TmIndex(MEMORY), d);
}

describe('leverage', () => {
  const { file, report } = leveraged();
  const unit = (id: string) => file.units.find((u) => u.id === id)!;

  it('pre-fills an exact match: translated, provenance tm, the best state among its translations; the other offered at 100', () => {
    expect(unit(welcome.id)).toMatchObject({ target: 'Accolgo con favore la conferenza di oggi per la #Libya a Palermo.', state: 'translated', provenance: 'tm' });
    expect(unit(welcome.id).matches!.map((m) => [m.score, m.target])).toEqual([
      [100, 'Benvenuta la conferenza per la #Libya a Palermo.'],
      [90, 'Accolgo con favore la conferenza di oggi per l’#Italy a Palermo.'],
    ]);
  });

  it('offers at most 3 fuzzy matches of 75% or more, best first, with their score', () => {
    const m = unit(turkey.id).matches!;
    expect(unit(turkey.id).target).toBeUndefined();
    expect(m.map((x) => [x.score, x.origin])).toEqual([
      [92, 'tessera-tm'],
      [92, 'tessera-tm'],
      [92, 'tessera-tm'],
    ]);
    // Same score: reviewed before translated, then by source.
    expect(m.map((x) => x.source.split(' ')[4])).toEqual(['summit', 'room', 'talks']);
  });

  it('a stale unit always offers the translation of its previous sentence, with its score, even under 75%', () => {
    expect(unit(neither.id).matches).toEqual([{ source: 'Neither Haftar nor El-Sisi posed for the final photo of the gathering.', target: 'Né Haftar né al-Sisi hanno posato per la foto finale.', score: 73, origin: 'tessera-tm' }]);
  });

  it('leaves translated units alone, and counts what it did', () => {
    expect(leveraged(true).file.units.find((u) => u.id === photos.id)).toMatchObject({ target: 'Le foto dell’incontro.', state: 'reviewed', provenance: 'human' });
    expect(leveraged(true).file.units.find((u) => u.id === photos.id)!.matches).toBeUndefined();
    expect(report).toEqual({ exact: 1, fuzzy: 2 });
  });
});

describe('the writers carry the matches', () => {
  const { file } = leveraged();

  it('1.2: the pre-filled target is exact-match; alt-trans with match-quality, origin, source and target with codes as the source writes them', () => {
    const xml = writeXliff12(file);
    expect(xml).toContain(
      `<target xml:lang="it" state="translated" state-qualifier="exact-match">Accolgo con favore la conferenza di oggi per la <ph id="1" ctype="x-hashtag">#Libya</ph> a Palermo.</target>`,
    );
    expect(xml).toContain('<alt-trans match-quality="100" origin="tessera-tm">');
    // The unit's #Libya keeps its code; #Italy, which the unit lacks, is text.
    expect(xml).toContain('<alt-trans match-quality="90" origin="tessera-tm">\n          <source xml:lang="en">Welcome today’s conference for #Italy in Palermo.</source>');
    expect(xml).toContain('<alt-trans match-quality="73" origin="tessera-tm">');
  });

  it('2.x: mtc:matches before the notes, matchQuality 92.0, ref to the segment, codes with their own originalData', () => {
    const xml = writeXliff20(file, '2.1');
    expect(xml).toContain('<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0">');
    expect(xml).toContain('<mtc:match id="m1" matchQuality="92.0" similarity="92.0" type="tm" origin="tessera-tm" ref="#seg">');
    expect(xml).toContain(
      '<mtc:match id="m1" matchQuality="100.0" similarity="100.0" type="tm" origin="tessera-tm" ref="#seg">\n          <originalData>\n            <data id="d1">#Libya</data>\n          </originalData>\n          <source>Welcome today’s conference for <ph id="1" dataRef="d1" disp="#Libya"/> in Palermo.</source>',
    );
    expect(xml).toContain('<segment id="seg" state="translated" subState="tessera:tm">');
  });

  it("the importer ignores the matches: it reads the units' own source and target", () => {
    for (const xml of [writeXliff12(file), writeXliff20(file, '2.0')]) {
      const read = readXliff(xml, 'f.xlf')[0]!;
      const w = read.units.find((u) => u.id === welcome.id)!;
      expect(w).toMatchObject({ source: welcome.source, target: 'Accolgo con favore la conferenza di oggi per la #Libya a Palermo.', state: 'translated', provenance: 'tm' });
      expect(read.units.find((u) => u.id === turkey.id)!.target).toBeUndefined();
    }
  });

  it("pass Tessera's own XLIFF rules (tessera validate)", () => {
    for (const [name, xml] of [
      ['1.2', writeXliff12(file)],
      ['1.2 prefilled', writeXliff12(file, { prefill: true })],
      ['2.0', writeXliff20(file, '2.0')],
      ['2.1', writeXliff20(file, '2.1')],
    ] as const) {
      expect(validateXliff(xml, name).problems, name).toEqual([]);
    }
  });
});

// ---------- xmllint and the OASIS schemas (skipped with the reason when missing; required under CI) ----------

const CI = process.env.CI === 'true';
const SCHEMAS = resolve(import.meta.dirname, '../../../shared/schemas/xliff');
const XMLLINT = ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find((p) => existsSync(p));
const missing = [...(XMLLINT ? [] : ['xmllint is not installed (apt-get install libxml2-utils)']), ...(existsSync(join(SCHEMAS, 'catalog.xml')) ? [] : [`the XLIFF schemas are not at ${SCHEMAS}`])];
if (missing.length > 0 && !CI) console.warn(`tests/tm/leverage.test.ts: schema validation skipped: ${missing.join('; ')}`);

if (missing.length > 0) {
  describe('XLIFF schema validation of matches: prerequisites', () => {
    if (CI) it('xmllint and the schemas are present (required under CI=true)', () => expect.fail(missing.join('; ')));
    else it.skip(`skipped: ${missing.join('; ')}`, () => {});
  });
}

describe.runIf(missing.length === 0)('XLIFF with matches validates against the OASIS schemas (xmllint)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-tm-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { file } = leveraged();
  const cases: [string, string, string][] = [
    ['1.2 strict', '1.2/xliff-core-1.2-strict.xsd', writeXliff12(file)],
    ['1.2 strict, prefilled', '1.2/xliff-core-1.2-strict.xsd', writeXliff12(file, { prefill: true })],
    ['2.0 with modules', '2.0/local-all-modules.xsd', writeXliff20(file, '2.0')],
    ['2.1 with modules', '2.1/local-all-modules.xsd', writeXliff20(file, '2.1')],
  ];
  cases.forEach(([name, schema, xml], i) => {
    it(name, () => {
      expect(xml).toMatch(/<alt-trans|<mtc:match /);
      const path = join(dir, `case-${i}.xlf`);
      writeFileSync(path, xml);
      const r = spawnSync(XMLLINT!, ['--nonet', '--noout', '--schema', join(SCHEMAS, schema), path], { encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') } });
      expect(`${r.stdout}${r.stderr}`).toContain('validates');
      expect(r.status, r.stderr).toBe(0);
    });
  });
});
