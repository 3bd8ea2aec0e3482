/**
 * `validateXliff` and `tessera validate`.
 *
 * The OASIS XLIFF 2.1 conformance samples in ../shared/xliff-testsuite drive most of it: every
 * valid file must pass, every invalid file must be caught. When the folder is absent the suite
 * tests are skipped with the reason, except under CI=true, where that is a failure (as for
 * xmllint, which cross-checks the verdicts against the OASIS schemas when it is installed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXliff } from '../../src/formats/xliff/validate.js';
import { REPO, tessera } from '../helpers/project.js';

const CI = process.env.CI === 'true';
const SUITE = resolve(process.cwd(), '../shared/xliff-testsuite');
const SCHEMAS = resolve(process.cwd(), '../shared/schemas/xliff');
const HAVE_SUITE = existsSync(join(SUITE, 'valid')) && existsSync(join(SUITE, 'invalid'));
const suiteFiles = (kind: 'valid' | 'invalid'): string[] => (HAVE_SUITE ? readdirSync(join(SUITE, kind)).filter((f) => f.endsWith('.xlf')).sort() : []);
const suite = (kind: 'valid' | 'invalid', name: string): ReturnType<typeof validateXliff> => validateXliff(readFileSync(join(SUITE, kind, name), 'utf8'), name);

function prerequisite(what: string, present: boolean, reason: string): boolean {
  if (present) return true;
  if (CI) {
    describe(`${what}: prerequisites`, () => {
      it(`${what} is present (required under CI=true)`, () => expect.fail(reason));
    });
  } else {
    console.warn(`tests/xliff/validate.test.ts: ${what} skipped: ${reason}`);
    describe(`${what}: prerequisites`, () => it.skip(`${what} skipped: ${reason}`, () => {}));
  }
  return false;
}

const SUITE_READY = prerequisite('the OASIS XLIFF test suite', HAVE_SUITE, `${SUITE} is absent (../shared is not checked out beside the project)`);

describe.runIf(SUITE_READY)('the OASIS XLIFF 2.1 test suite', () => {
  it('holds the 40 valid and 40 invalid samples SOURCES.md lists', () => {
    expect(suiteFiles('valid')).toHaveLength(40);
    expect(suiteFiles('invalid')).toHaveLength(40);
  });

  describe('every valid file passes', () => {
    for (const name of suiteFiles('valid')) {
      it(name, () => {
        const r = suite('valid', name);
        expect(r.problems).toEqual([]);
        expect(['2.0', '2.1']).toContain(r.version);
      });
    }
  });

  describe('every invalid file is caught', () => {
    for (const name of suiteFiles('invalid')) {
      it(name, () => {
        const r = suite('invalid', name);
        expect(r.problems.length, `${name} passed as valid`).toBeGreaterThan(0);
        for (const p of r.problems) {
          expect(p).toMatchObject({ severity: 'error', file: name });
          expect(p.line).toBeGreaterThan(0);
          expect(p.column).toBeGreaterThan(0);
        }
      });
    }
  });

  // The rule each file breaks, and the line of the element that breaks it.
  const expected: [string, string, number, number?][] = [
    ['bad_NoFile.xlf', 'structure', 2, 1],
    ['bad_TwoSourceInUnit.xlf', 'structure', 7, 5],
    ['bad_InvalidStateValue.xlf', 'attributes', 5, 4],
    ['bad_InvalidExtensionAttributeOnSource.xlf', 'attributes', 8],
    ['bad_NoTrgLang.xlf', 'languages', 2],
    ['bad_SrcLangNotWellFormed.xlf', 'languages', 2],
    ['bad_WrongLangOnTarget.xlf', 'languages', 8, 5],
    ['bad_SegmentIdNotUnique.xlf', 'unique-ids', 8, 4],
    ['bad_DataIdNotUnique.xlf', 'unique-ids', 7],
    ['bad_UnitWithoutSegment.xlf', 'required-content', 4],
    ['bad_SubStateWithoutState.xlf', 'attribute-pairs', 5],
    ['bad_OrderNotUnique1.xlf', 'segment-order', 11],
    ['bad_DifferentXmlSpace.xlf', 'xml-space', 7],
    ['bad_DataRefWithoutOriginalData.xlf', 'references', 6, 13],
    ['bad_EcBeforeSc.xlf', 'pairing', 6, 13],
    ['bad_InvalidLoneEm.xlf', 'pairing', 6, 26],
    ['Bad-mtc_match-ID-not-unique.xlf', 'mtc', 23, 13],
    ['Bad-res_source-has-content-and-href.xlf', 'res', 30],
    ['Bad-slr_sizeInfo-not-integer.xlf', 'slr', 19],
    ['Bad-mda_meta-missing-type.xlf', 'attributes', 9],
    ['Bad-gls_invalid-extension.xlf', 'structure', 12, 13],
  ];
  for (const [name, rule, line, column] of expected) {
    it(`${name}: ${rule} at line ${line}`, () => {
      expect(suite('invalid', name).problems).toContainEqual(expect.objectContaining({ rule, line, ...(column ? { column } : {}) }));
    });
  }
});

// Cross-check with the OASIS schemas: what the schema rejects must be rejected here too.
function findXmllint(): string | undefined {
  if (existsSync('/usr/bin/xmllint')) return '/usr/bin/xmllint';
  return spawnSync('xmllint', ['--version']).status === 0 ? 'xmllint' : undefined;
}
const XMLLINT = findXmllint();
const XMLLINT_READY = SUITE_READY && prerequisite('xmllint cross-check', XMLLINT !== undefined && existsSync(join(SCHEMAS, '2.1/local-all-modules.xsd')), 'xmllint (libxml2-utils) or the schemas in ../shared/schemas/xliff are missing');

describe.runIf(XMLLINT_READY)('verdicts agree with xmllint and the OASIS 2.1 schemas (core and modules)', () => {
  for (const kind of ['valid', 'invalid'] as const) {
    for (const name of suiteFiles(kind)) {
      it(`${kind}/${name}`, () => {
        const r = spawnSync(XMLLINT!, ['--nonet', '--noout', '--schema', join(SCHEMAS, '2.1/local-all-modules.xsd'), join(SUITE, kind, name)], { encoding: 'utf8' });
        expect([0, 3], r.stderr).toContain(r.status);
        const mine = suite(kind, name).problems;
        if (r.status === 3) expect(mine.length, `xmllint rejects ${name}: ${r.stderr}`).toBeGreaterThan(0);
        if (mine.length === 0) expect(r.status, r.stderr).toBe(0);
      });
    }
  }
});

const XLIFF12 = (body: string, file = 'original="a.txt" source-language="en" target-language="it" datatype="plaintext"'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file ${file}>\n    <body>\n${body}    </body>\n  </file>\n</xliff>\n`;
const UNIT = (id: string, target = '<target state="translated">Ciao</target>', extra = ''): string =>
  `      <trans-unit id="${id}"${extra}>\n        <source>Hello</source>\n        ${target}\n      </trans-unit>\n`;

describe('XLIFF 1.2, hand-made cases', () => {
  const problems = (xml: string) => validateXliff(xml, 'x.xlf').problems;

  it('a plain translated file is valid, version 1.2', () => {
    const r = validateXliff(XLIFF12(UNIT('1') + UNIT('2', '<target state="x-reviewed-by-desk">Ciao</target>', ' approved="yes" translate="no"')), 'x.xlf');
    expect(r).toEqual({ version: '1.2', problems: [] });
  });

  it('duplicate trans-unit ids in one file: unique-ids, at the second unit', () => {
    const p = problems(XLIFF12(UNIT('a') + UNIT('b') + UNIT('a')));
    expect(p).toEqual([expect.objectContaining({ rule: 'unique-ids', line: 13, column: 7, file: 'x.xlf' })]);
    expect(p[0]!.message).toContain('"a"');
    expect(p[0]!.message).toContain('line 5');
  });

  it('the same id in two <file> elements is fine', () => {
    const file = (name: string): string => `  <file original="${name}" source-language="en" target-language="it" datatype="plaintext"><body>${UNIT('1')}</body></file>\n`;
    expect(problems(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n${file('a')}${file('b')}</xliff>`)).toEqual([]);
  });

  it('a target state outside the specification list: attributes, at the target', () => {
    const p = problems(XLIFF12(UNIT('1', '<target state="done">Ciao</target>')));
    expect(p).toEqual([expect.objectContaining({ rule: 'attributes', line: 7, column: 9 })]);
    expect(p[0]!.message).toMatch(/state="done".*"needs-review-translation".*"x-"/);
  });

  it('targets without target-language: languages, at the <file>; without targets it is fine', () => {
    const noLang = 'original="a.txt" source-language="en" datatype="plaintext"';
    expect(problems(XLIFF12(UNIT('1'), noLang))).toEqual([expect.objectContaining({ rule: 'languages', line: 3, column: 3 })]);
    expect(problems(XLIFF12(UNIT('1', ''), noLang))).toEqual([]);
  });

  it('approved and translate are yes or no; datatype is from the list or x-', () => {
    const p = problems(XLIFF12(UNIT('1', undefined, ' approved="true" translate="nope"'), 'original="a" source-language="en" target-language="it" datatype="markdown"'));
    expect(p.map((x) => [x.rule, x.line, x.message.split(':')[0]])).toEqual([
      ['attributes', 3, '<file> has datatype="markdown"'],
      ['attributes', 5, '<trans-unit> has approved="true"'],
      ['attributes', 5, '<trans-unit> has translate="nope"'],
    ]);
    expect(problems(XLIFF12(UNIT('1'), 'original="a" source-language="en" target-language="it" datatype="x-markdown"'))).toEqual([]);
  });

  it('required attributes and elements', () => {
    const p = problems(XLIFF12('      <trans-unit><target>Ciao</target></trans-unit>\n', 'source-language="en" target-language="it"'));
    expect(p.map((x) => [x.rule, x.message])).toEqual([
      ['attributes', '<file> is missing the required attribute "original"'],
      ['attributes', '<file> is missing the required attribute "datatype"'],
      ['structure', '<trans-unit> must contain <source>'],
      ['attributes', '<trans-unit> is missing the required attribute "id"'],
    ]);
  });

  it('malformed language tags', () => {
    const p = problems(XLIFF12(UNIT('1'), 'original="a" source-language="english language" target-language="it" datatype="plaintext"'));
    expect(p).toEqual([expect.objectContaining({ rule: 'languages', line: 3 })]);
  });

  it('root, namespace and version', () => {
    expect(problems('<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" datatype="plaintext"><body/></file></xliff>')).toEqual([
      expect.objectContaining({ rule: 'root', line: 1, column: 1 }),
    ]);
    const html = validateXliff('<html><body/></html>', 'x.xlf');
    expect(html.version).toBeUndefined();
    expect(html.problems).toEqual([expect.objectContaining({ rule: 'root' })]);
    expect(problems('<xliff version="1.2"><file/></xliff>')).toEqual([expect.objectContaining({ rule: 'root', message: expect.stringContaining('no namespace') })]);
  });

  it('not well-formed XML and DOCTYPEs are problems, not exceptions', () => {
    const broken = validateXliff(XLIFF12(UNIT('1')).replace('</source>', '</sauce>'), 'x.xlf');
    expect(broken).toEqual({ version: undefined, problems: [expect.objectContaining({ rule: 'xml', line: 6, message: expect.stringContaining('not well-formed') })] });
    const doctype = validateXliff('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaa">]>\n<xliff/>', 'x.xlf');
    expect(doctype.problems).toEqual([expect.objectContaining({ rule: 'xml', line: 2, message: expect.stringContaining('DOCTYPE') })]);
    expect(validateXliff('', 'x.xlf').problems).toEqual([expect.objectContaining({ rule: 'xml' })]);
  });
});

describe('XLIFF 2.x, hand-made cases', () => {
  const doc = (unit: string, root = 'srcLang="en" trgLang="fr"'): string =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" ${root}>\n <file id="f1">\n  <unit id="u1">\n${unit}  </unit>\n </file>\n</xliff>\n`;

  it('a unit with codes, notes and a glossary is valid', () => {
    const xml = doc(
      '   <notes><note id="n1">context</note></notes>\n' +
        '   <originalData><data id="d1">&lt;br/&gt;</data></originalData>\n' +
        '   <segment id="s1" state="translated" subState="tessera:human">\n' +
        '    <source><pc id="1" type="fmt" subType="xlf:b">Hello</pc><ph id="2" dataRef="d1"/><sc id="3"/> <mrk id="m1" type="comment" ref="#n=n1">world</mrk></source>\n' +
        '    <target><pc id="1" type="fmt" subType="xlf:b">Bonjour</pc><ph id="2" dataRef="d1"/><sc id="3"/> le monde</target>\n' +
        '   </segment>\n' +
        '   <segment id="s2"><source>!<ec startRef="3"/></source><target>!<ec startRef="3"/></target></segment>\n',
    );
    expect(validateXliff(xml, 'x.xlf')).toEqual({ version: '2.1', problems: [] });
  });

  it('catches a target code that borrows another segment’s id, and a comment ref to a missing note', () => {
    const xml = doc(
      '   <segment id="s1"><source><ph id="1"/>A <mrk id="m1" type="comment" ref="#n=zz">b</mrk></source><target>A</target></segment>\n' +
        '   <segment id="s2"><source>B</source><target><ph id="1"/>B</target></segment>\n',
    );
    expect(validateXliff(xml, 'x.xlf').problems.map((p) => [p.rule, p.line])).toEqual([
      ['references', 4],
      ['unique-ids', 5],
    ]);
  });
});

// The binary runs from dist/: `npm test` compiles first; a bare `vitest run` without dist/ builds here.
beforeAll(() => {
  if (existsSync(join(REPO, 'dist/cli/commands/validate.js'))) return;
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: REPO, encoding: 'utf8' });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
});

describe("Tessera's own exports are valid", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'tessera-validate-export-'));
    for (const format of ['xliff12', 'xliff20', 'xliff21']) {
      const r = tessera(['--root', REPO, 'export', '--all', '--format', format, '--out', join(out, format)]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const [format, version] of [['xliff12', '1.2'], ['xliff20', '2.0'], ['xliff21', '2.1']]) {
    it(`export --all --format ${format}`, () => {
      const files = readdirSync(join(out, format), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlf'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const xml = readFileSync(join(out, format, f), 'utf8');
        expect(xml).toMatch(/<target[ >]/); // translated units, so states and targets are checked too
        expect(validateXliff(xml, f)).toEqual({ version, problems: [] });
      }
    });
  }
});

describe('tessera validate (the built binary)', () => {
  let dir: string;
  let good: string;
  let bad: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-validate-cli-'));
    good = join(dir, 'good.xlf');
    bad = join(dir, 'bad.xlf');
    writeFileSync(good, XLIFF12(UNIT('1')));
    writeFileSync(bad, XLIFF12(UNIT('1') + UNIT('1', '<target state="done">Ciao</target>')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 when every file is valid, printing only a summary on stderr', () => {
    const r = tessera(['validate', good]);
    expect(r.stderr).toBe('validate: 1 file, 1 valid\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 and lists each problem as file:line:column: error: …', () => {
    const r = tessera(['validate', good, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toContain(`${bad}:9:7: error: id "1" is used twice in the units of file "a.txt": <trans-unit> at line 5 has it too`);
    expect(lines.some((l) => l.startsWith(`${bad}:11:9: error: <target> has state="done"`))).toBe(true);
    expect(lines.some((l) => l.startsWith('  '))).toBe(true); // hints
    expect(r.stderr).toContain('validate: 2 files, 1 valid, 1 invalid (2 problems)');
  });

  it('--json prints the result on stdout with a stable key order', () => {
    const r = tessera(['validate', '--json', good, bad]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files.map((f) => Object.keys(f))).toEqual([
      ['file', 'version', 'valid', 'problems'],
      ['file', 'version', 'valid', 'problems'],
    ]);
    expect(json.files[0]).toEqual({ file: good, version: '1.2', valid: true, problems: [] });
    const problems = json.files[1]!.problems as Record<string, unknown>[];
    expect(problems.map((p) => Object.keys(p))).toEqual([
      ['line', 'column', 'rule', 'message'],
      ['line', 'column', 'rule', 'message'],
    ]);
    expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [9, 7, 'unique-ids'],
      [11, 9, 'attributes'],
    ]);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(tessera(['validate', '--json', good]).code).toBe(0);
  });

  it('a missing file is a usage error (exit 2)', () => {
    const r = tessera(['validate', join(dir, 'nope.xlf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
});
