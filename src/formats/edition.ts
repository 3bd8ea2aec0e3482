/**
 * Editions: an article set in one language as HTML, Markdown and plain text. Pure: the
 * caller resolves each segment's text (translation or fallback) and the chrome strings.
 */
import { stringify } from 'yaml';
import { renderMarkdownBody } from './article.js';
import type { Block, Doc, Lang } from '../core/types.js';

export interface ResolvedText {
  text: string;
  /** True when the translation is missing and the source sentence stands in. */
  fallback: boolean;
}

export interface EditionInput {
  doc: Doc;
  lang: Lang;
  dir: 'ltr' | 'rtl';
  text: (id: string) => ResolvedText;
  /** Chrome, already in the edition's language. */
  chrome: { translatedFrom?: string; date: string };
}

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

function blockText(block: Block, text: (id: string) => ResolvedText): string {
  return block.parts.map((p) => ('seg' in p ? text(p.seg).text : p.text)).join('');
}

function blockHtml(block: Block, input: EditionInput): string {
  return block.parts
    .map((p) => {
      if (!('seg' in p)) return esc(p.text);
      const r = input.text(p.seg);
      // A fallback sentence is marked so screen readers switch voice and the bidi algorithm
      // keeps it left-to-right inside a right-to-left page.
      return r.fallback && input.lang !== input.doc.meta.lang ? `<span lang="${input.doc.meta.lang}" dir="ltr">${esc(r.text)}</span>` : esc(r.text);
    })
    .join('');
}

export function renderHtml(input: EditionInput): string {
  const { doc, lang, dir } = input;
  const headline = input.text(doc.segments[0]!.id).text;
  const body = doc.blocks.slice(1);
  const first = body.find((b) => b.kind === 'paragraph');
  const description = first ? blockText(first, input.text) : headline;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${lang}" dir="${dir}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(headline)}</title>`);
  out.push(`<meta name="description" content="${esc(description)}">`);
  out.push(
    '<style>body{margin:0;font:1.125rem/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff}' +
      'article{max-width:40rem;margin:2rem auto;padding:0 1rem}h1{font-size:2rem;line-height:1.2}' +
      '.meta{color:#555;font-size:.95rem}blockquote{margin:1.5rem 0;padding:.5rem 1rem;border-inline-start:4px solid #ccc}' +
      'blockquote footer{color:#555}.translated-from{color:#555;font-size:.9rem;border-top:1px solid #ddd;padding-top:.5rem}</style>',
  );
  out.push('</head>');
  out.push('<body>');
  out.push('<article>');
  out.push('<header>');
  out.push(`<h1>${blockHtml(doc.blocks[0]!, input)}</h1>`);
  // The dateline opens the first paragraph, in the edition's language; the header gives the date.
  out.push(`<p class="meta"><time datetime="${esc(doc.meta.date)}">${esc(input.chrome.date)}</time></p>`);
  out.push('</header>');
  let i = 0;
  while (i < body.length) {
    const b = body[i]!;
    if (b.quoteDepth > 0) {
      out.push('<blockquote>');
      while (i < body.length && body[i]!.quoteDepth > 0) {
        const q = body[i]!;
        out.push(q.kind === 'attribution' ? `<footer>${blockHtml(q, input)}</footer>` : `<p>${blockHtml(q, input)}</p>`);
        i++;
      }
      out.push('</blockquote>');
      continue;
    }
    if (b.kind === 'heading') out.push(`<h${Math.min(6, (b.depth ?? 2) + 1)}>${blockHtml(b, input)}</h${Math.min(6, (b.depth ?? 2) + 1)}>`);
    else if (b.kind === 'list-item') out.push(`<ul><li>${blockHtml(b, input)}</li></ul>`);
    else out.push(`<p>${blockHtml(b, input)}</p>`);
    i++;
  }
  if (input.chrome.translatedFrom) out.push(`<p class="translated-from">${esc(input.chrome.translatedFrom)}</p>`);
  out.push('</article>');
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

export function renderMarkdown(input: EditionInput): string {
  const { doc, lang } = input;
  const body = renderMarkdownBody(doc, (id) => (lang === doc.meta.lang ? undefined : input.text(id).text));
  if (lang === doc.meta.lang) return body; // the source article, byte for byte
  const fm: Record<string, unknown> = {
    slug: doc.meta.slug,
    lang,
    headline: input.text(doc.segments[0]!.id).text,
  };
  if (doc.meta.dateline !== undefined) fm.dateline = doc.meta.dateline;
  fm.date = doc.meta.date;
  fm.translatedFrom = doc.meta.lang;
  const front = `---\n${stringify(fm, { lineWidth: 0 })}---\n`;
  // The skeleton starts with the source's front matter: replace it.
  const end = body.indexOf('\n---', 3);
  const rest = body.startsWith('---') && end >= 0 ? body.slice(body.indexOf('\n', end + 1) + 1) : body;
  return front + rest;
}

export function renderText(input: EditionInput): string {
  const { doc } = input;
  const lines = [input.text(doc.segments[0]!.id).text, ''];
  for (const b of doc.blocks.slice(1)) lines.push(blockText(b, input.text), '');
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
