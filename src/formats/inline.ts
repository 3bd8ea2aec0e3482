/**
 * Inline codes: what inside a sentence a translator must not change. A sentence is stored as
 * Markdown inline text ("Read the [report](https://x.org) by *Reuters*, @AlistairBurtUK.");
 * for XLIFF it becomes text runs and codes:
 *   - paired codes for emphasis, strong emphasis and links: the opening and closing markup
 *     (`*`, `**`, `[`, `](https://x.org)`), with the text between them translatable;
 *   - placeholders for inline code, HTML, images, hard breaks, and for text that must not
 *     change: URLs, e-mail addresses, @handles, #hashtags.
 * CAT tools show codes as tags; the text a code stands for travels with it (1.2 `ph`/`bpt`/`ept`
 * content, 2.x `originalData`) and comes back from OUR copy on import, never from the file.
 * Invariant: `decodeInline(encodeInline(s))` is `s`, byte for byte.
 *
 * Markdown is parsed by mdast-util-from-markdown; markup that a sentence boundary cut in two
 * (a `*` opened in one sentence and closed in the next) stays literal text, as Markdown reads it.
 */
import { msg } from '../core/errors.js';
import type { Message } from '../core/types.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, PhrasingContent } from 'mdast';

export type CodeKind = 'ph' | 'open' | 'close';

export interface InlineCode {
  /** Unique in the sentence: "1", "2"… in order of appearance; a pair shares its id. */
  id: string;
  kind: CodeKind;
  /** The exact text the code stands for. */
  data: string;
  /** What it is: link, bold, italic, code, html, image, break, url, email, handle, hashtag. */
  type: string;
}

export type InlinePart = string | InlineCode;

/** Text that must stay as it is: URLs, e-mail addresses, @handles, #hashtags. */
const PROTECTED =
  /(?:https?:\/\/|www\.)[^\s<>"“”«»]+[^\s<>"“”«».,;:!?)\]}’']|pic\.twitter\.com\/[A-Za-z0-9]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}_@#])[@#][\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;

/**
 * What every match of PROTECTED contains (a scheme, "www.", "pic.twitter.com/", "@" or "#"):
 * a plain search that lets most sentences skip the costly expression.
 */
