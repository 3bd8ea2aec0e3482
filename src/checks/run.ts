/**
 * Runs the checks over segments and collects what they find, as data. Pure: the caller (the
 * `check` step, or `import`) reads the project and decides what a finding means for the exit
 * code.
 */
import { SOURCE_LANG, type BlockKind, type Diagnostic, type Lang, type Message } from '../core/types.js';
import { diagnostic, inputError, msg } from '../core/errors.js';
import { CHECKS } from './index.js';
import type { Glossary } from './glossary.js';
import type { Check, CheckSeverity } from './types.js';
import { normalise, q } from './text.js';

/** One translated segment to check. */
export interface CheckSegment {
  id: string;
  /** The English sentence. */
  source: string;
  /** The translation. */
  target: string;
  /** Where it sits in the article (headline, paragraph…). */
  kind?: BlockKind;
}

export interface Finding {
  check: string;
  severity: CheckSeverity;
  segment: string;
  /** In English (--json, JUnit). */
  message: string;
  /** The message as data, for the CLI to render in the editor's language. */
  i18n?: Message;
  expected?: string;
  found?: string;
  source: string;
  target: string;
}

/** The findings for one article in one language: a JUnit test suite. */
export interface SuiteResult {
  article: string;
  lang: Lang;
  /** Segments checked. */
  segments: number;
  /** In segment order, then check order. */
  findings: Finding[];
}

import { FAIL_ON } from '../core/choices.js';
export { FAIL_ON };
export type FailOn = (typeof FAIL_ON)[number];

export function parseFailOn(value: unknown): FailOn {
  const v = value ?? 'error';
  if (typeof v === 'string' && (FAIL_ON as readonly string[]).includes(v)) return v as FailOn;
  throw inputError(msg('errors.failOn', { value: String(v) }), {}, msg('errors.useOneOf', { list: [...FAIL_ON] }), 'usage');
}

/** Whether a finding fails the run at this threshold. */
export function fails(f: { severity: CheckSeverity }, failOn: FailOn): boolean {
  return f.severity === 'error' || failOn === 'warning';
}

export interface CheckSuiteOptions {
  srcLang?: Lang;
  checks?: readonly Check[];
  /** Renderings of names in past reviewed translations into `lang` (for the names check). */
  glossary?: Glossary;
}

/** Runs every check over each segment of one article in one language. */
export function checkSuite(article: string, lang: Lang, segments: readonly CheckSegment[], options: CheckSuiteOptions = {}): SuiteResult {
  const checks = options.checks ?? CHECKS;
  const findings: Finding[] = [];
  for (const seg of segments) {
    const empty = normalise(seg.target) === '';
    const ctx = {
      srcLang: options.srcLang ?? SOURCE_LANG,
      tgtLang: lang,
      article,
      segment: seg.id,
      ...(seg.kind ? { kind: seg.kind } : {}),
      ...(options.glossary ? { glossary: options.glossary } : {}),
    };
    for (const check of checks) {
      if (empty && !check.onEmptyTarget) continue;
      for (const p of check.run(seg.source, seg.target, ctx)) {
        findings.push({
          check: check.id,
          severity: p.severity ?? check.severity,
          segment: seg.id,
          message: p.message,
          ...(p.i18n ? { i18n: p.i18n } : {}),
          ...(p.expected !== undefined ? { expected: p.expected } : {}),
          ...(p.found !== undefined ? { found: p.found } : {}),
          source: seg.source,
          target: seg.target,
        });
      }
    }
  }
  return { article, lang, segments: segments.length, findings };
}

export interface Totals {
  suites: number;
  segments: number;
  errors: number;
  warnings: number;
}

export function totals(results: readonly SuiteResult[]): Totals {
  const all = results.flatMap((r) => r.findings);
  return {
    suites: results.length,
    segments: results.reduce((n, r) => n + r.segments, 0),
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
  };
}

/** Whether the results hold a finding at or above the threshold. */
export function failed(results: readonly SuiteResult[], failOn: FailOn): boolean {
  return results.some((r) => r.findings.some((f) => fails(f, failOn)));
}

/** Where a segment sits in a file, for diagnostics: `locales/<lang>/<slug>.json` and the line of its key. */
export type Locator = (article: string, lang: Lang, segment: string) => { file?: string; line?: number };

/**
 * The findings as Tessera diagnostics (file:line: severity: [check] id: message), the source and
 * the translation as hint: English text, and messages for the CLI to render in the editor's language.
 */
export function toDiagnostics(results: readonly SuiteResult[], locate: Locator = () => ({})): Diagnostic[] {
  return results.flatMap((r) =>
    r.findings.map((f) =>
      diagnostic(
        f.severity,
        f.check,
        msg('check.finding', { check: f.check, article: r.article, lang: r.lang, segment: f.segment, message: f.i18n ?? f.message }),
        locate(r.article, r.lang, f.segment),
        msg('check.findingHint', { sourceLang: SOURCE_LANG, source: q(f.source, 70), lang: r.lang, target: q(f.target, 70) }),
      ),
    ),
  );
}

/** The line (1-based) of `"key":` in a JSON text, if it is there. */
export function lineOfKey(json: string, key: string): number | undefined {
  const at = json.indexOf(`${JSON.stringify(key)}:`);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (json.charCodeAt(i) === 10) line++;
  return line;
}
