/**
 * Editions: an article set in one language as HTML, Markdown and plain text. Pure: the
 * caller resolves each segment's text (translation or fallback) and the chrome strings.
 *
 * The source-language edition is the source, untouched (its Markdown is the article byte for
 * byte). A translated edition is *set*: each sentence gets the language's typography
 * (typography.ts), sentences are joined with the script's joiner, and in a right-to-left
 * edition Latin runs are isolated (bidi.ts) and fallback sentences are marked left-to-right.
 */
import { stringify } from 'yaml';
import { renderMarkdownBody } from './skeleton.js';
import { inlineHtml, inlineText } from './inline.js';
import { isolateAs, isolateLatin, isolateLatinHtml } from './bidi.js';
import { joinSentences, typeset, type JoinPart } from './typography.js';
import type { Block, BlockPart, Doc, Lang } from '../core/types.js';

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

const isSource = (input: EditionInput): boolean => input.lang === input.doc.meta.lang;

/**
 * One sentence as it stands in a translated edition's text or Markdown: the language's
 * typography, and in a right-to-left edition its Latin runs isolated (FSI … PDI), or the
 * whole sentence wrapped LRI … PDI when it is a fallback in the source language. Exported so
 * that a test (or a check) can find a translation in an edition.
 */
export function editionSentence(text: string, options: { lang: string; dir: 'ltr' | 'rtl'; fallback: boolean; format: 'md' | 'txt' }): string {
  return markPlain(options.fallback ? text : typeset(text, options.lang), options.fallback, options.dir, options.format);
}

/** Bidi marks for text without markup: a fallback wrapped LRI … PDI, Latin runs FSI … PDI (right-to-left editions only). */
function markPlain(text: string, fallback: boolean, dir: 'ltr' | 'rtl', format: 'md' | 'txt'): string {
  if (dir !== 'rtl') return text;
  return fallback ? isolateAs(text, 'ltr') : isolateLatin(text, { markdown: format === 'md' });
}

/** A sentence in a translated edition, typeset and trimmed, before any markup. */
interface SetSentence {
  text: string;
  fallback: boolean;
}

/**
 * What the three formats of one edition share, worked out once (each format, the title and the
 * description would otherwise typeset the same sentences again): by input, so it goes with it.
 */
interface Shared {
  sentences: Map<string, SetSentence>;
  blocks: Map<Block, { text: string; sentence?: SetSentence }[]>;
  texts: Map<Block, string>;
}
const shared = new WeakMap<EditionInput, Shared>();

function sharedOf(input: EditionInput): Shared {
  let s = shared.get(input);
  if (!s) shared.set(input, (s = { sentences: new Map(), blocks: new Map(), texts: new Map() }));
  return s;
}

function setSentence(input: EditionInput, id: string): SetSentence {
  const memo = sharedOf(input).sentences;
  let s = memo.get(id);
  if (s) return s;
  const r = input.text(id);
  s = { text: r.fallback ? r.text : typeset(r.text, input.lang), fallback: r.fallback && !isSource(input) };
  memo.set(id, s);
  return s;
}

/** A block's sentences and separators, typeset and joined: [text, sentence-or-undefined] per part. */
function setBlock(block: Block, input: EditionInput): { text: string; sentence?: SetSentence }[] {
  const memo = sharedOf(input).blocks;
  let parts = memo.get(block);
  if (!parts) memo.set(block, (parts = setBlockOnce(block, input)));
  return parts;
}

function setBlockOnce(block: Block, input: EditionInput): { text: string; sentence?: SetSentence }[] {
  const sentences = block.parts.map((p) => ('seg' in p ? setSentence(input, p.seg) : undefined));
  const joined = joinSentences(
    block.parts.map((p, i): JoinPart => ('seg' in p ? { sentence: sentences[i]!.text } : { separator: p.text })),
    input.lang,
  );
  return joined.map((text, i) => {
    const s = sentences[i];
    return s ? { text, sentence: { ...s, text } } : { text };
  });
}

/**
 * Plain text of a block (text edition, title, description, front matter): typography, joiner,
 * and bidi control characters, since there is no markup to carry them.
 */
