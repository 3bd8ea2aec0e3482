/**
 * Renderers for the status report: terminal table, Markdown (a pull-request comment), a
 * self-contained HTML dashboard, and JSON (schema `tessera-status/1`, documented in README).
 * Pure: strings in, strings out. Labels come from the `cli` i18next namespace through `t`;
 * JSON keys never change with the interface language.
 */
import type { Cell, StatusReport } from '../core/status.js';
import { stableJson, stableJsonPieces } from '../core/json.js';
import type { Lang } from '../core/types.js';
import { cliTranslator, type Translate, type UiLang } from '../i18n/index.js';

export interface RenderOptions {
  color?: boolean;
  ui?: { t: Translate; lang: UiLang; dir: 'ltr' | 'rtl' };
}

const english = cliTranslator('en');

export function statusJson(report: StatusReport): string {
  return stableJson(report);
}

/** `statusJson` in pieces, for a large report (one row per article). */
export function statusJsonPieces(report: StatusReport): Generator<string> {
  return stableJsonPieces(report as unknown as Record<string, unknown>);
}

function bar(percent: number, width = 10): string {
  const full = Math.floor((percent / 100) * width); // never a full bar before 100%
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** "99.3%" / "99,3 %" / "99,3%": the interface language's percent format, Latin digits. */
const percentFormats = new Map<string, Intl.NumberFormat>();

export function formatPercent(p: number, lang: UiLang = 'en'): string {
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : lang;
  let f = percentFormats.get(locale);
  if (!f) percentFormats.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(p / 100);
}

/** Display width: one column per code point (no wide characters in our labels). */
function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - [...s].length));
  return right ? fill + s : s + fill;
}

export function statusTable(report: StatusReport, options: RenderOptions = {}): string {
  const color = options.color ?? false;
  const { t, lang } = options.ui ?? english;
  const head = [
    t('status.article'),
    t('status.lang'),
    t('status.translatedWords'),
    t('status.reviewed'),
    t('status.segments'),
    t('status.state.new'),
    t('status.state.stale'),
    t('status.state.translated'),
    t('status.state.reviewed'),
    t('status.state.final'),
    t('status.words'),
  ];
  const rows: { cells: string[]; percent: number }[] = [];
  const cellRow = (name: string, l: Lang, c: Cell): { cells: string[]; percent: number } => ({
    percent: c.translatedWords,
    cells: [
      name,
      l,
      `${bar(c.translatedWords)} ${formatPercent(c.translatedWords, lang)}`,
      formatPercent(c.reviewedWords, lang),
      String(c.segments.total),
      String(c.segments.new),
      String(c.segments.stale),
      String(c.segments.translated),
      String(c.segments.reviewed),
      String(c.segments.final),
      String(c.words.total),
    ],
  });
  for (const a of report.articles) {
    for (const l of report.languages) {
      const c = a.languages[l];
      if (c) rows.push(cellRow(a.article, l, c));
    }
  }
  if (report.articles.length > 1) {
    for (const l of report.languages) {
      const c = report.totals[l];
      if (c) rows.push(cellRow(t('status.total').toUpperCase(), l, c));
    }
  }
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r.cells[i]!].length)));
  const line = (r: string[]): string => r.map((v, i) => pad(v, widths[i]!, i >= 3)).join('  ').trimEnd();
  const out = [paint(color, '1', line(head)), line(widths.map((w) => '─'.repeat(w)))];
  for (const r of rows) out.push(paint(color, r.percent >= 100 ? '32' : r.percent > 0 ? '33' : '31', line(r.cells)));
  return out.join('\n') + '\n';
}

function cellSummary(c: Cell | undefined, t: Translate, lang: UiLang): string {
  if (!c) return '—';
  const mark = c.reviewedWords >= 100 ? '✅' : c.translatedWords >= 100 ? '🟡' : '⏳';
  const done = c.segments.total - c.segments.new - c.segments.stale;
  let s = `${mark} ${t('status.cell', { translated: formatPercent(c.translatedWords, lang), reviewed: formatPercent(c.reviewedWords, lang), done, total: c.segments.total })}`;
  if (c.segments.stale > 0) s += `${t('status.separator')}${t('status.cellStale', { count: c.segments.stale })}`;
  return s;
}

const mdEscape = (s: string): string => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);

