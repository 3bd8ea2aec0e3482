/**
 * The `tessera status --format html` dashboard in a real headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core, as tests/editions/browser.test.ts), for
 * --ui-lang en, it, fr and ar, on two copies of the bundled project:
 *   reviewed  — as shipped: every segment reviewed;
 *   pending   — one French translation removed and one source sentence edited, then
 *               `tessera segment`: one new French segment and one stale segment per language.
 * Each page: no console error, no request besides the file itself, the computed direction
 * (rtl for ar), the progress per language (it, fr, ar) with its meter, the article × language
 * matrix with one row per article, the segments still needing work with their state in the
 * interface language, and labels from src/i18n/cli/<lang>.json. Screenshots in
 * test-artifacts/status/<case>-<lang>.png.
 *
 * Without Chromium the tests are skipped with a message; under CI=true that is a failure.
 * TESSERA_CHROMIUM overrides the executable's path.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, requireChromium, launchChromium } from '../helpers/chromium.js';
import { REPO, copyProject, tessera } from '../helpers/project.js';

const AVAILABLE = CHROMIUM_AVAILABLE;
const UI = ['en', 'it', 'fr', 'ar'] as const;
type Ui = (typeof UI)[number];
const TARGETS = ['it', 'fr', 'ar'] as const;
const CASES = ['reviewed', 'pending'] as const;
type Case = (typeof CASES)[number];
const ARTIFACTS = join(REPO, 'test-artifacts/status');

const SLUG = 'palermo-conference';
const EDITED_FROM = 'Neither Haftar nor El-Sisi posed for the final conference group photo.';
const EDITED_TO = 'Neither Haftar nor El-Sisi posed for the conference group photo.';
const REMOVED_SOURCE = '“His representatives said that.”';

/** What a reader must see, written out by hand (not derived from the code under test). */
const EXPECTED: Record<Ui, { one: { new: string; stale: string }; oneStale: string; words: (n: number) => string; decimal: string }> = {
  en: { one: { new: 'new', stale: 'stale' }, oneStale: '1 stale', words: (n) => `${n} words`, decimal: '.' },
  it: { one: { new: 'nuovo', stale: 'superato' }, oneStale: '1 superato', words: (n) => `${n} parole`, decimal: ',' },
  fr: { one: { new: 'nouveau', stale: 'périmé' }, oneStale: '1 périmé', words: (n) => `${n} mots`, decimal: ',' },
  // Arabic counts agree with the number: 3–10 كلمات, 11–99 (mod 100) كلمةً, else كلمة.
  ar: { one: { new: 'جديد', stale: 'متقادم' }, oneStale: '، مقطع متقادم واحد', words: (n) => `${n} ${n % 100 >= 3 && n % 100 <= 10 ? 'كلمات' : n % 100 >= 11 ? 'كلمةً' : 'كلمة'}`, decimal: '.' },
};

interface Labels {
  status: { title: string; byLanguage: string; matrix: string; remaining: string; nothingLeft: string; article: string; lang: string; id: string; stateLabel: string; source: string; reviewed: string; legend: string };
}
const labels = (l: Ui): Labels => JSON.parse(readFileSync(join(REPO, `src/i18n/cli/${l}.json`), 'utf8')) as Labels;

interface CellJson {
  translatedWords: number;
  reviewedWords: number;
  segments: { total: number; stale: number; new: number };
  words: { total: number };
}
interface ReportJson {
  articles: { article: string; languages: Record<string, CellJson> }[];
  totals: Record<string, CellJson>;
}

interface Prepared {
  dir: string;
  report: ReportJson;
  removedId?: string;
  staleId?: string;
}

