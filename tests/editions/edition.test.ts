/**
 * Editions set from the bundled article and translations, read as the build step reads its
 * i18next resources: typography and bidi in every format, HTML semantics, chrome, and the
 * English edition untouched.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { LocaleData } from '../../src/core/reconcile.js';
import { LANGS, type Lang } from '../../src/core/types.js';
import { FSI, LRI, PDI, stripBidiControls } from '../../src/formats/bidi.js';
import { datelinePrefix, editionSentence, renderHtml, renderMarkdown, renderText, type EditionInput } from '../../src/formats/edition.js';
import { parseArticle } from '../../src/formats/article.js';
import { Project } from '../../src/io/project.js';
import { editionInput, withArticleTexts } from '../../src/pipeline/steps/build.js';

const ROOT = process.cwd();
const project = await new Project(ROOT).ready();
const article = project.loadArticles(['palermo-conference'])[0]!;
const SOURCE = readFileSync(resolve(ROOT, 'source/palermo-conference.md'), 'utf8');
const resources = (lang: string): Record<string, string> => JSON.parse(readFileSync(resolve(ROOT, `locales/${lang}/palermo-conference.json`), 'utf8')) as Record<string, string>;
/**
 * The bundled translations keyed by the article's current segment ids, matched through the
 * English sentences (locales/en), so these tests do not depend on the id scheme.
 */
function localeData(lang: Lang): LocaleData {
  const byText = new Map(Object.entries(resources('en')).map(([id, s]) => [s, id]));
  const target = resources(lang);
  const out: Record<string, string> = {};
  for (const s of article.doc.segments) {
    const t = target[byText.get(s.source) ?? ''];
    if (t !== undefined) out[s.id] = t;
  }
  return { resources: out, units: {}, retired: {} };
}
const input = (lang: Lang): EditionInput => withArticleTexts(article, lang, lang === 'en' ? undefined : localeData(lang), (t, exists, dir) => editionInput(article, lang, t, exists, dir));
const show = (s: string): string => s.replaceAll('\u00a0', '⍽').replaceAll('\u202f', '·').replaceAll(FSI, '⟦').replaceAll(LRI, '⟪').replaceAll(PDI, '⟧');

/** An input with some sentences replaced, to test what the bundled translations do not show. */
function withTexts(lang: Lang, texts: Record<string, string>): EditionInput {
  const base = input(lang);
  return { ...base, text: (id) => (texts[id] !== undefined ? { text: texts[id]!, fallback: false } : base.text(id)) };
}
const seg = (prefix: string): string => article.doc.segments.find((s) => s.source.startsWith(prefix))!.id;

describe('the English edition is the source, untouched', () => {
  it('Markdown: byte for byte', () => {
    expect(renderMarkdown(input('en'))).toBe(SOURCE);
  });

  it("text: the source's sentences and separators, nothing added", () => {
    const txt = renderText(input('en'));
    expect(txt).not.toMatch(/[\u00a0\u202f\u2066-\u2069]/);
    const paragraphs = txt.split('\n\n');
    expect(paragraphs[0]).toBe(article.doc.meta.headline);
    expect(paragraphs[1]).toBe(SOURCE.split('\n\n')[1]);
  });

  it('HTML: no bidi marks, no typographic spaces', () => {
    expect(renderHtml(input('en'))).not.toMatch(/<bdi|[\u00a0\u202f\u2066-\u2069]/);
  });
});

describe('French: Imprimerie nationale spaces in every format, even where the translator typed ordinary ones', () => {
  const typedPlain = withTexts('fr', Object.fromEntries(Object.entries(resources('fr')).map(([id, s]) => [id, s.replace(/\u00a0/g, ' ')])));

  it('text and Markdown carry the no-break spaces', () => {
    for (const out of [renderText(typedPlain), renderMarkdown(typedPlain)]) {
      expect(show(out)).toContain('PALERME⍽: Le président');
      expect(show(out)).toContain('«⍽Haftar est engagé dans le processus politique⍽», a déclaré');
      expect(out).not.toMatch(/ [;:!?»]|« /u);
    }
  });

  it('HTML too, in the body and in the description', () => {
    const html = renderHtml(typedPlain);
    expect(show(html)).toContain('<meta name="description" content="PALERME⍽: Le président');
    expect(show(html)).toContain('<p>«⍽Haftar est engagé');
  });

  it('applying the edition twice changes nothing (the translations already set are left as they are)', () => {
    expect(renderText(input('fr'))).toBe(renderText(typedPlain));
    expect(renderMarkdown(input('fr'))).toBe(renderMarkdown(typedPlain));
    expect(renderHtml(input('fr'))).toBe(renderHtml(typedPlain));
  });
});

