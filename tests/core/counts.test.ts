/**
 * The fast word counter must agree with ICU's (Intl.Segmenter, isWordLike) — the documented
 * reference — on real text in all four languages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { countChars, countWords, countWordsIntl } from '../../src/core/counts.js';

const SHARED = resolve(process.cwd(), '../shared/segmentation');

function sentences(): { lang: string; text: string }[] {
  const out: { lang: string; text: string }[] = [];
  for (const lang of ['en', 'it', 'fr', 'ar']) {
    const bundled = resolve(process.cwd(), `locales/${lang}/palermo-conference.json`);
    for (const t of Object.values(JSON.parse(readFileSync(bundled, 'utf8')) as Record<string, string>)) out.push({ lang, text: t });
    const own = resolve(process.cwd(), `tests/segment/cases/${lang}.json`);
    if (existsSync(own)) for (const c of JSON.parse(readFileSync(own, 'utf8')) as { text: string }[]) out.push({ lang, text: c.text });
    const pub = resolve(SHARED, `public-${lang}.json`);
    if (existsSync(pub)) for (const c of JSON.parse(readFileSync(pub, 'utf8')) as { text: string }[]) out.push({ lang, text: c.text });
  }
  for (let i = 0; i < 300; i++) out.push({ lang: 'en', text: article(i).markdown });
  return out;
}

describe('countWords', () => {
  it('agrees with Intl.Segmenter on every sentence we have, in four languages', () => {
    const all = sentences();
    expect(all.length).toBeGreaterThan(500);
    const diffs = all.filter(({ lang, text }) => countWords(text, lang) !== countWordsIntl(text, lang));
    expect(diffs.map((d) => `${d.lang}: ${countWords(d.text, d.lang)} vs ${countWordsIntl(d.text, d.lang)}: ${d.text.slice(0, 80)}`)).toEqual([]);
  });

  it.each([
    ['U.N. officials', 2],
    ['3.5% of 1,000,000', 3],
    ["Libya's east", 2],
    ['Vice-President Fuat Oktay', 4],
    ['e-mail: a.b@c.com', 4],
    ['14h30, 3 p.m. and 12:30', 6],
    ["l'ONU et d’accord", 3],
    ['#Libya @Alistair_Burt pic.twitter.com/g5bbaN5LzK', 4],
    ['الأمم المتحدة ٢٠١٨', 3],
    ['— … « » !', 0],
  ])('%s → %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
    expect(countWordsIntl(text)).toBe(n);
  });

  it('hands scripts without spaces to ICU', () => {
    expect(countWords('東京は日本の首都です', 'ja')).toBe(countWordsIntl('東京は日本の首都です', 'ja'));
  });

  it('counts characters as code points', () => {
    expect(countChars('a😀b')).toBe(3);
    expect(countChars('')).toBe(0);
  });
});
