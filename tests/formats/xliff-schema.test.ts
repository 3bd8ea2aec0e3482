/**
 * Schema validation of the XLIFF writers' output with the real xmllint (Debian libxml2-utils)
 * against the OASIS schemas in ../shared/schemas/xliff. When xmllint or the schemas are
 * missing the tests are skipped with the reason, except under CI=true, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXliff12 } from '../../src/formats/xliff/write12.js';
import { writeXliff20 } from '../../src/formats/xliff/write20.js';
import { bundledExchange } from '../helpers/exchange.js';

const CI = process.env.CI === 'true';
const SCHEMAS = resolve(process.cwd(), '../shared/schemas/xliff');
const CATALOG = join(SCHEMAS, 'catalog.xml');

function findXmllint(): string | undefined {
  if (existsSync('/usr/bin/xmllint')) return '/usr/bin/xmllint';
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'xmllint' : undefined;
}
const XMLLINT = findXmllint();
const HAVE_SCHEMAS = existsSync(CATALOG) && existsSync(join(SCHEMAS, '1.2/xliff-core-1.2-strict.xsd'));

const missing: string[] = [];
if (!XMLLINT) missing.push('xmllint is not installed (apt-get install libxml2-utils)');
if (!HAVE_SCHEMAS) missing.push(`the XLIFF schemas are not at ${SCHEMAS} (../shared is absent)`);
const READY = missing.length === 0;
if (!READY && !CI) console.warn(`tests/formats/xliff-schema.test.ts: skipped: ${missing.join('; ')}`);

if (!READY) {
  describe('XLIFF schema validation: prerequisites', () => {
    if (CI) {
      it('xmllint and the XLIFF schemas are present (required under CI=true)', () => {
        expect.fail(`cannot validate XLIFF under CI: ${missing.join('; ')}`);
      });
    } else {
      it.skip(`XLIFF schema validation skipped: ${missing.join('; ')}`, () => {});
    }
  });
}

let dir = '';

function xmllint(schema: string, xml: string, name: string): { status: number | null; output: string } {
  const file = join(dir, name);
  writeFileSync(file, xml, 'utf8');
  const r = spawnSync(XMLLINT!, ['--nonet', '--noout', '--schema', join(SCHEMAS, schema), file], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: CATALOG },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const exported = bundledExchange;

describe.runIf(READY)('XLIFF schema validation with xmllint', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-xliff-schema-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, string, () => string][] = [
    ['1.2 strict', '1.2/xliff-core-1.2-strict.xsd', () => writeXliff12(exported('it'))],
    ['1.2 strict, Arabic', '1.2/xliff-core-1.2-strict.xsd', () => writeXliff12(exported('ar'))],
    ['1.2 strict, prefilled', '1.2/xliff-core-1.2-strict.xsd', () => writeXliff12(exported('it'), { prefill: true })],
    ['1.2 transitional', '1.2/xliff-core-1.2-transitional.xsd', () => writeXliff12(exported('it'))],
    ['2.0 core', '2.0/xliff_core_2.0.xsd', () => writeXliff20(exported('it'), '2.0')],
    ['2.0 core, Arabic', '2.0/xliff_core_2.0.xsd', () => writeXliff20(exported('ar'), '2.0')],
    ['2.0 local-all-modules', '2.0/local-all-modules.xsd', () => writeXliff20(exported('it'), '2.0')],
    ['2.1 core', '2.1/xliff_core_2.0.xsd', () => writeXliff20(exported('ar'), '2.1')],
    ['2.1 local-all-modules', '2.1/local-all-modules.xsd', () => writeXliff20(exported('it'), '2.1')],
  ];

  cases.forEach(([name, schema, make], i) => {
    it(`the bundled article with translated units validates against ${name}`, () => {
      const xml = make();
      // The file really holds translated units, so the schema sees targets and states.
      expect(xml).toMatch(/<target[^>]*>/);
      const r = xmllint(schema, xml, `case-${i}.xlf`);
      expect(r.output).toMatch(/validates/);
      expect(r.status, r.output).toBe(0);
    });
  });

  it('xmllint really rejects an invalid file (the check can fail)', () => {
    const xml = writeXliff12(exported('it')).replace('<body>', '<bogus/><body>');
    const r = xmllint('1.2/xliff-core-1.2-strict.xsd', xml, 'invalid-12.xlf');
    expect(r.status, r.output).toBe(3);
    const xml2 = writeXliff20(exported('it')).replace('<segment state="translated"', '<segment state="approved"');
    expect(xml2).toContain('state="approved"');
    const r2 = xmllint('2.0/xliff_core_2.0.xsd', xml2, 'invalid-20.xlf');
    expect(r2.status, r2.output).toBe(3);
  });
});
