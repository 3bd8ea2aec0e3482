/**
 * `status`: the article × language matrix of segments, words and characters by state, as a
 * terminal table, JSON (schema tessera-status/1) or Markdown. Optional gates make it exit 1
 * when a language is below a percentage of translated or reviewed words.
 */
import { inputError } from '../../core/errors.js';
import { buildStatus, type StatusReport } from '../../core/status.js';
import { statusDetails, statusJson, statusMarkdown, statusTable } from '../../formats/status.js';
import { parseLangs } from '../../io/project.js';
import type { StepContext, StepResult } from '../context.js';

export const STATUS_FORMATS = ['table', 'json', 'markdown'] as const;

export interface StatusOptions {
  articles?: string[];
  lang?: string[];
  format?: string;
  /** List the segments still needing work. */
  details?: boolean;
  /** Gate: minimum percent of source words at least translated, per language. */
  minTranslated?: number;
  /** Gate: minimum percent of source words at least reviewed, per language. */
  minReviewed?: number;
}

export function statusReport(ctx: StepContext, options: StatusOptions = {}): StatusReport {
  const { project } = ctx;
  const langs = parseLangs(options.lang);
  const articles = project.loadArticles(options.articles ?? []);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  return buildStatus(articles, langs, (slug, lang) => project.locale(bySlug.get(slug)!, lang), { details: options.details ?? false });
}

export function gateFailures(report: StatusReport, options: StatusOptions): string[] {
  const failures: string[] = [];
  for (const [key, min] of [
    ['translatedWords', options.minTranslated],
    ['reviewedWords', options.minReviewed],
  ] as const) {
    if (min === undefined) continue;
    if (!(min >= 0 && min <= 100)) throw inputError(`gate ${min} is not a percentage`, {}, 'use a number from 0 to 100', 'usage');
    for (const a of report.articles) {
      for (const lang of report.languages) {
        const c = a.languages[lang];
        if (c && c[key] < min) {
          const what = key === 'translatedWords' ? 'translated' : 'reviewed';
          failures.push(`${a.article} (${lang}): ${c[key].toFixed(1)}% of words ${what}, below ${min}%`);
        }
      }
    }
  }
  return failures;
}

export function statusStep(ctx: StepContext, options: StatusOptions = {}): StepResult {
  const format = options.format ?? 'table';
  if (!(STATUS_FORMATS as readonly string[]).includes(format)) {
    throw inputError(`unknown status format "${format}"`, {}, `formats: ${STATUS_FORMATS.join(', ')}`, 'usage');
  }
  const report = statusReport(ctx, options);
  const failures = gateFailures(report, options);
  const { output } = ctx;
  if (format === 'json') output.out(statusJson(report));
  else if (format === 'markdown') output.out(statusMarkdown(report));
  else {
    output.out(statusTable(report, { color: output.color }));
    if (options.details) output.out('\n' + statusDetails(report));
  }
  for (const f of failures) output.err(`gate failed: ${f}\n`);
  return { ok: failures.length === 0, written: [] };
}