function blockText(block: Block, input: EditionInput): string {
  const memo = sharedOf(input).texts;
  let text = memo.get(block);
  if (text === undefined) memo.set(block, (text = blockTextOnce(block, input)));
  return text;
}

function blockTextOnce(block: Block, input: EditionInput): string {
  // Plain text carries no markup: links keep their text, emphasis and code marks go.
  if (isSource(input)) return block.parts.map((p) => ('seg' in p ? inlineText(input.text(p.seg).text) : p.text)).join('');
  return setBlock(block, input)
    .map((p) => (p.sentence ? plainSentence({ ...p.sentence, text: inlineText(p.sentence.text) }, input, 'txt') : p.text))
    .join('');
}

function plainSentence(s: SetSentence, input: EditionInput, format: 'md' | 'txt'): string {
  return markPlain(s.text, s.fallback, input.dir, format);
}

function htmlSentence(s: SetSentence, input: EditionInput): string {
  // A fallback sentence is marked so screen readers switch voice and the bidi algorithm
  // keeps it left-to-right inside a right-to-left page (an element with dir is an isolate).
  // Markdown inline markup (links, emphasis, code) becomes elements; text runs are escaped and,
  // in a right-to-left edition, have their Latin runs isolated.
  if (s.fallback) return `<span lang="${input.doc.meta.lang}" dir="ltr">${inlineHtml(s.text, esc, esc)}</span>`;
  return input.dir === 'rtl' && !isSource(input) ? inlineHtml(s.text, (t) => isolateLatinHtml(t, esc), esc) : inlineHtml(s.text, esc, esc);
}

/**
 * The dateline that opens the first paragraph ("PALERMO:", "PALERME :", "باليرمو:"): one to four
 * all-capital words, or one to three Arabic ones, then a colon. Only when the source's first
 * sentence opens with a dateline too, so an ordinary "He said:" is never taken for one.
 */
