/**
 * The check results as text for people, JSON for scripts (schema tessera-check/1) and JUnit
 * XML for CI. Pure and deterministic: same results, same bytes (no timestamps, no durations).
 */
import { stableJson } from '../core/json.js';
import { cliTranslator, type CliTranslator, type Translate } from '../i18n/index.js';
import { isolateLatin, stripBidiControls } from '../formats/bidi.js';
import { SOURCE_LANG } from '../core/types.js';
import type { Check } from './types.js';
import { fails, totals, type FailOn, type Locator, type SuiteResult } from './run.js';

export const CHECK_SCHEMA = 'tessera-check/1';

/**
 * `--list`: id, severity and explanation of each check, wrapped for a terminal, in the editor's
 * language. In a right-to-left one the explanation is wrapped first and each line's Latin runs
 * isolated after, so that no isolate spans two lines.
 */
export function listChecks(checks: readonly Check[], width = 100, ui: CliTranslator = cliTranslator('en')): string {
  const { t } = ui;
  const out: string[] = [];
  for (const c of checks) {
    const title = c.i18n ? t(c.i18n.title.key, c.i18n.title.params) : c.title;
    const explanation = c.i18n ? t(c.i18n.explanation.key, c.i18n.explanation.params) : c.explanation;
    out.push(t('check.listLine', { id: c.id, severity: t(`diagnostic.${c.severity}`), title }));
    const lines = ui.dir === 'rtl' ? wrap(stripBidiControls(explanation), width - 2).map((l) => isolateLatin(l)) : wrap(explanation, width - 2);
    out.push(...lines.map((l) => `  ${l}`));
    out.push('');
  }
  return out.join('\n');
}

export function listChecksJson(checks: readonly Check[]): string {
  return stableJson({ schema: CHECK_SCHEMA, checks: checks.map((c) => ({ id: c.id, severity: c.severity, title: c.title, explanation: c.explanation })) });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

export function summary(results: readonly SuiteResult[], checks: readonly Check[], t: Translate = cliTranslator('en').t): string {
  const n = totals(results);
  return t('check.summary', {
    segments: t('count.segments', { count: n.segments }),
    pairs: t('count.pairs', { count: n.suites }),
    checks: t('count.checks', { count: checks.length }),
    errors: t('count.errors', { count: n.errors }),
    warnings: t('count.warnings', { count: n.warnings }),
  });
}

export function checkJson(results: readonly SuiteResult[], checks: readonly Check[], failOn: FailOn, locate: Locator = () => ({})): string {
  const t = totals(results);
  return stableJson({
    schema: CHECK_SCHEMA,
    sourceLanguage: SOURCE_LANG,
    failOn,
    ok: !results.some((r) => r.findings.some((f) => fails(f, failOn))),
    checks: checks.map((c) => ({ id: c.id, severity: c.severity, title: c.title })),
    results: results.map((r) => ({
      article: r.article,
      lang: r.lang,
      segments: r.segments,
      errors: r.findings.filter((f) => f.severity === 'error').length,
      warnings: r.findings.filter((f) => f.severity === 'warning').length,
      problems: r.findings.map((f) => {
        const where = locate(r.article, r.lang, f.segment);
        return {
          segment: f.segment,
          check: f.check,
          severity: f.severity,
          message: f.message,
          expected: f.expected ?? null,
          found: f.found ?? null,
          file: where.file ?? null,
          line: where.line ?? null,
          source: f.source,
          target: f.target,
        };
      }),
    })),
    totals: t,
  });
}

const xml = (s: string): string =>
  s
    // Characters XML 1.0 cannot hold at all are shown by their code point.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/**
 * JUnit XML, the format CI services read (GitLab, Jenkins, GitHub Actions reporters): one
 * <testsuite> per article × language, one <testcase> per check. A check fails when it has
 * a finding at or above `failOn`; its <failure> lists the segments. Findings below the threshold
 * (warnings, by default) are listed in the test case's <system-out>, so they are visible without
 * turning the build red.
 */
export function junitXml(results: readonly SuiteResult[], checks: readonly Check[], failOn: FailOn): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const c of checks) {
      const found = r.findings.filter((f) => f.check === c.id);
      const failing = found.filter((f) => fails(f, failOn));
      const passing = found.filter((f) => !fails(f, failOn));
      const body = (fs: typeof found): string =>
        fs.map((f) => `${f.segment} (${f.severity}): ${f.message}\n  ${SOURCE_LANG}: ${f.source}\n  ${r.lang}: ${f.target}`).join('\n\n');
      const head = `    <testcase classname="${xml(`${r.article}.${r.lang}`)}" name="${xml(c.id)}" time="0"`;
      if (found.length === 0) {
        cases.push(`${head}/>`);
        continue;
      }
      const parts: string[] = [];
      if (failing.length) {
        suiteFailures++;
        const segs = new Set(failing.map((f) => f.segment)).size;
        parts.push(`      <failure type="${xml(c.id)}" message="${xml(`${failing.length} problem(s) in ${segs} segment(s): ${failing[0]!.message}`)}">${xml(body(failing))}</failure>`);
      }
      if (passing.length) parts.push(`      <system-out>${xml(body(passing))}</system-out>`);
      cases.push(`${head}>\n${parts.join('\n')}\n    </testcase>`);
    }
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(`${r.article} (${r.lang})`)}" tests="${checks.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n` +
        `    <properties>\n      <property name="article" value="${xml(r.article)}"/>\n      <property name="lang" value="${r.lang}"/>\n      <property name="segments" value="${r.segments}"/>\n    </properties>\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  out.push(`<testsuites name="tessera check" tests="${results.length * checks.length}" failures="${failures}" errors="0" time="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
