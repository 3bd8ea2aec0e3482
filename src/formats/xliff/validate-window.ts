/**
 * `validateXliff` in one pass over a stream, for `import`: the same rules and the same
 * problems, without holding the whole tree. For XLIFF 1.2 (what Tessera exports), units are
 * checked in windows of `window` and then dropped from the tree; the checks that span a whole
 * <file> (unique unit and group ids, the strict schema's file-wide keys) run as elements
 * arrive instead. XLIFF 2 rules look across units (fragment references, modules), so a 2.x
 * tree is kept whole and checked at the end, as `validateXliff` does.
 *
 * Why it gives the same answer: rules run on a tree holding every element but the units
 * already checked, less the last unit of each parent (so no content model loses its last
 * unit), and `Problems` reports each problem once even when it is found again.
 */
import type { SaxesParser } from 'saxes';
import { unique } from './validate-ids.js';
import { FILE_KEYS_12, key } from './validate-refs12.js';
import { msg, NS_XLIFF12, quote, type Text } from './validate-rule.js';
import { identify, Problems, WINDOW_RULES_12, xmlProblem, type XliffValidation } from './validate.js';
import { attr, forgetDescendants, own, TreeBuilder, type XmlElement } from './validate-xml.js';

/**
 * Units checked together before they are dropped. Small windows die young (V8's cheap
 * young-generation GC) instead of surviving into the old generation, which import's heap
 * keeper (pipeline/heap.ts) then collects in full: measured on 100,000 units, 25 takes 40%
 * less CPU than 100 (and 100 a third less than 2,000); 10 is no faster than 25.
 */
export const UNIT_WINDOW = 25;

const isUnit12 = (el: XmlElement): boolean => el.uri === NS_XLIFF12 && (el.local === 'trans-unit' || el.local === 'bin-unit');

interface FileScope {
  el: XmlElement;
  where: Text;
  units: Map<string, XmlElement>;
  groups: Map<string, XmlElement>;
  keys: Map<string, Map<string, XmlElement>>;
}

/**
 * Keeps in `seen` what later messages cite of `el` (its name and position) instead of `el`:
 * the element, its subtree and the parser's text its strings point into can then be freed.
 * A 100,000-unit file remembers 100,000 of them, so each is two numbers on a prototype
 * shared by every element of its name (`protos`), not a whole element of its own.
 */
function remember(seen: Map<string, XmlElement>, el: XmlElement, name: string, protos: Map<string, XmlElement>): void {
  const v = attr(el, name);
  if (v === undefined || seen.get(v) !== el) return;
  seen.delete(v);
  let proto = protos.get(el.name);
  if (!proto) {
    proto = { uri: el.uri, local: own(el.local), name: own(el.name), attrs: [], children: [], parent: undefined, text: undefined, nodes: 0, line: 0, column: 0 };
    protos.set(proto.name, proto);
  }
  const stub = Object.create(proto) as XmlElement;
  stub.line = el.line;
  stub.column = el.column;
  seen.set(own(v), stub);
}

export class WindowedValidator {
  readonly builder: TreeBuilder;
  private readonly problems: Problems;
  /** Units checked or not yet checked, still in the tree. */
  private pending: XmlElement[] = [];
  /** Units closed since the last flush. */
  private count = 0;
  private windowed = false;
  private scope: FileScope | undefined;
  /** The prototypes of what `remember` keeps, by element name. */
  private readonly protos = new Map<string, XmlElement>();

  constructor(
    parser: SaxesParser<{ xmlns: true; position: true }>,
    private readonly file: string,
    private readonly window = UNIT_WINDOW,
  ) {
    this.problems = new Problems(file, true);
    this.builder = new TreeBuilder(parser, { open: (el) => this.open(el), close: (el) => this.close(el) });
  }

  private open(el: XmlElement): void {
    if (!el.parent) {
      this.windowed = el.uri === NS_XLIFF12 && el.local === 'xliff';
      return;
    }
    if (!this.windowed) return;
    if (el.parent === this.builder.root && el.uri === NS_XLIFF12 && el.local === 'file') {
      const keys = new Map(FILE_KEYS_12.map(([local]) => [local, new Map<string, XmlElement>()]));
      this.scope = { el, where: msg('validate.scope.file', { id: quote(attr(el, 'original') ?? '') }), units: new Map(), groups: new Map(), keys };
      return;
    }
    const scope = this.scope;
    if (!scope || el.uri !== NS_XLIFF12) return;
    if (isUnit12(el) || el.local === 'group') {
      const seen = el.local === 'group' ? scope.groups : scope.units;
      const what = el.local === 'group' ? msg('validate.scope.groups', { file: scope.where }) : msg('validate.scope.units', { file: scope.where });
      unique([el], what, this.problems.reporter('unique-ids'), seen);
      remember(seen, el, 'id', this.protos);
    }
    for (const [local, name] of FILE_KEYS_12) {
      if (el.local !== local) continue;
      const seen = scope.keys.get(local)!;
      key([el], name, msg('validate.scope.elements', { el: `<${local}>` }), this.problems.reporter('references'), seen);
      remember(seen, el, name, this.protos);
    }
  }

  private close(el: XmlElement): void {
    if (el === this.scope?.el) this.scope = undefined;
    if (!this.windowed || !isUnit12(el)) return;
    this.pending.push(el);
    if (++this.count >= this.window) this.flush();
  }

  /** Checks the tree as it stands, then drops the units checked (bar the last of each parent). */
  private flush(): void {
    const root = this.builder.root!;
    for (const rule of WINDOW_RULES_12) rule.check(root, this.problems.reporter(rule.id));
    forgetDescendants();
    const drop = new Set(this.pending);
    const kept: XmlElement[] = [];
    for (const p of new Set(this.pending.map((u) => u.parent!))) {
      let last: XmlElement | undefined;
      for (let i = p.children.length - 1; i >= 0 && !last; i--) if (drop.has(p.children[i]!)) last = p.children[i];
      p.children = p.children.filter((c) => c === last || !drop.has(c));
      kept.push(last!);
    }
    // A unit kept for its parent's sake is dropped with the next window.
    this.pending = kept;
    this.count = 0;
  }

  /** After the parser closed, or stopped on an XML error. */
  result(): XliffValidation {
    const parsed = this.builder.result();
    if (!parsed.ok) return { version: undefined, problems: [xmlProblem(parsed, this.file)] };
    const { version, rules } = identify(parsed.root, this.problems.reporter('root'));
    for (const rule of this.windowed ? WINDOW_RULES_12 : rules) rule.check(parsed.root, this.problems.reporter(rule.id));
    forgetDescendants();
    return { version, problems: this.problems.sorted() };
  }
}
