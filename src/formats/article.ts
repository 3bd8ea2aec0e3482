/**
 * Markdown article ⇄ Doc. A pure codec: `parseArticle(content)` cuts a source article into
 * blocks and sentences and keeps a skeleton (the body with each sentence cut out), so that
 * `renderMarkdownBody(doc, texts)` sets any language's sentences back into the same structure;
 * with the English sentences it rebuilds the body byte for byte.
 *
 * Markdown is parsed by mdast-util-from-markdown (micromark, CommonMark-compliant), a long body a
 * piece at a time (`bodyLeaves`); the front matter is YAML, parsed by `yaml`.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parent, Root } from 'mdast';
import { parseDocument } from 'yaml';
import { idAssigner } from '../core/ids.js';
import { inputError, msg } from '../core/errors.js';
import { isLang, type ArticleMeta, type Block, type BlockKind, type BlockPart, type Doc, type Segment } from '../core/types.js';
import { splitSentences, type SegmentLang } from '../segment/index.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REQUIRED = ['slug', 'lang', 'headline', 'date'] as const;

/** Text a translator need not touch: bare links, handles, hashtags, nothing else. */
const NO_TRANSLATE = /^(?:(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+|[@#][\p{L}\p{N}_]+)(?:\s+(?:(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+|[@#][\p{L}\p{N}_]+))*$/u;

export function needsTranslation(sentence: string): boolean {
  return !NO_TRANSLATE.test(sentence.trim());
}

export interface Leaf {
  kind: BlockKind;
  depth?: number;
  quoteDepth: number;
  start: number;
  end: number;
}

/** Parses the front matter; errors name the file and line. */
export function parseFrontMatter(content: string, file = '<article>'): { meta: ArticleMeta; bodyStart: number } {
  const m = /^---\r?\n([^]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(content);
  if (!m) {
    throw inputError(
      msg('errors.article.noFrontMatter'),
      { file, line: 1, column: 1 },
      msg('errors.article.noFrontMatterHint'),
      'article-front-matter',
    );
  }
  const yamlDoc = parseDocument(m[1] ?? '', { prettyErrors: true });
  if (yamlDoc.errors.length > 0) {
    const e = yamlDoc.errors[0]!;
    // +1: the YAML starts on the line after the opening "---".
    const line = (e.linePos?.[0]?.line ?? 1) + 1;
    throw inputError(msg('errors.article.badYaml', { detail: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }), { file, line, column: e.linePos?.[0]?.col ?? 1 }, msg('errors.article.badYamlHint'), 'article-front-matter');
  }
  const data = yamlDoc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw inputError(msg('errors.article.notMapping'), { file, line: 2 }, undefined, 'article-front-matter');
  }
  const missing = REQUIRED.filter((k) => data[k] === undefined || data[k] === null || data[k] === '');
  if (missing.length > 0) {
    throw inputError(msg('errors.article.lacks', { keys: missing }), { file, line: 1 }, msg('errors.article.lacksHint', { lines: missing.map((k) => `"${k}: …"`) }), 'article-front-matter');
  }
  const slug = String(data.slug);
  if (!SLUG_PATTERN.test(slug)) {
    throw inputError(msg('errors.article.badSlug', { slug }), { file, line: 2 }, msg('errors.article.badSlugHint'), 'article-front-matter');
  }
  const lang = String(data.lang);
  if (!isLang(lang)) {
    throw inputError(msg('errors.article.badLang', { lang }), { file, line: 2 }, msg('errors.supported', { list: ['en', 'it', 'fr', 'ar'] }), 'article-front-matter');
  }
  let date = data.date;
  if (date instanceof Date) date = date.toISOString().slice(0, 10);
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    throw inputError(msg('errors.article.badDate', { date: String(date) }), { file, line: 2 }, msg('errors.article.badDateHint'), 'article-front-matter');
  }
  const meta: ArticleMeta = { ...data, slug, lang, headline: String(data.headline).trim(), date };
  if (data.dateline !== undefined) meta.dateline = String(data.dateline);
  return { meta, bodyStart: m[0].length };
}

/** YYYY-MM-DD naming a day that exists (2018-02-30 does not). */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Leaf text blocks of the Markdown tree, in order, with their offsets in `body`. */
function leaves(root: Root): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: Nodes, quoteDepth: number, inList: boolean): void => {
    switch (node.type) {
      case 'paragraph': {
        const p = node.position;
        if (!p || p.start.offset === undefined || p.end.offset === undefined) return;
        let kind: BlockKind = inList ? 'list-item' : quoteDepth > 0 ? 'quote' : 'paragraph';
        const first = node.children[0];
        if (quoteDepth > 0 && first?.type === 'text' && /^[—―]\s|^--\s/.test(first.value)) kind = 'attribution';
        out.push({ kind, quoteDepth, start: p.start.offset, end: p.end.offset });
        return;
      }
      case 'heading': {
        const p = node.position;
        if (!p || p.start.offset === undefined || p.end.offset === undefined) return;
        const c0 = node.children[0]?.position?.start.offset;
        const cN = node.children.at(-1)?.position?.end.offset;
        if (c0 === undefined || cN === undefined) return;
        out.push({ kind: 'heading', depth: node.depth, quoteDepth, start: c0, end: cN });
        return;
      }
      case 'blockquote':
        for (const c of node.children) walk(c, quoteDepth + 1, inList);
        return;
      case 'list':
      case 'listItem':
        for (const c of (node as Parent).children) walk(c as Nodes, quoteDepth, true);
        return;
      default:
        return; // code, html, thematic breaks, front matter: kept verbatim in the skeleton
    }
  };
  for (const c of root.children) walk(c, 0, false);
  return out;
}

