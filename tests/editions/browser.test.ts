/**
 * The built HTML editions in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no browser download): no console errors, no request leaves the page, the
 * article's computed direction, every isolated Latin run laid out left to right in one piece
 * inside the right-to-left Arabic page, and a screenshot of each edition in
 * test-artifacts/editions/<lang>.png.
 *
 * Without Chromium the tests are skipped with a message; under CI=true that is a failure.
 * TESSERA_CHROMIUM overrides the executable's path.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, requireChromium, launchChromium } from '../helpers/chromium.js';
import { REPO, copyProject, tessera } from '../helpers/project.js';

const AVAILABLE = CHROMIUM_AVAILABLE;
const LANGS = ['en', 'it', 'fr', 'ar'] as const;
const ARTIFACTS = join(REPO, 'test-artifacts/editions');

/** What the page reports about itself, measured by the browser's layout. */
interface Measured {
  htmlLang: string;
  htmlDir: string;
  articleDirection: string;
  h1Direction: string;
  /** x of the first and of a later character on the first line of the first paragraph. */
  firstLine: { first: number; later: number } | null;
  bdi: { text: string; direction: string; lines: number; firstX: number; lastX: number }[];
  fallback: { text: string; direction: string }[];
  dateline: string | null;
}

requireChromium('the browser tests', it, it.skip);

describe.skipIf(!AVAILABLE)('the HTML editions in headless Chromium', () => {
  let project: string;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    project = copyProject();
    const built = tessera(['--root', project, 'build', '--format', 'html', '--out', 'out/editions']);
    if (built.code !== 0) throw new Error(`tessera build failed (${built.code}):\n${built.stderr}`);
    browser = await launchChromium({ width: 900, height: 1200 });
    context = browser.context;
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  async function open(lang: (typeof LANGS)[number]): Promise<{ measured: Measured; errors: string[]; external: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) external.push(r.url());
    });
    const file = join(project, `out/editions/${lang}/palermo-conference.html`);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const measured = await page.evaluate((): Measured => {
      const dir = (el: Element): string => getComputedStyle(el).direction;
      /** x of the left edge of character `i` of a text node. */
      const xOf = (node: Text, i: number): number => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().left;
      };
      const article = document.querySelector('article')!;
      const p = document.querySelector('article > p:not(.meta)')!;
      // The first text node of the paragraph that follows the dateline.
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let text: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.textContent ?? '').trim().length > 10 && !n.parentElement?.closest('.dateline')) {
          text = n as Text;
          break;
        }
      }
      let firstLine: Measured['firstLine'] = null;
      if (text) {
        const s = text.textContent!;
        const i = s.search(/\S/);
        firstLine = { first: xOf(text, i), later: xOf(text, i + 8) };
      }
      const bdi = [...document.querySelectorAll('bdi')].map((b) => {
        const node = b.firstChild as Text;
        return { text: b.textContent ?? '', direction: dir(b), lines: b.getClientRects().length, firstX: xOf(node, 0), lastX: xOf(node, node.length - 1) };
      });
      const fallback = [...document.querySelectorAll('span[lang][dir]')].map((s) => ({ text: s.textContent ?? '', direction: dir(s) }));
      return {
        htmlLang: document.documentElement.lang,
        htmlDir: document.documentElement.dir,
        articleDirection: dir(article),
        h1Direction: dir(document.querySelector('h1')!),
        firstLine,
        bdi,
        fallback,
        dateline: document.querySelector('.dateline')?.textContent ?? null,
      };
    });
    await page.screenshot({ path: join(ARTIFACTS, `${lang}.png`), fullPage: true });
    await page.close();
    return { measured, errors, external };
  }

  for (const lang of LANGS) {
    const rtl = lang === 'ar';
    it(`${lang}: loads with no console error and no external request, reads ${rtl ? 'right to left' : 'left to right'}`, async () => {
      const { measured, errors, external } = await open(lang);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      expect(measured.htmlLang).toBe(lang);
      expect(measured.htmlDir).toBe(rtl ? 'rtl' : 'ltr');
      expect(measured.articleDirection).toBe(rtl ? 'rtl' : 'ltr');
      expect(measured.h1Direction).toBe(rtl ? 'rtl' : 'ltr');
      expect(measured.dateline, 'the dateline is marked').toMatch(rtl ? /^باليرمو:$/ : /^PALERM[OE]\s?:$/);
      // Laid out: the paragraph's first character is on the right of the next ones in Arabic.
      expect(measured.firstLine).not.toBeNull();
      if (rtl) expect(measured.firstLine!.first).toBeGreaterThan(measured.firstLine!.later);
      else expect(measured.firstLine!.first).toBeLessThan(measured.firstLine!.later);

      if (rtl) {
        expect(measured.bdi.map((b) => b.text)).toEqual(['#Libya', '@AlistairBurtUK']);
        for (const b of measured.bdi) {
          expect(b.direction, b.text).toBe('ltr');
          expect(b.lines, `${b.text} stays in one piece`).toBe(1);
          expect(b.firstX, `${b.text} reads left to right`).toBeLessThan(b.lastX);
        }
        expect(measured.fallback).toEqual([{ text: 'pic.twitter.com/g5bbaN5LzK', direction: 'ltr' }]);
      } else {
        expect(measured.bdi).toEqual([]);
      }
      expect(existsSync(join(ARTIFACTS, `${lang}.png`))).toBe(true);
    });
  }
});