const MAYBE_PROTECTED = /[@#]|https?:\/\/|www\.|pic\.twitter\.com\//;

function protectedType(s: string): string {
  if (s.startsWith('@')) return 'handle';
  if (s.startsWith('#')) return 'hashtag';
  return s.includes('@') && !s.includes('/') ? 'email' : 'url';
}

/**
 * Only text that can hold Markdown inline markup goes to the Markdown parser (most sentences
 * do not, and parsing is the costly part): emphasis marks, code, escapes, links and images
 * (`](`, `][`), autolinks and HTML (`<` + a letter, `/`, `!` or `?`), hard breaks.
 */
const MARKUP = /[*_`\\\n]|\]\(|\]\[|<[A-Za-z/!?]/;

/** Splits a sentence into text runs and codes. */
export function encodeInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let next = 1;
  const pushText = (s: string): void => {
    if (!s) return;
    if (!MAYBE_PROTECTED.test(s)) {
      parts.push(s);
      return;
    }
    let at = 0;
    for (const m of s.matchAll(PROTECTED)) {
      if (m.index! > at) parts.push(s.slice(at, m.index));
      parts.push({ id: String(next++), kind: 'ph', data: m[0], type: protectedType(m[0]) });
      at = m.index! + m[0].length;
    }
    if (at < s.length) parts.push(s.slice(at));
  };
  if (!MARKUP.test(text)) {
    pushText(text);
    return merge(parts);
  }
  const root = fromMarkdown(text);
  const para = root.children.length === 1 && root.children[0]!.type === 'paragraph' ? root.children[0] : undefined;
  if (!para) {
    pushText(text);
    return merge(parts);
  }
  const off = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] => [n.position!.start.offset!, n.position!.end.offset!];
  let cursor = off(para)[0];
  if (cursor > 0) pushText(text.slice(0, cursor));
  const walk = (nodes: PhrasingContent[], end: number): void => {
    for (const node of nodes) {
      const [s, e] = off(node);
      if (s > cursor) pushText(text.slice(cursor, s));
      cursor = s;
      const paired = node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'delete';
      if (paired && 'children' in node && node.children.length > 0) {
        const [cs] = off(node.children[0]!);
        const [, ce] = off(node.children.at(-1)!);
        const id = String(next++);
        const type = node.type === 'emphasis' ? 'italic' : node.type === 'strong' ? 'bold' : node.type === 'delete' ? 'strike' : 'link';
        parts.push({ id, kind: 'open', data: text.slice(s, cs), type });
        cursor = cs;
        walk(node.children as PhrasingContent[], ce);
        if (ce > cursor) pushText(text.slice(cursor, ce));
        parts.push({ id, kind: 'close', data: text.slice(ce, e), type });
        cursor = e;
      } else if (node.type === 'text') {
        pushText(text.slice(s, e));
        cursor = e;
      } else {
        const type = node.type === 'inlineCode' ? 'code' : node.type === 'image' ? 'image' : node.type === 'break' ? 'break' : node.type === 'html' ? 'html' : 'code';
        parts.push({ id: String(next++), kind: 'ph', data: text.slice(s, e), type });
        cursor = e;
      }
    }
    if (end > cursor) pushText(text.slice(cursor, end));
    cursor = Math.max(cursor, end);
  };
  walk(para.children, off(para)[1]);
  if (cursor < text.length) pushText(text.slice(cursor));
  return merge(parts);
}

/** Joins adjacent text runs and drops empty ones. */
export function merge<T extends InlinePart | TargetPart>(parts: readonly T[]): T[] {
  const out: T[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof out.at(-1) === 'string') (out as unknown[])[out.length - 1] = (out.at(-1) as string) + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

export function hasCodes(parts: readonly InlinePart[]): boolean {
  return parts.some((p) => typeof p !== 'string');
}

/** Back to Markdown text: each code's own data. */
export function decodeInline(parts: readonly InlinePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.data)).join('');
}

/** The codes of a sentence, by `id` and kind, to check a translator's target against. */
export function codeKey(c: { id: string; kind: CodeKind }): string {
  return `${c.kind}:${c.id}`;
}

/** Text as read from XLIFF: text runs and references to codes, with the code's text when the file gives it. */
export type TargetPart = string | { id: string; kind: CodeKind; data?: string };

/**
 * A comparable string for text with codes: each code as a private-use token, so two
 * sentences are equal when their text and their codes (kind and id) are.
 */
export function partsKey(parts: readonly (TargetPart | InlineCode)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `\uE000${p.kind}:${p.id}\uE001`)).join('');
}

/** Text of parts for display: a code as the text it stands for, or {1}, {/1}, {1/} when the file did not say. */
export function partsDisplay(parts: readonly TargetPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.data !== undefined ? p.data : p.kind === 'open' ? `{${p.id}}` : p.kind === 'close' ? `{/${p.id}}` : `{${p.id}/}`)).join('');
}

export interface CodeProblem {
  rule: 'codes-lost' | 'codes-duplicated' | 'codes-invented' | 'codes-order';
  message: Message;
}

/**
 * Rebuilds a translation's Markdown from the translator's text and OUR codes (so whatever the
 * tool did to a code's content, the original comes back). Every code of the source must be
 * there exactly once, a pair open before it closes and properly nested; nothing else.
 */
export function applyCodes(source: readonly InlinePart[], target: readonly TargetPart[]): { text: string } | { problem: CodeProblem } {
  const byKey = new Map<string, InlineCode>();
  for (const p of source) if (typeof p !== 'string') byKey.set(codeKey(p), p);
  const seen = new Set<string>();
  const open: string[] = [];
  let text = '';
  for (const p of target) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    const key = codeKey(p);
    const code = byKey.get(key);
    if (!code) return { problem: { rule: 'codes-invented', message: msg('merge.codesInvented', { kind: p.kind, id: p.id }) } };
    if (seen.has(key)) return { problem: { rule: 'codes-duplicated', message: msg('merge.codesDuplicated', { id: p.id, data: code.data }) } };
    seen.add(key);
    if (p.kind === 'open') open.push(p.id);
    if (p.kind === 'close' && open.pop() !== p.id) return { problem: { rule: 'codes-order', message: msg('merge.codesOrder', { data: code.data }) } };
    text += code.data;
  }
  const lost = [...byKey.entries()].filter(([k]) => !seen.has(k)).map(([, c]) => c.data);
  if (lost.length > 0) return { problem: { rule: 'codes-lost', message: msg('merge.codesLost', { count: lost.length, codes: lost.map((d) => `"${d}"`) }) } };
  return { text };
}

/**
 * A stored translation as parts whose codes carry the SOURCE's ids (for export): each code of
 * the translation is matched to an unused source code of the same kind and text (a pair by its
 * opening markup). A code with no counterpart in the source stays text.
 */
export function alignTarget(source: readonly InlinePart[], target: string): InlinePart[] {
  const free = source.filter((p): p is InlineCode => typeof p !== 'string' && p.kind !== 'close');
  const closeOf = new Map<string, InlineCode>();
  for (const p of source) if (typeof p !== 'string' && p.kind === 'close') closeOf.set(p.id, p);
  const pairId = new Map<string, string>(); // target pair id → source pair id
  const out: InlinePart[] = [];
  for (const p of encodeInline(target)) {
    if (typeof p === 'string') {
      out.push(p);
      continue;
    }
    if (p.kind === 'close') {
      const sid = pairId.get(p.id);
      const close = sid !== undefined ? closeOf.get(sid) : undefined;
      out.push(close && close.data === p.data ? close : p.data);
      continue;
    }
    const i = free.findIndex((c) => c.kind === p.kind && c.data === p.data);
    if (i < 0) {
      out.push(p.data);
      continue;
    }
    const match = free.splice(i, 1)[0]!;
    if (p.kind === 'open') pairId.set(p.id, match.id);
    out.push(match);
  }
  // A pair whose other half found no counterpart (the translation changed a link's address)
  // is text on both sides, so the markup stays balanced.
  const opened = new Set<string>();
  const closed = new Set<string>();
  for (const p of out) {
    if (typeof p === 'string') continue;
    if (p.kind === 'open') opened.add(p.id);
    else if (p.kind === 'close') closed.add(p.id);
  }
  return merge(out.map((p) => (typeof p !== 'string' && p.kind !== 'ph' && opened.has(p.id) !== closed.has(p.id) ? p.data : p)));
}

/** Plain text of a sentence: markup gone, protected text kept (for text editions). */
export function inlineText(text: string): string {
  if (!MARKUP.test(text)) return text;
  return encodeInline(text)
    .map((p) => (typeof p === 'string' ? p : p.kind === 'ph' ? (p.type === 'code' ? p.data.replace(/^`+\s?|\s?`+$/g, '') : p.type === 'break' ? ' ' : p.type === 'image' || p.type === 'html' ? '' : p.data) : ''))
    .join('');
}

/**
 * HTML of a sentence: markup as elements, text runs through `text` (escaping, isolation…).
 * Links keep their destination; code is escaped; raw HTML is escaped too (editions carry no
 * markup the article did not declare as Markdown).
 */
export function inlineHtml(text: string, render: (s: string) => string, esc: (s: string) => string): string {
  if (!MARKUP.test(text)) return render(text);
  const root = fromMarkdown(text);
  const para = root.children[0];
  if (root.children.length !== 1 || para?.type !== 'paragraph') return render(text);
  const out = (nodes: readonly Nodes[]): string =>
    nodes
      .map((n) => {
        switch (n.type) {
          case 'text':
            return render(n.value);
          case 'emphasis':
            return `<em>${out(n.children)}</em>`;
          case 'strong':
            return `<strong>${out(n.children)}</strong>`;
          case 'delete':
            return `<del>${out(n.children)}</del>`;
          case 'link':
            return `<a href="${esc(n.url)}"${n.title ? ` title="${esc(n.title)}"` : ''}>${out(n.children)}</a>`;
          case 'inlineCode':
            return `<code>${esc(n.value)}</code>`;
          case 'break':
            return '<br>';
          case 'image':
            return `<img src="${esc(n.url)}" alt="${esc(n.alt ?? '')}">`;
          default:
            return 'value' in n && typeof n.value === 'string' ? esc(n.value) : '';
        }
      })
      .join('');
  // Markdown drops a paragraph's leading and trailing spaces; a sentence's are kept.
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  return render(lead) + out(para.children) + render(trail);
}