/**
 * Characters of Markdown given to micromark at a time (see `bodyLeaves`). micromark keeps every
 * event of its input until the tree is built: parsing the body of an 8.3 MB article (100,001
 * sentences) whole took the heap to 252 MB and the process to 333 MB RSS. In pieces of 4K, 16K
 * and 64K characters the leaves of the same body cost 147, 138 and 142 MB RSS, 256K 223 MB;
 * 64K was as fast as one parse (3.7 s against 3.5 s, on a loaded 2-core machine) and makes
 * only one piece of a typical article.
 */
export const PIECE = 1 << 16;

/**
 * A blank line followed by a line that starts in column 1 with something other than white space:
 * no block crosses it but a fenced code or an HTML block of kinds 1–5 (`<pre`, `<!--`…) that is
 * still open — a paragraph, a setext heading, an HTML block of kinds 6–7 end at the blank line,
 * and blockquotes, list items and indented code end at an unindented line after it. The pieces
 * are cut just before that line. (Lines ended by a lone CR are not looked for: such a body is
 * parsed whole, as before.)
 */
const BOUNDARY = /\n[ \t]*\r?\n(?=[^ \t\r\n])/g;

/**
 * `leaves` of the body (`content` from `bodyStart`), with their offsets in `content`, got by
 * parsing it a piece of about `piece` characters at a time, so that only one piece's events and
 * tree are alive at once. A piece parses exactly as it does within the body (see BOUNDARY),
 * except when its last top-level node is a fenced code or HTML block that the end of the piece
 * may have cut short: then the next piece starts again at the line where that node starts
 * (where every earlier block is closed), twice as long when the node is all the piece holds.
 * Link reference definitions reach across the body, but only inline nodes depend on them (a
 * `[label]` is a link or text, starting and ending at the same offsets), and of those only a
 * heading's first and last offsets and a blockquote paragraph's first text node are looked
 * at — and that one starts with `[` either way. tests/formats/article-pieces.test.ts holds
 * pieces of every size to one parse of the whole body.
 */
export function bodyLeaves(content: string, bodyStart: number, piece = PIECE): Leaf[] {
  const out: Leaf[] = [];
  let start = bodyStart;
  let want = piece;
  while (start < content.length) {
    let end = content.length;
    if (content.length - start > want) {
      BOUNDARY.lastIndex = start + want;
      const m = BOUNDARY.exec(content);
      if (m) end = m.index + m[0].length;
    }
    const root = fromMarkdown(content.slice(start, end));
    let children = root.children;
    let next = end;
    const last = children.at(-1);
    if (end < content.length && last && (last.type === 'code' || last.type === 'html')) {
      const at = last.position?.start.offset;
      if (at === undefined || children.length === 1) {
        want *= 2;
        continue;
      }
      // The start of its line: after the line ending before it (LF, CR or CRLF).
      const local = content.slice(start, start + at);
      next = start + Math.max(local.lastIndexOf('\n'), local.lastIndexOf('\r')) + 1;
      children = children.slice(0, -1);
    }
    for (const l of leaves({ type: 'root', children })) out.push({ ...l, start: l.start + start, end: l.end + start });
    start = next;
    want = piece;
  }
  return out;
}

