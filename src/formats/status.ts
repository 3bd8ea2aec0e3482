/**
 * Renderers for the status report: terminal table, Markdown (a pull-request comment) and JSON
 * (schema `tessera-status/1`, documented in README). Pure: strings in, strings out.
 */
import type { Cell, StatusReport } from '../core/status.js';
import { stableJson } from '../core/json.js';
import type { Lang } from '../core/types.js';

export function statusJson(report: StatusReport): string {
  return stableJson(report);
}

function bar(percent: number, width = 10): string {
  const full = Math.floor((percent / 100) * width); // never a full bar before 100%
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function pctText(p: number): string {
  return `${p.toFixed(1)}%`;
}

/** Display width: East Asian wide characters aside, one column per code point. */
function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  const fill = ' '.repeat(Math.max(0, n - len));
  return right ? fill + s : s + fill;
}

export function statusTable(report: StatusReport, options: { color?: boolean } = {}): string {
  const color = options.color ?? false;
  const head = ['Article', 'Lang', 'Translated (words)', 'Reviewed', 'Segments', 'new', 'stale', 'translated', 'reviewed', 'final', 'Words'];
  const rows: string[][] = [];
  const cellRow = (name: string, lang: Lang, c: Cell): string[] => [
    name,
    lang,
    `${bar(c.translatedWords)} ${pctText(c.translatedWords)}`,
    pctText(c.reviewedWords),
    String(c.segments.total),
    String(c.segments.new),
    String(c.segments.stale),
    String(c.segments.translated),
    String(c.segments.reviewed),
    String(c.segments.final),
    String(c.words.total),
  ];
  for (const a of report.articles) {
    for (const lang of report.languages) {
      const c = a.languages[lang];
      if (c) rows.push(cellRow(a.article, lang, c));
    }
  }
  if (report.articles.length > 1) {
    for (const lang of report.languages) {
      const c = report.totals[lang];
      if (c) rows.push(cellRow('TOTAL', lang, c));
    }
  }
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const numeric = (i: number): boolean => i >= 3;
  const line = (r: string[]): string => r.map((v, i) => pad(v, widths[i]!, numeric(i))).join('  ').trimEnd();
  const out = [paint(color, '1', line(head)), line(widths.map((w) => '─'.repeat(w)))];
  for (const r of rows) {
    let text = line(r);
    if (color) {
      const p = Number.parseFloat(r[2]!.split(' ')[1]!);
      text = paint(true, p >= 100 ? '32' : p > 0 ? '33' : '31', text);
    }
    out.push(text);
  }
  return out.join('\n') + '\n';
}

export function statusMarkdown(report: StatusReport): string {
  const langs = report.languages;
  const out: string[] = [];
  out.push('### Translation status');
  out.push('');
  out.push(`| Article | ${langs.join(' | ')} |`);
  out.push(`|---|${langs.map(() => '---:').join('|')}|`);
  const cell = (c: Cell | undefined): string => {
    if (!c) return '—';
    const mark = c.reviewedWords >= 100 ? '✅' : c.translatedWords >= 100 ? '🟡' : '⏳';
    const extra = c.segments.stale > 0 ? `, ${c.segments.stale} stale` : '';
    return `${mark} ${pctText(c.translatedWords)} translated, ${pctText(c.reviewedWords)} reviewed (${c.segments.total - c.segments.new - c.segments.stale}/${c.segments.total} segments${extra})`;
  };
  for (const a of report.articles) out.push(`| ${a.article} | ${langs.map((l) => cell(a.languages[l])).join(' | ')} |`);
  if (report.articles.length > 1) out.push(`| **Total** | ${langs.map((l) => cell(report.totals[l])).join(' | ')} |`);
  out.push('');
  out.push('Percentages are by source words; ✅ all reviewed, 🟡 all translated, ⏳ work left.');
  if (report.remaining && report.remaining.length > 0) {
    out.push('');
    out.push('<details><summary>Segments still to translate</summary>');
    out.push('');
    out.push('| Article | Lang | Id | State | Source |');
    out.push('|---|---|---|---|---|');
    for (const r of report.remaining) out.push(`| ${r.article} | ${r.lang} | \`${r.id}\` | ${r.state} | ${r.source.replace(/\|/g, '\\|')} |`);
    out.push('');
    out.push('</details>');
  }
  return out.join('\n') + '\n';
}

export function statusDetails(report: StatusReport): string {
  const rows = report.remaining ?? [];
  if (rows.length === 0) return 'Nothing left to translate.\n';
  return rows.map((r) => `${r.article}\t${r.lang}\t${r.id}\t${r.state}\t${r.source}`).join('\n') + '\n';
}
