/**
 * The validator's view of an XML document: a small element tree built with saxes (strict,
 * namespace-aware, never expands or fetches entities), each element carrying the line and
 * column of its `<`. Rules walk this tree; nothing here knows about XLIFF.
 *
 * Why a tree and not events: most XLIFF rules look sideways or backwards (an `<ec>` must
 * follow its `<sc>`, a `dataRef` must name a `<data>` declared earlier or later in the unit).
 * `tessera validate` holds a file's tree whole; import's validator (validate-window.ts) keeps
 * a few units of it at a time.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { msg, type Message } from '../../i18n/index.js';

export const NS_XML = 'http://www.w3.org/XML/1998/namespace';
const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttr {
  uri: string;
  local: string;
  name: string;
  value: string;
}

export interface XmlElement {
  uri: string;
  local: string;
  /** The qualified name as written, for messages. */
  name: string;
  /** Attributes as written, namespace declarations left out. */
  attrs: XmlAttr[];
  children: XmlElement[];
  parent: XmlElement | undefined;
  /** The first run of non-whitespace character data directly inside, if any. */
  text: string | undefined;
  /** Child nodes of any kind (elements, text even blank, CDATA, comments, PIs). */
  nodes: number;
  line: number;
  column: number;
}

export type ParseResult =
  | { ok: true; root: XmlElement }
  | { ok: false; message: Message; hint: Message; line: number; column: number };

/** Thrown from a handler to stop saxes at the first XML error; caught by whoever writes. */
export class Stop extends Error {}

type Failure = Extract<ParseResult, { ok: false }>;

/**
 * Builds the element tree from saxes events, chunk by chunk (`feed` each chunk of text before
 * writing it to the parser: positions are computed from it). `hooks.open` sees every element
 * as it starts (attributes set, no children yet), `hooks.close` as it ends, its subtree
 * complete: the windowed validator (validate-window.ts) checks and drops units there, so a
 * large file is never held whole.
 */
export class TreeBuilder {
  root: XmlElement | undefined;
  failure: Failure | undefined;
  private readonly stack: XmlElement[] = [];
  private start = { line: 1, column: 1 };
  private readonly position = new Cursor();

  constructor(
    private readonly parser: SaxesParser<{ xmlns: true; position: true }>,
    private readonly hooks: { open?: (el: XmlElement) => void; close?: (el: XmlElement) => void } = {},
  ) {}

  feed(chunk: string): void {
    this.position.feed(chunk);
  }

  private fail(message: Message, hint: Message): never {
    this.failure = { ok: false, message, hint, line: this.parser.line, column: this.parser.column + 1 };
    throw new Stop();
  }

  /** The parser's handlers; Fanout (read.ts) shares one parser between builder and reader. */
  readonly handlers = {
    doctype: (): void =>
      this.fail(msg('validate.xml.doctype'), msg('validate.xml.doctypeHint')),
    error: (err: Error): void => this.fail(msg('errors.xml.notWellFormed', { detail: err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '') }), msg('validate.xml.notWellFormedHint')),
    opentagstart: (tag: { name: string }): void => {
      // saxes has consumed `<`, the name and one character after it.
      this.start = this.position.at(this.parser.position - tag.name.length - 2);
    },
    opentag: (tag: SaxesTagNS): void => {
      const stack = this.stack;
      const parent = stack[stack.length - 1];
      const attrs: XmlAttr[] = [];
      for (const k in tag.attributes) {
        const a = tag.attributes[k]!;
        if (a.uri !== NS_XMLNS && a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs.push({ uri: a.uri, local: a.local, name: a.name, value: a.value });
      }
      const el: XmlElement = { uri: tag.uri, local: tag.local, name: tag.name, attrs, children: [], parent, text: undefined, nodes: 0, line: this.start.line, column: this.start.column };
      if (parent) {
        parent.nodes++;
        parent.children.push(el);
      } else this.root = el;
      stack.push(el);
      this.hooks.open?.(el);
    },
    closetag: (): void => {
      const el = this.stack.pop();
      if (el) this.hooks.close?.(el);
    },
    text: (text: string): void => this.onText(text),
    cdata: (text: string): void => this.onText(text),
    comment: (): void => this.countNode(),
    processinginstruction: (): void => this.countNode(),
  };

  private countNode(): void {
    const el = this.stack[this.stack.length - 1];
    if (el) el.nodes++;
  }

  private onText(text: string): void {
    const el = this.stack[this.stack.length - 1];
    if (!el) return;
    el.nodes++;
    if (el.text === undefined && text.trim() !== '') el.text = text.trim();
  }

  /** The tree, or what stopped it. */
  result(): ParseResult {
    if (this.failure) return this.failure;
    if (!this.root) return { ok: false, message: msg('validate.xml.empty'), hint: msg('validate.xml.emptyHint'), line: 1, column: 1 };
    return { ok: true, root: this.root };
  }
}