/** Line breaks inside a block (and the `> ` markers after them) read as one space. */
function flatten(raw: string): string {
  return raw.replace(/[ \t]*\r?\n[ \t]*(?:>[ \t]?)*[ \t]*/g, ' ');
}

/**
 * The block's text as the segmenter must see it: container markers (`> ` at the start of
 * continuation lines) blanked to spaces of the same length, so offsets still index `raw`.
 */
function maskContainers(raw: string): string {
  return raw.replace(/\n[ \t]*(?:>[ \t]?)+/g, (m) => '\n' + ' '.repeat(m.length - 1));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Parses a Markdown article into a Doc. `file` only labels errors; `piece` is how much of the
 * body micromark sees at a time (see `bodyLeaves`; Infinity parses it whole).
 */
export function parseArticle(content: string, file = '<article>', options: { piece?: number } = {}): Doc {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const bad = CONTROL.exec(content);
  if (bad) {
    const before = content.slice(0, bad.index);
    throw inputError(
      msg('errors.article.control', { code: `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }),
      { file, line: before.split('\n').length, column: bad.index - before.lastIndexOf('\n') },
      msg('errors.article.controlHint'),
      'article-encoding',
    );
  }
  const { meta, bodyStart } = parseFrontMatter(content, file);
  const lang = meta.lang as SegmentLang;
  // The document is built as it will be kept — ids given as sentences come, the skeleton's
  // runs of text joined as they come — with no lists of sentences, places and parts beside
  // it to be put together at the end (for 100,001 sentences: five arrays and some 300,000
  // small objects, all alive until the end, so all moved to the old generation as garbage).
  const idOf = idAssigner();
  const blocks: Block[] = [];
  const segments: Segment[] = [];
  const skeleton: BlockPart[] = [];
  // Text of the skeleton since its last segment (empty texts are left out, runs joined).
  let text = content.slice(0, bodyStart);
  const cut = (ref: BlockPart): void => {
    if (text !== '') skeleton.push({ text });
    text = '';
    skeleton.push(ref);
  };

  // The headline is block 0, from the front matter; it is never split.
  const headline = idOf(meta.headline);
  blocks.push({ kind: 'headline', quoteDepth: 0, parts: [{ seg: headline }] });
  segments.push({ id: headline, source: meta.headline, block: 0, index: 0, translate: true });

  // The body alone goes to micromark (the front matter is already parsed).
  let cursor = bodyStart;
  for (const leaf of bodyLeaves(content, bodyStart, options.piece)) {
    const raw = content.slice(leaf.start, leaf.end);
    const blockIndex = blocks.length;
    const block: Block = { kind: leaf.kind, quoteDepth: leaf.quoteDepth, parts: [] };
    if (leaf.depth !== undefined) block.depth = leaf.depth;
    const spans = splitSentences(leaf.quoteDepth > 0 ? maskContainers(raw) : raw, lang);
    if (spans.length === 0) continue;
    text += content.slice(cursor, leaf.start);
    let local = 0;
    spans.forEach((span, index) => {
      const between = raw.slice(local, span.start);
      if (index > 0) block.parts.push({ text: flatten(between) });
      text += between;
      const sentenceRaw = raw.slice(span.start, span.end);
      const sentence = flatten(sentenceRaw);
      const id = idOf(sentence);
      const ref = sentence === sentenceRaw ? { seg: id } : { seg: id, raw: sentenceRaw };
      block.parts.push(ref);
      cut(ref);
      segments.push({ id, source: sentence, block: blockIndex, index, translate: needsTranslation(sentence) });
      local = span.end;
    });
    text += raw.slice(local);
    cursor = leaf.end;
    blocks.push(block);
  }
  text += content.slice(cursor);
  if (text !== '') skeleton.push({ text });
  return { meta, blocks, segments, skeleton };
}

export { renderMarkdownBody } from './skeleton.js';
