import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';
import { renderHtml, renderMarkdown, renderText, type EditionInput } from '../../src/formats/edition.js';

const ARTICLE = readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8');
const doc = parseArticle(ARTICLE, 'source/palermo-conference.md');

/** Odd-numbered segments "translated" (marked), even ones fall back to English. */
function input(lang: Lang, translations: Record<string, string> = {}): EditionInput {
  const src = new Map(doc.segments.map((s) => [s.id, s.source]));
  return {
    doc,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    text: (id) => (translations[id] !== undefined ? { text: translations[id]!, fallback: false } : { text: src.get(id)!, fallback: lang !== 'en' }),
    chrome: { date: '13 novembre 2018', ...(lang === 'en' ? {} : { translatedFrom: 'Tradotto dall’inglese' }) },
  };
}

describe('renderMarkdown', () => {
  it('the English edition is the source article byte for byte', () => {
    expect(renderMarkdown(input('en'))).toBe(ARTICLE);
  });

  it('a translated edition has its own front matter and the translated sentences in the same structure', () => {
    const [h, p1] = doc.segments;
    const md = renderMarkdown(input('it', { [h!.id]: 'L’Italia riunisce: i leader "rivali"', [p1!.id]: 'PALERMO: il premier.' }));
    expect(md.startsWith('---\nslug: palermo-conference\nlang: it\n')).toBe(true);
    const fm = md.slice(0, md.indexOf('\n---\n') + 5);
    expect(fm).toContain('translatedFrom: en');
    expect(fm).toContain('date: 2018-11-13');
    // The headline went through YAML quoting and reads back as written.
    const parsed = parseArticle(md.replace(/^---\n/, '---\n'), 'it.md');
    expect(parsed.meta.headline).toBe('L’Italia riunisce: i leader "rivali"');
    expect(parsed.meta.lang).toBe('it');
    expect(md).toContain('\n\nPALERMO: il premier.\n\n');
    // The source front matter is gone.
    expect(md.match(/^---$/gm)).toHaveLength(2);
    expect(md).toContain('\n> Welcome today’s conference');
  });
});

describe('renderHtml', () => {
  it('sets lang and dir, escapes text, and marks English fallbacks in a translated edition', () => {
    const [h, p1] = doc.segments;
    const html = renderHtml(input('ar', { [h!.id]: 'إيطاليا تجمع <قادة> ليبيا & "المتنافسين"', [p1!.id]: 'باليرمو: رئيس الوزراء.' }));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n')).toBe(true);
    expect(html).toContain('<title>إيطاليا تجمع &lt;قادة&gt; ليبيا &amp; &quot;المتنافسين&quot;</title>');
    expect(html).toContain('<meta name="description" content="باليرمو: رئيس الوزراء.">');
    // A sentence without translation is the English one, marked lang="en" dir="ltr".
    const later = doc.segments.find((s) => s.source.startsWith('Later, UN Libyan envoy'))!;
    expect(html).toContain(`<span lang="en" dir="ltr">${later.source}</span>`);
    expect(html).not.toContain('<span lang="en" dir="ltr">باليرمو');
    expect(html).toContain('<p class="translated-from">Tradotto dall’inglese</p>');
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('the English edition has no fallback marks, one blockquote with a footer for the attribution', () => {
    const html = renderHtml(input('en'));
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).not.toContain('<span lang=');
    expect(html).not.toContain('<p class="translated-from">');
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
    expect(html).toMatch(/<footer>— Alistair Burt \(@AlistairBurtUK\) November 13, 2018<\/footer>\n<\/blockquote>/);
    expect(html).toContain('<time datetime="2018-11-13">13 novembre 2018</time>');
    // Every body paragraph of the source is a <p>.
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').length;
    expect(html.match(/^<p>/gm)!.length).toBe(paragraphs + doc.blocks.filter((b) => b.kind === 'quote').length);
  });
});

describe('renderText', () => {
  it('is the headline and each block as a line, separated by blank lines, with a final newline', () => {
    const text = renderText(input('en'));
    const lines = text.split('\n\n');
    expect(lines[0]).toBe(doc.meta.headline);
    expect(lines).toHaveLength(doc.blocks.length);
    expect(text.endsWith('.\n')).toBe(true);
    expect(text).not.toContain('>');
    expect(text).toContain('\n\n— Alistair Burt (@AlistairBurtUK) November 13, 2018\n\n');
  });
});
