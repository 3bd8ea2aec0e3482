/**
 * The validator's view of an XML document: a small element tree built with saxes (strict,
 * namespace-aware, never expands or fetches entities), each element carrying the line and
 * column of its `<`. Rules walk this tree; nothing here knows about XLIFF.
 *
 * Why a tree and not events: most XLIFF rules look sideways or backwards (an `<ec>` must
 * follow its `<sc>`, a `dataRef` must name a `<data>` declared earlier or later in the unit),
 * and validator input is a translator's file, small enough to hold whole.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

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
  | { ok: false; message: string; hint: string; line: number; column: number };

class Stop extends Error {}

export function parseXml(content: string): ParseResult {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const position = cursor(content);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Extract<ParseResult, { ok: false }> | undefined;
  let start = { line: 1, column: 1 };

  const fail = (message: string, hint: string): never => {
    failure = { ok: false, message, hint, line: parser.line, column: parser.column + 1 };
    throw new Stop();
  };
  const countNode = (): void => {
    const el = stack[stack.length - 1];
    if (el) el.nodes++;
  };
  parser.on('doctype', () =>
    fail('the file declares a DOCTYPE; XLIFF never needs one and Tessera refuses them (entity expansion, external entities)', 'remove the <!DOCTYPE …> declaration'),
  );
  parser.on('error', (err) => fail(`not well-formed XML: ${err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '')}`, 'fix the XML first: nothing else can be checked until the file parses'));
  parser.on('opentagstart', (tag) => {
    // saxes has consumed `<`, the name and one character after it.
    start = position(parser.position - tag.name.length - 2);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      name: tag.name,
      attrs: Object.values(tag.attributes)
        .filter((a) => a.uri !== NS_XMLNS && a.prefix !== 'xmlns' && a.name !== 'xmlns')
        .map((a) => ({ uri: a.uri, local: a.local, name: a.name, value: a.value })),
      children: [],
      parent,
      text: undefined,
      nodes: 0,
      ...start,
    };
    countNode();
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  const onText = (text: string): void => {
    const el = stack[stack.length - 1];
    if (!el) return;
    el.nodes++;
    if (el.text === undefined && text.trim() !== '') el.text = text.trim();
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', countNode);
  parser.on('processinginstruction', countNode);

  try {
    parser.write(content).close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return failure!;
  }
  if (!root) return { ok: false, message: 'the file is empty: no root element', hint: 'give an XLIFF file', line: 1, column: 1 };
  return { ok: true, root };
}

/**
 * Offset → 1-based line and column (in Unicode characters, as saxes and editors count).
 * Start tags come in document order, so the cursor only moves forward: linear even on a
 * file written as one long line.
 */
function cursor(s: string): (offset: number) => { line: number; column: number } {
  let at = 0;
  let line = 1;
  let column = 1;
  return (offset) => {
    for (; at < offset; at++) {
      const c = s.charCodeAt(at);
      if (c === 10 || (c === 13 && s.charCodeAt(at + 1) !== 10)) {
        line++;
        column = 1;
      } else if (!(c >= 0xdc00 && c <= 0xdfff && at > 0 && s.charCodeAt(at - 1) >= 0xd800 && s.charCodeAt(at - 1) <= 0xdbff)) {
        column++; // the second half of a surrogate pair is the same character
      }
    }
    return { line, column };
  };
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

const below = new WeakMap<XmlElement, readonly XmlElement[]>();

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