function prepare(kind: Case): Prepared {
  const dir = copyProject();
  let removedId: string | undefined;
  let staleId: string | undefined;
  if (kind === 'pending') {
    const en = JSON.parse(readFileSync(join(dir, `locales/en/${SLUG}.json`), 'utf8')) as Record<string, string>;
    removedId = Object.keys(en).find((k) => en[k] === REMOVED_SOURCE);
    if (!removedId) throw new Error(`${REMOVED_SOURCE} is not in the bundled article`);
    const frPath = join(dir, `locales/fr/${SLUG}.json`);
    const fr = JSON.parse(readFileSync(frPath, 'utf8')) as Record<string, string>;
    delete fr[removedId];
    writeFileSync(frPath, JSON.stringify(fr, null, 2) + '\n');
    const srcPath = join(dir, `source/${SLUG}.md`);
    const src = readFileSync(srcPath, 'utf8');
    if (!src.includes(EDITED_FROM)) throw new Error(`${EDITED_FROM} is not in the bundled article`);
    writeFileSync(srcPath, src.replace(EDITED_FROM, EDITED_TO));
    const seg = tessera(['--root', dir, 'segment']);
    if (seg.code !== 0) throw new Error(`tessera segment failed (${seg.code}):\n${seg.stderr}`);
    const after = JSON.parse(readFileSync(join(dir, `locales/en/${SLUG}.json`), 'utf8')) as Record<string, string>;
    staleId = Object.keys(after).find((k) => after[k] === EDITED_TO);
    if (!staleId) throw new Error('segment did not write the edited sentence');
  }
  mkdirSync(join(dir, 'status-html'));
  for (const l of UI) {
    const r = tessera(['--root', dir, 'status', '--format', 'html', '--ui-lang', l]);
    if (r.code !== 0) throw new Error(`tessera status --format html --ui-lang ${l} failed (${r.code}):\n${r.stderr}`);
    writeFileSync(join(dir, 'status-html', `${l}.html`), r.stdout);
  }
  const json = tessera(['--root', dir, 'status', '--json']);
  if (json.code !== 0) throw new Error(`tessera status --json failed (${json.code}):\n${json.stderr}`);
  return { dir, report: JSON.parse(json.stdout) as ReportJson, removedId, staleId };
}

/** One visible character of a text node and where the browser drew it. */
interface Glyph {
  c: string;
  left: number;
  right: number;
}

/** Text as a reader compares it: no bidi marks, no-break spaces as spaces. */
const plain = (s: string): string => s.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * The horizontal extent of each of `items`, found one after the other in the drawn glyphs. A
 * phrase whose pieces were scattered by the bidi algorithm spans over its neighbours.
 */
function extents(glyphs: Glyph[], items: string[]): { item: string; left: number; right: number }[] {
  const text = plain(glyphs.map((g) => g.c).join(''));
  let from = 0;
  return items.map((item) => {
    const at = text.indexOf(item, from);
    if (at < 0) throw new Error(`"${item}" is not in "${text}"`);
    from = at + item.length;
    const drawn = glyphs.slice(at, from).filter((g) => g.c.trim() !== '');
    return { item, left: Math.min(...drawn.map((g) => g.left)), right: Math.max(...drawn.map((g) => g.right)) };
  });
}

/** What the page shows, measured by the browser. */
interface Measured {
  title: string;
  htmlLang: string;
  direction: string;
  h1: string;
  /** The h1's text box against the body's content box: which side it starts from. */
  h1Edges: { textLeft: number; textRight: number; bodyLeft: number; bodyRight: number };
  h2: string[];
  progress: { text: string; hasMeter: boolean; meter: number; rev: number; tr: number; chars: Glyph[] }[];
  matrix: { head: string[]; firstHeadX: number; lastHeadX: number; rows: { head: string; headlineDirection: string; cells: string[] }[] };
  legend: string;
  remainingTable: { head: string[]; rows: { cls: string; cells: string[]; color: string; sourceDirection: string }[] } | null;
  remainingText: string;
  resources: number;
}

requireChromium('the status dashboard browser tests', it, it.skip);