/**
 * saxes adds a property per handler when `on` is first called; past six of them V8 turns the
 * parser into a dictionary object and every character saxes reads gets three to four times
 * slower (a 74 MB file: 9 s instead of 2.5 s). Declared as fields, they are part of the
 * object's shape from the start and it stays fast (tests/xliff/parser-shape.test.ts).
 */
type XmlParser = SaxesParser<{ xmlns: true; position: true }>;
// saxes types these properties as private: the base is seen here as a plain constructor.
const Base = SaxesParser as unknown as new (options: { xmlns: true; position: true }) => object;
class Parser extends Base {
  textHandler = undefined;
  cdataHandler = undefined;
  openTagStartHandler = undefined;
  openTagHandler = undefined;
  closeTagHandler = undefined;
  commentHandler = undefined;
  piHandler = undefined;
  doctypeHandler = undefined;
  errorHandler = undefined;
}

export function xmlParser(): XmlParser {
  return new Parser({ xmlns: true, position: true }) as unknown as XmlParser;
}

/** Attaches handler sets to one parser: every event goes to each set, in order. */
export function listen(parser: SaxesParser<{ xmlns: true; position: true }>, ...sets: Partial<Record<string, (arg: never) => void>>[]): void {
  const names = new Set(sets.flatMap((s) => Object.keys(s)));
  for (const name of names) {
    const fns = sets.map((s) => s[name]).filter((f): f is (arg: never) => void => f !== undefined);
    const one = fns.length === 1 ? fns[0]! : (arg: never): void => fns.forEach((f) => f(arg));
    parser.on(name as 'text', one as (t: string) => void);
  }
}

export function parseXml(content: string): ParseResult {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const parser = xmlParser();
  const builder = new TreeBuilder(parser);
  listen(parser, builder.handlers);
  builder.feed(content);
  try {
    parser.write(content).close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return builder.result();
}

/**
 * Offset → 1-based line and column (in Unicode characters, as saxes and editors count), over
 * text fed chunk by chunk. Start tags come in document order, so the cursor only moves
 * forward: linear even on a file written as one long line, and text already passed is dropped.
 */
class Cursor {
  private text = '';
  /** Offset of text[0] in the whole document. */
  private base = 0;
  private i = 0;
  private prev = 0;
  private line = 1;
  private column = 1;

  feed(chunk: string): void {
    if (this.i > 0) {
      this.text = this.text.slice(this.i);
      this.base += this.i;
      this.i = 0;
    }
    this.text += chunk;
  }

  at(offset: number): { line: number; column: number } {
    const s = this.text;
    const end = Math.min(offset - this.base, s.length);
    let i = this.i;
    let prev = this.prev;
    let line = this.line;
    let column = this.column;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) {
        line++;
        column = 1;
      } else if (!(c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff)) {
        column++; // the second half of a surrogate pair is the same character
      }
      prev = c;
    }
    this.i = i;
    this.prev = prev;
    this.line = line;
    this.column = column;
    return { line, column };
  }
}

/**
 * A copy of `s` that does not point into the parser's chunk: V8 keeps substrings as views of
 * the text they were cut from, so a stored id or target would keep that chunk alive, and
 * with it, over a large file, all of the file. (Concatenation then slice makes V8 flatten.)
 */
export function own(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** An attribute without namespace (XLIFF's own attributes are unqualified). */
export function attr(el: XmlElement, local: string): string | undefined {
  return el.attrs.find((a) => a.uri === '' && a.local === local)?.value;
}

export function attrNS(el: XmlElement, uri: string, local: string): string | undefined {
  return el.attrs.find((a) => a.uri === uri && a.local === local)?.value;
}

/** The value of xml:lang / xml:space in effect: on the element or inherited from an ancestor. */
export function inheritedXml(el: XmlElement, local: 'lang' | 'space'): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const v = attrNS(e, NS_XML, local);
    if (v !== undefined) return v;
  }
  return undefined;
}

let below = new WeakMap<XmlElement, readonly XmlElement[]>();

/** Forgets every cached `descendants` list: the windowed validator calls it after pruning the tree. */
export function forgetDescendants(): void {
  below = new WeakMap();
}

/** Every element under `el` (not `el` itself), in document order. Do not modify the result. */
export function descendants(el: XmlElement): readonly XmlElement[] {
  // Rules ask for the same subtrees again and again, and the tree never changes once parsed.
  let out = below.get(el) as XmlElement[] | undefined;
  if (out) return out;
  out = [];
  const stack = [...el.children].reverse();
  while (stack.length) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  below.set(el, out);
  return out;
}

export function* ancestors(el: XmlElement): Generator<XmlElement> {
  for (let e = el.parent; e; e = e.parent) yield e;
}