export function statusMarkdown(report: StatusReport, options: RenderOptions = {}): string {
  const { t, lang, dir } = options.ui ?? english;
  const langs = report.languages;
  const out: string[] = [];
  if (dir === 'rtl') out.push('<div dir="rtl">', '');
  out.push(`### ${t('status.title')}`, '');
  out.push(`| ${t('status.article')} | ${langs.join(' | ')} |`);
  out.push(`|---|${langs.map(() => '---:').join('|')}|`);
  for (const a of report.articles) out.push(`| ${a.article} | ${langs.map((l) => cellSummary(a.languages[l], t, lang)).join(' | ')} |`);
  if (report.articles.length > 1) out.push(`| **${t('status.total')}** | ${langs.map((l) => cellSummary(report.totals[l], t, lang)).join(' | ')} |`);
  out.push('', t('status.legend'));
  if (report.remaining && report.remaining.length > 0) {
    out.push('', `<details><summary>${t('status.remaining')}</summary>`, '');
    out.push(`| ${t('status.article')} | ${t('status.lang')} | ${t('status.id')} | ${t('status.stateLabel')} | ${t('status.source')} |`);
    out.push('|---|---|---|---|---|');
    for (const r of report.remaining) out.push(`| ${r.article} | ${r.lang} | \`${r.id}\` | ${t(`status.stateOne.${r.state}`)} | ${mdEscape(r.source)} |`);
    out.push('', '</details>');
  }
  if (dir === 'rtl') out.push('', '</div>');
  return out.join('\n') + '\n';
}

export function statusDetails(report: StatusReport, options: RenderOptions = {}): string {
  const { t } = options.ui ?? english;
  const rows = report.remaining ?? [];
  if (rows.length === 0) return `${t('status.nothingLeft')}\n`;
  return rows.map((r) => `${r.article}\t${r.lang}\t${r.id}\t${r.state}\t${r.source}`).join('\n') + '\n';
}

const h = (s: string): string => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/**
 * A self-contained dashboard: no scripts, no external assets, one inline stylesheet; the
 * interface language sets `lang` and `dir` (Arabic reads right to left).
 */
export function statusHtml(report: StatusReport, options: RenderOptions = {}): string {
  const { t, lang, dir } = options.ui ?? english;
  const pct = (p: number): string => formatPercent(p, lang);
  const meter = (c: Cell): string =>
    `<div class="meter" role="img" aria-label="${h(pct(c.translatedWords))}"><span class="rev" style="inline-size:${c.reviewedWords}%"></span><span class="tr" style="inline-size:${Math.max(0, c.translatedWords - c.reviewedWords)}%"></span></div>`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${lang}" dir="${dir}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${h(t('status.title'))}</title>`);
  out.push(
    '<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}' +
      'th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:start;vertical-align:top}td.n{text-align:end;font-variant-numeric:tabular-nums}' +
      '.meter{display:flex;inline-size:10rem;block-size:.7rem;background:#eee;border-radius:.35rem;overflow:hidden}.meter .rev{background:#2e7d32}.meter .tr{background:#f9a825}' +
      '.lang{display:flex;gap:1rem;align-items:center}.src{max-inline-size:40rem}.stale{color:#b26a00}</style>',
  );
  out.push('</head>', '<body>', `<h1>${h(t('status.title'))}</h1>`);
  out.push(`<section><h2>${h(t('status.byLanguage'))}</h2>`);
  for (const l of report.languages) {
    const c = report.totals[l];
    if (!c) continue;
    // Each figure isolated (<bdi>): in Arabic, "100.0% · 600" would otherwise join into one left-to-right run.
    out.push(`<div class="lang"><strong>${l}</strong> ${meter(c)} <span><bdi>${h(pct(c.translatedWords))}</bdi> · <bdi>${h(t('status.reviewed'))} ${h(pct(c.reviewedWords))}</bdi> · <bdi>${h(t('status.wordCount', { count: c.words.total }))}</bdi></span></div>`);
  }
  out.push('</section>');
  out.push(`<section><h2>${h(t('status.matrix'))}</h2>`, '<table>', `<thead><tr><th>${h(t('status.article'))}</th>${report.languages.map((l) => `<th>${l}</th>`).join('')}</tr></thead>`, '<tbody>');
  for (const a of report.articles) {
    const cells = report.languages.map((l) => {
      const c = a.languages[l];
      return c ? `<td>${meter(c)}${h(cellSummary(c, t, lang))}</td>` : '<td>—</td>';
    });
    out.push(`<tr><th scope="row">${h(a.article)}<br><small lang="${report.sourceLanguage}" dir="ltr">${h(a.headline)}</small></th>${cells.join('')}</tr>`);
  }
  out.push('</tbody>', '</table>', `<p>${h(t('status.legend'))}</p>`, '</section>');
  const remaining = report.remaining ?? [];
  out.push(`<section><h2>${h(t('status.remaining'))}</h2>`);
  if (remaining.length === 0) out.push(`<p>${h(t('status.nothingLeft'))}</p>`);
  else {
    out.push('<table>', `<thead><tr><th>${h(t('status.article'))}</th><th>${h(t('status.lang'))}</th><th>${h(t('status.id'))}</th><th>${h(t('status.stateLabel'))}</th><th>${h(t('status.source'))}</th></tr></thead>`, '<tbody>');
    for (const r of remaining) {
      out.push(`<tr class="${r.state}"><td>${h(r.article)}</td><td>${r.lang}</td><td><code>${h(r.id)}</code></td><td>${h(t(`status.stateOne.${r.state}`))}</td><td class="src" lang="en" dir="ltr">${h(r.source)}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