describe.skipIf(!AVAILABLE)('the status dashboard in headless Chromium', () => {
  const prepared = {} as Record<Case, Prepared>;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    for (const c of CASES) prepared[c] = prepare(c);
    browser = await launchChromium({ width: 1100, height: 900 });
    context = browser.context;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const c of CASES) if (prepared[c]) rmSync(prepared[c].dir, { recursive: true, force: true });
  });

  async function open(kind: Case, lang: Ui): Promise<{ measured: Measured; errors: string[]; requests: string[]; url: string; shot: string }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(prepared[kind].dir, 'status-html', `${lang}.html`)).href;
    await page.goto(url, { waitUntil: 'load' });
    const measured = await page.evaluate((): Measured => {
      const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const width = (el: Element | null): number => el?.getBoundingClientRect().width ?? -1;
      const sections = document.querySelectorAll('body > section');
      const h1 = document.querySelector('h1')!;
      const range = document.createRange();
      range.selectNodeContents(h1);
      const textBox = range.getBoundingClientRect();
      const body = document.body.getBoundingClientRect();
      const matrixTable = sections[1]?.querySelector('table');
      const heads = [...(matrixTable?.querySelectorAll('thead th') ?? [])];
      const remainingTable = sections[2]?.querySelector('table');
      return {
        title: document.title,
        htmlLang: document.documentElement.lang,
        direction: getComputedStyle(document.documentElement).direction,
        h1: text(h1),
        h1Edges: { textLeft: textBox.left, textRight: textBox.right, bodyLeft: body.left, bodyRight: body.right },
        h2: [...document.querySelectorAll('h2')].map(text),
        progress: [...(sections[0]?.querySelectorAll('.lang') ?? [])].map((el) => {
          const meter = el.querySelector('.meter');
          // Every character drawn with a width (bidi marks have none), in document order.
          const chars: Glyph[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const s = n.textContent ?? '';
            for (let i = 0; i < s.length; i++) {
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              const box = r.getBoundingClientRect();
              if (box.width > 0) chars.push({ c: s[i]!, left: box.left, right: box.right });
            }
          }
          return { text: text(el), hasMeter: meter !== null, meter: width(meter), rev: width(el.querySelector('.meter .rev')), tr: width(el.querySelector('.meter .tr')), chars };
        }),
        matrix: {
          head: heads.map(text),
          firstHeadX: heads[0]?.getBoundingClientRect().left ?? -1,
          lastHeadX: heads.at(-1)?.getBoundingClientRect().left ?? -1,
          rows: [...(matrixTable?.querySelectorAll('tbody tr') ?? [])].map((tr) => {
            const small = tr.querySelector('th small');
            return { head: text(tr.querySelector('th')), headlineDirection: small ? getComputedStyle(small).direction : '', cells: [...tr.querySelectorAll('td')].map(text) };
          }),
        },
        legend: text(sections[1]?.querySelector('table + p')),
        remainingTable: remainingTable
          ? {
              head: [...remainingTable.querySelectorAll('thead th')].map(text),
              rows: [...remainingTable.querySelectorAll('tbody tr')].map((tr) => ({
                cls: tr.className,
                cells: [...tr.querySelectorAll('td')].map(text),
                color: getComputedStyle(tr).color,
                sourceDirection: getComputedStyle(tr.querySelector('td.src') ?? tr).direction,
              })),
            }
          : null,
        remainingText: text(sections[2]?.querySelector('p')),
        resources: performance.getEntriesByType('resource').length,
      };
    });
    const shot = join(ARTIFACTS, `${kind}-${lang}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();
    return { measured, errors, requests, url, shot };
  }

  for (const kind of CASES) {
    for (const lang of UI) {
      const rtl = lang === 'ar';
      it(`${kind}, --ui-lang ${lang}: self-contained, ${rtl ? 'right to left' : 'left to right'}, progress, matrix and remaining work in ${lang}`, async () => {
        const { report, removedId, staleId } = prepared[kind];
        const L = labels(lang).status;
        const X = EXPECTED[lang];
        const pct = (p: number): string => p.toFixed(1).replace('.', X.decimal) + (lang === 'fr' ? ' %' : '%');
        const { measured: m, errors, requests, url, shot } = await open(kind, lang);

        // Self-contained: nothing but the file itself was requested, nothing complained.
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(m.resources).toBe(0);

        // Language and direction.
        expect(m.htmlLang).toBe(lang);
        expect(m.direction).toBe(rtl ? 'rtl' : 'ltr');
        const e = m.h1Edges;
        if (rtl) expect(Math.abs(e.textRight - e.bodyRight), 'the title starts at the right').toBeLessThan(2);
        else expect(Math.abs(e.textLeft - e.bodyLeft), 'the title starts at the left').toBeLessThan(2);

        // Labels in the interface language.
        expect(m.title).toBe(L.title);
        expect(m.h1).toBe(L.title);
        expect(m.h2).toEqual([L.byLanguage, L.matrix, L.remaining]);
        expect(m.legend).toBe(L.legend);

        // Progress per language: one line each for it, fr, ar, with its meter, percent and words.
        expect(m.progress.map((p) => p.text.split(' ')[0])).toEqual([...TARGETS]);
        for (const [i, l] of TARGETS.entries()) {
          const p = m.progress[i]!;
          const c = report.totals[l]!;
          expect(p.hasMeter, `${l}: the meter is inside the language's line`).toBe(true);
          const items = [l, pct(c.translatedWords), `${L.reviewed} ${pct(c.reviewedWords)}`, X.words(c.words.total)];
          expect(plain(p.text)).toBe(`${items[0]} ${items[1]} · ${items[2]} · ${items[3]}`);
          // Laid out in reading order, each phrase in one piece: right to left in Arabic.
          const boxes = extents(p.chars, items);
          for (let k = 1; k < boxes.length; k++) {
            const [before, after] = [boxes[k - 1]!, boxes[k]!];
            if (rtl) expect(after.right, `${l}: "${after.item}" is left of "${before.item}"`).toBeLessThanOrEqual(before.left + 0.5);
            else expect(after.left, `${l}: "${after.item}" is right of "${before.item}"`).toBeGreaterThanOrEqual(before.right - 0.5);
          }
          expect(p.meter).toBeGreaterThan(0);
          expect(Math.abs(p.rev / p.meter - c.reviewedWords / 100), `${l}: reviewed part of the meter`).toBeLessThan(0.01);
          expect(Math.abs((p.rev + p.tr) / p.meter - c.translatedWords / 100), `${l}: translated part of the meter`).toBeLessThan(0.01);
        }

        // The matrix: the languages as columns, one row per article.
        expect(m.matrix.head).toEqual([L.article, ...TARGETS]);
        if (rtl) expect(m.matrix.firstHeadX, 'the article column is on the right').toBeGreaterThan(m.matrix.lastHeadX);
        else expect(m.matrix.firstHeadX).toBeLessThan(m.matrix.lastHeadX);
        expect(m.matrix.rows).toHaveLength(report.articles.length);
        for (const [i, a] of report.articles.entries()) {
          const row = m.matrix.rows[i]!;
          expect(row.head.startsWith(a.article)).toBe(true);
          expect(row.headlineDirection, 'the English headline stays left to right').toBe('ltr');
          expect(row.cells).toHaveLength(TARGETS.length);
          for (const [j, l] of TARGETS.entries()) {
            const c = a.languages[l]!;
            const cell = plain(row.cells[j]!);
            expect(cell).toContain(pct(c.translatedWords));
            expect(cell).toContain(`${c.segments.total - c.segments.new - c.segments.stale}/${c.segments.total}`);
            if (kind === 'reviewed') {
              expect(cell.startsWith('✅')).toBe(true);
            } else {
              expect(cell.startsWith('⏳')).toBe(true);
              expect(c.segments.stale).toBe(1);
              expect(cell.endsWith(X.oneStale), `${l}: "${cell}" ends with "${X.oneStale}"`).toBe(true);
            }
          }
        }

        // The segments still needing work.
        if (kind === 'reviewed') {
          expect(m.remainingTable).toBeNull();
          expect(m.remainingText).toBe(L.nothingLeft);
        } else {
          const t = m.remainingTable!;
          expect(t).not.toBeNull();
          expect(t.head).toEqual([L.article, L.lang, L.id, L.stateLabel, L.source]);
          const rows = t.rows.map((r) => r.cells);
          expect(rows).toContainEqual([SLUG, 'fr', removedId, X.one.new, REMOVED_SOURCE]);
          for (const l of TARGETS) expect(rows).toContainEqual([SLUG, l, staleId, X.one.stale, EDITED_TO]);
          expect(rows).toHaveLength(4);
          for (const r of t.rows) {
            expect(r.sourceDirection, 'the English source stays left to right').toBe('ltr');
            expect(r.cls).toBe(r.cells[2] === staleId ? 'stale' : 'new');
          }
          const stale = t.rows.find((r) => r.cls === 'stale')!;
          const fresh = t.rows.find((r) => r.cls === 'new')!;
          expect(stale.color, 'stale rows stand out').toBe('rgb(178, 106, 0)');
          expect(fresh.color).not.toBe(stale.color);
        }

        expect(statSync(shot).size).toBeGreaterThan(1000);
      });
    }
  }
});