describe('Arabic: right to left, Latin runs isolated', () => {
  it('HTML: lang and dir, bdi around the hashtag and the handle, the fallback link marked English', () => {
    const html = renderHtml(input('ar'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('من أجل <bdi>#Libya</bdi> في باليرمو.');
    expect(html).toContain('<footer>— أليستير بيرت (<bdi>@AlistairBurtUK</bdi>) 13 نوفمبر 2018</footer>');
    expect(html).toContain('<span lang="en" dir="ltr">pic.twitter.com/g5bbaN5LzK</span>');
    expect(html.match(/<bdi>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<bdi>\d/);
  });

  it('text and Markdown: FSI … PDI around Latin runs, LRI … PDI around the fallback', () => {
    for (const out of [renderText(input('ar')), renderMarkdown(input('ar'))]) {
      expect(show(out)).toContain('من أجل ⟦#Libya⟧ في باليرمو.');
      expect(show(out)).toContain('(⟦@AlistairBurtUK⟧) 13 نوفمبر 2018');
      expect(show(out)).toContain('المقبل. ⟪pic.twitter.com/g5bbaN5LzK⟧');
      expect(show(out)).toContain('عام 2011 التي');
    }
  });

  it('building from its own output changes nothing: isolation is idempotent across formats', () => {
    const ar = resources('ar');
    const again = withTexts('ar', ar);
    // Translations that already carry the isolates the edition would add.
    const isolated = withTexts('ar', Object.fromEntries(Object.entries(ar).map(([id, s]) => [id, editionSentence(s, { lang: 'ar', dir: 'rtl', fallback: false, format: 'txt' })])));
    expect(renderText(isolated)).toBe(renderText(again));
    expect(renderMarkdown(isolated)).toBe(renderMarkdown(again));
    expect(renderHtml(isolated)).toBe(renderHtml(again));
    expect(stripBidiControls(renderText(again))).toBe(renderText(withTexts('ar', {})).replace(/[\u2066-\u2069]/g, ''));
  });

  it('Latin and Arabic-Indic digits standing alone are not isolated', () => {
    const out = renderText(withTexts('ar', { [seg('Libya plunged')]: 'وغرقت ليبيا في الفوضى بعد انتفاضة عام ٢٠١١ في 14:30.' }));
    expect(out).toContain('بعد انتفاضة عام ٢٠١١ في 14:30.');
  });
});

describe('sentences joined without doubled or missing spaces', () => {
  it('trailing and leading spaces typed by a translator do not double the joiner', () => {
    const a = seg('“Haftar is committed');
    const b = seg('“His representatives');
    for (const lang of ['fr', 'ar', 'it'] as const) {
      const [one, two] = lang === 'ar' ? ['الأولى.', 'الثانية.'] : ['Première.', 'Seconde.'];
      const txt = renderText(withTexts(lang, { [a]: `${one} `, [b]: `  ${two}` }));
      expect(txt, lang).toContain(`\n${one} ${two}\n`);
      const html = renderHtml(withTexts(lang, { [a]: `${one}\u00a0`, [b]: two }));
      expect(html, lang).toContain(`<p>${one} ${two}</p>`);
      const md = renderMarkdown(withTexts(lang, { [a]: `${one} `, [b]: ` ${two}` }));
      expect(md, lang).toContain(`\n\n${one} ${two}\n\n`);
    }
  });

  it('every translated edition: no doubled spaces anywhere in a paragraph', () => {
    for (const lang of ['it', 'fr', 'ar'] as const) {
      for (const out of [renderText(input(lang)), renderMarkdown(input(lang))]) expect(out, lang).not.toMatch(/[^\S\n]{2}/u);
    }
  });
});

describe('HTML semantics', () => {
  const html = Object.fromEntries(LANGS.map((l) => [l, renderHtml(input(l))])) as Record<Lang, string>;

  it('a document with lang, dir, charset, title and description, and no external asset', () => {
    for (const lang of LANGS) {
      const h = html[lang];
      expect(h).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(h).toContain('<meta charset="utf-8">');
      expect(h).toMatch(/<title>[^<]+<\/title>/);
      expect(h).toMatch(/<meta name="description" content="[^"]+">/);
      expect(h).not.toMatch(/<link|<script|src=|url\(|@import/);
    }
  });

  it('an article with the headline as h1, the date, the paragraphs, and the embedded post as a blockquote with a footer', () => {
    for (const lang of LANGS) {
      const h = html[lang];
      expect(h.match(/<article>/g), lang).toHaveLength(1);
      expect(h, lang).toMatch(/<header>\n<h1>[^<]+<\/h1>\n<p class="meta"><time datetime="2018-11-13">[^<]+<\/time><\/p>\n<\/header>/);
      expect(h, lang).toMatch(/<blockquote>\n<p>[^\n]+<\/p>\n<footer>— [^\n]+<\/footer>\n<\/blockquote>/);
    }
  });

  it('the dateline is marked, its text unchanged', () => {
    expect(html.en).toContain('<p><span class="dateline">PALERMO:</span> Italy’s premier');
    expect(html.it).toContain('<p><span class="dateline">PALERMO:</span> Il presidente');
    expect(html.fr).toContain('<p><span class="dateline">PALERME\u00a0:</span> Le président');
    expect(html.ar).toContain('<p><span class="dateline">باليرمو:</span> استضاف');
    for (const lang of LANGS) expect(html[lang].match(/class="dateline"/g), lang).toHaveLength(1);
  });

  it('a first sentence that does not open with a dateline is not taken for one', () => {
    const src = 'PALERMO: Italy’s premier hosted.';
    expect(datelinePrefix('PALERME : Le président.', src)).toBe('PALERME :');
    expect(datelinePrefix('SAN FRANCISCO: text', src)).toBe('SAN FRANCISCO:');
    expect(datelinePrefix('باليرمو: استضاف', src)).toBe('باليرمو:');
    expect(datelinePrefix('Palerme : Le président.', src)).toBeUndefined();
    expect(datelinePrefix('وقال حفتر للصحافيين في باليرمو اليوم: «نعم».', src)).toBeUndefined();
    expect(datelinePrefix('PALERME : Le président.', 'Italy’s premier said: yes.')).toBeUndefined();
    expect(datelinePrefix('PALERME : Le président.', 'Palermo: Italy’s premier.', 'Palermo')).toBe('PALERME :');
  });

  it('the chrome comes from the i18n resources: the date in the locale format, "translated from"', () => {
    expect(html.en).toContain('<time datetime="2018-11-13">November 13, 2018</time>');
    expect(html.it).toContain('<time datetime="2018-11-13">13 novembre 2018</time>');
    expect(html.fr).toContain('<time datetime="2018-11-13">13 novembre 2018</time>');
    expect(html.ar).toContain('<time datetime="2018-11-13">13 نوفمبر 2018</time>');
    expect(html.en).not.toContain('<p class="translated-from">');
    expect(html.it).toContain('<p class="translated-from">Tradotto dall\'inglese</p>');
    expect(html.fr).toContain('<p class="translated-from">Traduit de l’anglais</p>');
    expect(html.ar).toContain('<p class="translated-from">مترجم عن الإنجليزية</p>');
  });

  it('consecutive list items make one list', () => {
    const doc = parseArticle('---\nslug: l\nlang: en\nheadline: H\ndate: 2018-11-13\n---\n\nIntro.\n\n- One.\n- Two.\n\nEnd.\n', 'l.md');
    const h = renderHtml({ doc, lang: 'fr', dir: 'ltr', text: (id) => ({ text: doc.segments.find((s) => s.id === id)!.source.replace('.', ' !'), fallback: false }), chrome: { date: 'd' } });
    expect(show(h)).toContain('<ul>\n<li>One·!</li>\n<li>Two·!</li>\n</ul>');
  });
});

describe('a Markdown edition stays Markdown', () => {
  it('link destinations are not touched by typography or isolation', () => {
    const id = seg('Later, UN Libyan envoy');
    for (const lang of ['fr', 'ar'] as const) {
      const md = renderMarkdown(withTexts(lang, { [id]: 'Voir [Reuters](https://reuters.com/a?b=1:2) : https://x.fr/?' }));
      expect(md, lang).toContain('(https://reuters.com/a?b=1:2)');
      const reparsed = parseArticle(md, `${lang}.md`);
      expect(reparsed.meta.lang).toBe(lang);
    }
  });
});

describe("the build's sentence look-ups resolve as i18next does", () => {
  it('translated, missing, empty and template-looking sentences: same text and same "exists" as i18next with the same options', () => {
    const ids = article.doc.segments.map((s) => s.id);
    const own: Record<string, string> = { [ids[0]!]: 'Traduit.', [ids[1]!]: '', [ids[2]!]: '{{x}} et $t(y)' }; // ids[3…]: missing
    const inst = i18next.createInstance();
    void inst.init({ lng: 'fr', fallbackLng: 'en', ns: [], keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false, skipOnVariables: true }, returnEmptyString: false, lowerCaseLng: true, initAsync: false, resources: {} });
    inst.addResourceBundle('en', 'a', Object.fromEntries(article.doc.segments.map((s) => [s.id, s.source])));
    inst.addResourceBundle('fr', 'a', own);
    const t = inst.getFixedT('fr', 'a');
    withArticleTexts(article, 'fr', { resources: own, units: {}, retired: {} }, (lookup, exists, dir) => {
      expect(dir).toBe('ltr');
      for (const id of ids.slice(0, 6)) {
        expect(lookup(id)).toBe(t(id, { skipInterpolation: true }));
        expect(exists(id)).toBe(inst.exists(id, { lng: 'fr', ns: 'a', fallbackLng: [] as string[] }));
      }
    });
    withArticleTexts(article, 'ar', undefined, (lookup, exists, dir) => {
      expect(dir).toBe('rtl');
      expect(lookup(ids[0]!)).toBe(article.doc.segments[0]!.source);
      expect(exists(ids[0]!)).toBe(false);
    });
  });
});
