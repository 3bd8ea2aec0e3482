import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { buildStatus, type StatusReport } from '../../src/core/status.js';
import type { Lang } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';
import { statusDetails, statusJson, statusMarkdown, statusTable } from '../../src/formats/status.js';

const ANSI = /\u001b\[[0-9;]*m/;

const palermo = parseArticle(readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8'), 'source/palermo-conference.md');
const small = parseArticle('---\nslug: small\nlang: en\nheadline: Talks end\ndate: 2018-11-13\n---\n\nThe cat sat on the mat. The dog ran away quickly.\n\nhttps://example.com/x\n', 'small.md');
const langs: Lang[] = ['it', 'fr', 'ar'];

/** it: all reviewed; fr: the headline translated and one segment stale; ar: nothing. */
function locale(slug: string, lang: Lang): LocaleData {
  const doc = slug === 'small' ? small : palermo;
  const data = emptyLocale();
  if (lang === 'it') {
    for (const s of doc.segments) {
      data.resources[s.id] = 'x';
      data.units[s.id] = { state: 'reviewed' };
    }
  } else if (lang === 'fr') {
    const [h, s1] = doc.segments;
    data.resources[h!.id] = 'Titre';
    data.units[h!.id] = { state: 'translated' };
    data.units[s1!.id] = { state: 'stale', suggestion: 'Ancienne.', previousSource: 'Old.' };
  }
  return data;
}

const articles = [
  { slug: 'palermo-conference', doc: palermo },
  { slug: 'small', doc: small },
];
const report: StatusReport = buildStatus(articles, langs, locale, { details: true });
const single: StatusReport = buildStatus([articles[0]!], langs, locale);

describe('statusJson', () => {
  it('is the report as JSON with schema tessera-status/1, deterministic, LF and a final newline', () => {
    const text = statusJson(report);
    const parsed = JSON.parse(text) as StatusReport;
    expect(parsed.schema).toBe('tessera-status/1');
    expect(parsed).toEqual(report);
    expect(statusJson(buildStatus(articles, langs, locale, { details: true }))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(Object.keys(parsed)).toEqual(['schema', 'sourceLanguage', 'languages', 'articles', 'totals', 'remaining']);
  });

  it('has a row per article and a cell per language, with the counts of core/status', () => {
    const parsed = JSON.parse(statusJson(report)) as StatusReport;
    expect(parsed.articles.map((a) => a.article)).toEqual(['palermo-conference', 'small']);
    for (const a of parsed.articles) expect(Object.keys(a.languages)).toEqual(langs);
    expect(parsed.articles[1]!.languages.it!.reviewedWords).toBe(100);
    expect(parsed.articles[1]!.languages.ar!.translatedWords).toBe(0);
    // fr on the small article: the headline (2 of 13 words) is translated.
    expect(parsed.articles[1]!.languages.fr!.translatedWords).toBe(15.3);
  });
});

describe('statusTable', () => {
  it('has no ANSI escapes without colour, and has them with colour', () => {
    const plain = statusTable(report, { color: false });
    expect(plain).not.toMatch(ANSI);
    expect(statusTable(report)).toBe(plain);
    const coloured = statusTable(report, { color: true });
    expect(coloured).toMatch(ANSI);
    // Removing the escapes gives the plain table back.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('colours complete rows green, partial yellow, empty red', () => {
    const coloured = statusTable(single, { color: true }).split('\n');
    const row = (lang: string) => coloured.find((l) => new RegExp(`^palermo-conference\\s+${lang}\\s`).test(l.replace(/\u001b\[[0-9;]*m/g, '')))!;
    expect(row('it').startsWith('\u001b[32m')).toBe(true);
    expect(row('fr').startsWith('\u001b[33m')).toBe(true);
    expect(row('ar').startsWith('\u001b[31m')).toBe(true);
  });

  it('has a header, a rule, a row per article and language, and TOTAL rows only for several articles', () => {
    const lines = statusTable(report).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Article\s+Lang\s/);
    expect(lines[1]).toMatch(/^[─ ]+$/);
    const rows = lines.slice(2);
    expect(rows).toHaveLength(articles.length * langs.length + langs.length);
    for (const a of articles) for (const l of langs) expect(rows.filter((r) => new RegExp(`^${a.slug}\\s+${l}\\s`).test(r)), `${a.slug} ${l}`).toHaveLength(1);
    expect(rows.filter((l) => l.startsWith('TOTAL'))).toHaveLength(langs.length);
    expect(statusTable(single).split('\n').filter((l) => l.startsWith('TOTAL'))).toHaveLength(0);
    // The columns line up: the rule is as wide as the widest row, and no row ends in spaces.
    const width = (l: string) => [...l].length;
    expect(width(lines[1]!)).toBe(Math.max(...lines.map(width)));
    for (const l of lines) expect(l).toBe(l.trimEnd());
  });

  it('shows the numbers of the report', () => {
    const line = statusTable(single)
      .split('\n')
      .find((l) => /^palermo-conference\s+fr\s/.test(l))!;
    const c = single.articles[0]!.languages.fr!;
    const tokens = line.split(/\s+/);
    expect(tokens).toContain(`${c.translatedWords.toFixed(1)}%`);
    expect(tokens).toContain(`${c.reviewedWords.toFixed(1)}%`);
    expect(tokens).toContain(String(c.segments.total));
    expect(tokens).toContain(String(c.words.total));
    expect(c.segments.stale).toBe(1);
    expect(c.translatedWords).toBeGreaterThan(0);
  });
});

describe('statusMarkdown', () => {
  it('has a table row per article, a total row for several, and one column per language', () => {
    // Without details: the only table is the summary.
    const md = statusMarkdown(buildStatus(articles, langs, locale));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(1 + articles.length + 1);
    expect(rows[0]).toBe('| Article | it | fr | ar |');
    expect(rows.filter((r) => r.startsWith('| palermo-conference |'))).toHaveLength(1);
    expect(rows.filter((r) => r.startsWith('| small |'))).toHaveLength(1);
    expect(rows.filter((r) => r.startsWith('| **Total** |'))).toHaveLength(1);
    for (const r of rows.slice(1, 4)) expect(r.split(' | ')).toHaveLength(1 + langs.length);
    const one = statusMarkdown(single).split('\n').filter((l) => l.startsWith('| '));
    expect(one.filter((r) => r.includes('**Total**'))).toHaveLength(0);
    expect(one.filter((r) => r.startsWith('| palermo-conference |'))).toHaveLength(1);
  });

  it('marks all reviewed ✅, work left ⏳, and counts stale segments', () => {
    const row = statusMarkdown(single)
      .split('\n')
      .find((l) => l.startsWith('| palermo-conference |'))!;
    const [, , it, fr, ar] = row.split('|').map((c) => c.trim());
    expect(it).toMatch(/^✅ 100\.0% translated, 100\.0% reviewed/);
    expect(fr).toMatch(/^⏳ /);
    expect(fr).toMatch(/\b1 stale\b/);
    expect(ar).toMatch(/^⏳ 0\.0% translated, 0\.0% reviewed/);
    expect(ar).not.toMatch(/stale/);
  });

  it('lists the remaining segments in a details block, escaping pipes', () => {
    const withPipe = parseArticle('---\nslug: pipe\nlang: en\nheadline: A | B\ndate: 2018-11-13\n---\n\nThe end.\n', 'pipe.md');
    const md = statusMarkdown(buildStatus([{ slug: 'pipe', doc: withPipe }], ['ar'], () => emptyLocale(), { details: true }));
    expect(md).toMatch(/<details><summary>[^<]+<\/summary>/);
    expect(md.trimEnd().endsWith('</details>')).toBe(true);
    expect(md).toContain(`| pipe | ar | \`${withPipe.segments[0]!.id}\` | new | A \\| B |`);
    expect(statusMarkdown(single)).not.toContain('<details>');
  });
});

describe('statusDetails', () => {
  it('prints one tab-separated line per remaining segment', () => {
    const text = statusDetails(report);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(report.remaining!.length);
    const r = report.remaining![0]!;
    expect(lines[0]).toBe(`${r.article}\t${r.lang}\t${r.id}\t${r.state}\t${r.source}`);
  });

  it('says so when nothing is left', () => {
    expect(statusDetails(buildStatus([{ slug: 'small', doc: small }], ['it'], locale, { details: true }))).toBe('Nothing left to translate.\n');
  });
});