const DATELINE = /^(?:\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ \u00A0]\p{Lu}[\p{Lu}\p{M}'’.-]*){0,3}|[\p{Script=Arabic}\p{M}]+(?:[ \u00A0][\p{Script=Arabic}\p{M}]+){0,2})[ \u00A0\u202F]*:/u;

export function datelinePrefix(text: string, sourceFirstSentence: string, dateline?: string): string | undefined {
  const sourceHasOne = DATELINE.test(sourceFirstSentence) || (dateline !== undefined && dateline !== '' && new RegExp(`^${dateline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'u').test(sourceFirstSentence));
  if (!sourceHasOne) return undefined;
  return DATELINE.exec(text)?.[0];
}

function blockHtml(block: Block, input: EditionInput, withDateline = false): string {
  let first = withDateline;
  if (isSource(input)) {
    return block.parts
      .map((p) => {
        if (!('seg' in p)) return esc(p.text);
        const text = input.text(p.seg).text;
        const prefix = first ? datelineFor(text, input) : undefined;
        first = false;
        return prefix ? `<span class="dateline">${esc(prefix)}</span>${inlineHtml(text.slice(prefix.length), esc, esc)}` : inlineHtml(text, esc, esc);
      })
      .join('');
  }
  return setBlock(block, input)
    .map((p) => {
      if (!p.sentence) return esc(p.text);
      const s = p.sentence;
      const prefix = first && !s.fallback ? datelineFor(s.text, input) : undefined;
      first = false;
      if (!prefix) return htmlSentence(s, input);
      return `<span class="dateline">${htmlSentence({ ...s, text: prefix }, input)}</span>${htmlSentence({ ...s, text: s.text.slice(prefix.length) }, input)}`;
    })
    .join('');
}

function datelineFor(text: string, input: EditionInput): string | undefined {
  const firstBody = input.doc.blocks.slice(1).find((b) => b.kind === 'paragraph');
  const seg = firstBody?.parts.find((p): p is { seg: string } => 'seg' in p);
  const source = seg ? input.doc.segments.find((s) => s.id === seg.seg)?.source : undefined;
  return source === undefined ? undefined : datelinePrefix(text, source, input.doc.meta.dateline);
}

const STYLE =
  '<style>body{margin:0;font:1.125rem/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff}' +
  'article{max-width:40rem;margin:2rem auto;padding:0 1rem}h1{font-size:2rem;line-height:1.2}' +
  '.meta{color:#555;font-size:.95rem}.dateline{font-weight:bold}blockquote{margin:1.5rem 0;padding:.5rem 1rem;border-inline-start:4px solid #ccc}' +
  'blockquote footer{color:#555}.translated-from{color:#555;font-size:.9rem;border-top:1px solid #ddd;padding-top:.5rem}</style>';

export function renderHtml(input: EditionInput): string {
  const { doc, lang, dir } = input;
  const body = doc.blocks.slice(1);
  const firstParagraph = body.find((b) => b.kind === 'paragraph');
  const headline = blockText(doc.blocks[0]!, input);
  const description = firstParagraph ? blockText(firstParagraph, input) : headline;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${lang}" dir="${dir}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(headline)}</title>`);
  out.push(`<meta name="description" content="${esc(description)}">`);
  out.push(STYLE);
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
    if (b.kind === 'list-item') {
      out.push('<ul>');
      while (i < body.length && body[i]!.kind === 'list-item' && body[i]!.quoteDepth === 0) out.push(`<li>${blockHtml(body[i++]!, input)}</li>`);
      out.push('</ul>');
      continue;
    }
    if (b.kind === 'heading') {
      const h = Math.min(6, (b.depth ?? 2) + 1);
      out.push(`<h${h}>${blockHtml(b, input)}</h${h}>`);
    } else out.push(`<p>${blockHtml(b, input, b === firstParagraph)}</p>`);
    i++;
  }
  if (input.chrome.translatedFrom) out.push(`<p class="translated-from">${esc(input.chrome.translatedFrom)}</p>`);
  out.push('</article>');
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

/** Pairs of segments that sit next to each other in one block: the text between them is a sentence joint. */
function joints(doc: Doc): Set<string> {
  const set = new Set<string>();
  for (const b of doc.blocks) {
    b.parts.forEach((p, i) => {
      const next = b.parts[i + 2];
      if ('seg' in p && next && 'seg' in next) set.add(`${p.seg} ${next.seg}`);
    });
  }
  return set;
}

/** The translated body: the skeleton with each sentence set, joints normalised, Markdown line breaks kept. */
function translatedMarkdownBody(input: EditionInput): string {
  const { doc } = input;
  const pairs = joints(doc);
  const skeleton: BlockPart[] = doc.skeleton;
  const sentences = skeleton.map((p) => ('seg' in p ? setSentence(input, p.seg) : undefined));
  const parts = skeleton.map((p, i): JoinPart => {
    if ('seg' in p) return { sentence: sentences[i]!.text };
    const prev = skeleton[i - 1];
    const next = skeleton[i + 1];
    const joint = prev !== undefined && next !== undefined && 'seg' in prev && 'seg' in next && pairs.has(`${prev.seg} ${next.seg}`);
    // Only a joint inside a paragraph is normalised (a soft line break or "> " kept); block
    // boundaries and everything around the text stay as the source wrote them.
    return joint ? { separator: p.text, keepLineBreak: true } : { separator: p.text, fixed: true };
  });
  return joinSentences(parts, input.lang)
    .map((text, i) => {
      const s = sentences[i];
      return s ? plainSentence({ ...s, text }, input, 'md') : text;
    })
    .join('');
}

export function renderMarkdown(input: EditionInput): string {
  const { doc, lang } = input;
  if (isSource(input)) return renderMarkdownBody(doc, () => undefined); // the source article, byte for byte
  const body = translatedMarkdownBody(input);
  const fm: Record<string, unknown> = {
    slug: doc.meta.slug,
    lang,
    headline: blockText(doc.blocks[0]!, input),
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
  const lines = [blockText(doc.blocks[0]!, input), ''];
  for (const b of doc.blocks.slice(1)) lines.push(blockText(b, input), '');
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
