import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { CHECKS, CHECKS_BY_ID } from '../../src/checks/index.js';
import { checkJson, junitXml, listChecks } from '../../src/checks/report.js';
import { checkSuite, failed, lineOfKey, parseFailOn, toDiagnostics, totals, type SuiteResult } from '../../src/checks/run.js';
import { REPO } from '../helpers/project.js';
import { EN, ID, TARGETS, TR, bundledGlossary, seed, type Target } from './bundled.js';

const KIND: Record<string, 'headline' | 'attribution' | 'paragraph'> = { [ID.headline]: 'headline', [ID.attribution]: 'attribution' };

function suite(lang: Target, targets: Record<string, string> = TR[lang]): SuiteResult {
  const segments = Object.keys(targets).map((id) => ({ id, source: EN[id]!, target: targets[id]!, kind: KIND[id] ?? 'paragraph' }));
  return checkSuite('palermo-conference', lang, segments, { glossary: bundledGlossary(lang) });
}

/** Parses XML strictly; throws on the first well-formedness error. */
function parseXml(text: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => out.push({ name: t.name, attributes: t.attributes as Record<string, string> }));
  p.write(text).close();
  return out;
}

describe('the registry', () => {
  it('every check has a unique kebab-case id, a severity, a title and a one-paragraph explanation', () => {
    expect(CHECKS_BY_ID.size).toBe(CHECKS.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(c.severity);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.explanation.length).toBeGreaterThan(120);
      expect(c.explanation).not.toContain('\n');
    }
  });

  it('one check per file, named for its id', () => {
    const files = readdirSync(join(REPO, 'src/checks')).filter((f) => f.endsWith('.ts'));
    for (const c of CHECKS) expect(files, c.id).toContain(`${c.id}.ts`);
  });

  it('checks do no I/O: nothing under src/checks imports node:, io/ or pipeline/', () => {
    for (const f of readdirSync(join(REPO, 'src/checks')).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(REPO, 'src/checks', f), 'utf8');
      expect(text, f).not.toMatch(/from '(?:node:|fs|path|\.\.\/io\/|\.\.\/pipeline\/|\.\.\/cli\/)/);
      expect(text, f).not.toMatch(/process\.(?:exit|exitCode)/);
    }
  });
});

describe('the bundled translations', () => {
  it.each(TARGETS)('%s: every check passes on every segment, no error and no warning', (lang) => {
    const r = suite(lang);
    expect(r.segments).toBe(25);
    expect(r.findings).toEqual([]);
  });
});

describe('a seeded suite', () => {
  const targets = { ...TR.it, [ID.year2011]: seed('it', ID.year2011, '2011', '2012'), [ID.photo]: seed('it', ID.photo, 'Haftar', 'Hafter') };
  const r = suite('it', targets);

  it('collects findings in segment order, each with its check, severity, source and target', () => {
    expect(r.findings.map((f) => [f.segment, f.check, f.severity])).toEqual([
      [ID.photo, 'names', 'warning'],
      [ID.year2011, 'numbers', 'error'],
    ]);
    expect(r.findings[1]!.source).toBe(EN[ID.year2011]);
    expect(totals([r])).toEqual({ suites: 1, segments: 25, errors: 1, warnings: 1 });
  });

  it('fails on errors by default; with fail-on warning a warning alone fails too', () => {
    expect(failed([r], 'error')).toBe(true);
    const warningOnly = suite('it', { ...TR.it, [ID.photo]: targets[ID.photo]! });
    expect(failed([warningOnly], 'error')).toBe(false);
    expect(failed([warningOnly], 'warning')).toBe(true);
    expect(() => parseFailOn('fatal')).toThrow(/fail-on: "fatal" is not a severity/);
  });

  it('an empty target gets only the untranslated check', () => {
    const e = suite('it', { [ID.photo]: '' });
    expect(e.findings.map((f) => f.check)).toEqual(['untranslated']);
  });

  it('as diagnostics: file and line of the segment, the check as rule, source and target as hint', () => {
    const text = readFileSync(join(REPO, 'locales/it/palermo-conference.json'), 'utf8');
    const d = toDiagnostics([r], (article, lang, segment) => ({ file: `locales/${lang}/${article}.json`, line: lineOfKey(text, segment)! }));
    expect(d[1]).toMatchObject({ severity: 'error', rule: 'numbers', file: 'locales/it/palermo-conference.json', line: 24 });
    expect(d[1]!.message).toBe(`[numbers] palermo-conference (it) ${ID.year2011}: expected "2011"; found "2012"`);
    expect(d[1]!.hint).toMatch(/^en: "Libya plunged .*"\n {2}it: "La Libia .*"$/);
  });

  it('as JSON (tessera-check/1)', () => {
    const j = JSON.parse(checkJson([r], CHECKS, 'error')) as { schema: string; ok: boolean; results: { problems: { check: string; expected: string | null; found: string | null }[] }[]; totals: unknown };
    expect(j.schema).toBe('tessera-check/1');
    expect(j.ok).toBe(false);
    expect(j.results[0]!.problems[1]).toMatchObject({ check: 'numbers', expected: '2011', found: '2012' });
    expect(j.totals).toEqual({ suites: 1, segments: 25, errors: 1, warnings: 1 });
  });

  it('as JUnit XML: a suite per article × language, a case per check, failures only at or above fail-on', () => {
    const results = [r, suite('fr'), suite('ar')];
    const xml = junitXml(results, CHECKS, 'error');
    const tags = parseXml(xml);
    const suites = tags.filter((t) => t.name === 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['palermo-conference (it)', 'palermo-conference (fr)', 'palermo-conference (ar)']);
    expect(suites.map((s) => s.attributes.tests)).toEqual(Array(3).fill(String(CHECKS.length)));
    expect(tags.filter((t) => t.name === 'testcase')).toHaveLength(3 * CHECKS.length);
    const failures = tags.filter((t) => t.name === 'failure');
    expect(failures.map((f) => f.attributes.type)).toEqual(['numbers']);
    expect(failures[0]!.attributes.message).toBe('1 problem(s) in 1 segment(s): expected "2011"; found "2012"');
    expect(tags[0]!.attributes).toMatchObject({ name: 'tessera check', tests: String(3 * CHECKS.length), failures: '1' });
    expect(xml).toContain('<system-out>');
    expect(xml).toContain(`${ID.photo} (warning): expected &quot;Haftar&quot; for Haftar`);
    // With fail-on warning the names warning is a failure too.
    expect(parseXml(junitXml(results, CHECKS, 'warning')).filter((t) => t.name === 'failure').map((f) => f.attributes.type)).toEqual(['numbers', 'names']);
    // Deterministic: no timestamps.
    expect(junitXml(results, CHECKS, 'error')).toBe(xml);
    expect(xml).not.toMatch(/timestamp|hostname/);
  });

  it('JUnit XML holds bidi controls and escapes markup', () => {
    const bad = suite('ar', { ...TR.ar, [ID.attribution]: seed('ar', ID.attribution, '@AlistairBurtUK', '<b>\u202e@AlistairBurtUK</b> & co') });
    expect(() => parseXml(junitXml([bad], CHECKS, 'warning'))).not.toThrow();
  });

  it('--list: id, severity and explanation of every check', () => {
    const text = listChecks(CHECKS);
    for (const c of CHECKS) expect(text).toContain(`${c.id} (${c.severity}): ${c.title}`);
  });
});
