/**
 * `validateXliff` in one pass over a stream, for `import`: the same rules and the same
 * problems, without holding the whole tree. Units (1.2: <trans-unit> and <bin-unit>; 2.x:
 * <unit>) are checked in windows of `window` and then dropped from the tree; what spans a
 * whole <file> is checked as elements arrive instead: unique unit and group ids, 1.2's
 * file-wide keys, and 2.x's subFlows, whose unit ids are looked up among those seen and, when
 * not seen yet, once the document has ended.
 *
 * Why it gives the same answer: rules run on a tree holding every element but the units
 * already checked, less the last unit of each parent (so no content model loses its last
 * unit), and `Problems` reports each problem once even when it is found again. The only rule
 * that looks from one unit into another, 2.x's comment reference to another unit's note, is
 * an error whether or not that unit is still in the tree.
 */
import type { SaxesParser } from 'saxes';
import { unique } from './validate-ids.js';
import { FILE_KEYS_12, key } from './validate-refs12.js';
import { msg, NS_XLIFF12, NS_XLIFF2, quote, tag, type Rule, type Text } from './validate-rule.js';
import { identify, Problems, WINDOW_RULES_12, windowRules2, xmlProblem, type XliffValidation } from './validate.js';
import { attr, forgetDescendants, own, TreeBuilder, type XmlElement } from './validate-xml.js';

/**
 * Units checked together before they are dropped. Small windows die young (V8's cheap
 * young-generation GC) instead of surviving into the old generation, which import's heap
 * keeper (pipeline/heap.ts) then collects in full: measured on 100,000 units, 25 takes 40%
 * less CPU than 100 (and 100 a third less than 2,000); 10 is no faster than 25.
 */
export const UNIT_WINDOW = 25;

const isUnit12 = (el: XmlElement): boolean => el.uri === NS_XLIFF12 && (el.local === 'trans-unit' || el.local === 'bin-unit');
const isUnit2 = (el: XmlElement): boolean => el.uri === NS_XLIFF2 && el.local === 'unit';

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
  seen.set(own(v), stub(el, protos));
}

/** `el`'s name and position, on a prototype shared by every element of its name. */
function stub(el: XmlElement, protos: Map<string, XmlElement>): XmlElement {
  let proto = protos.get(el.name);
  if (!proto) {
    proto = { uri: el.uri, local: own(el.local), name: own(el.name), attrs: [], children: [], parent: undefined, text: undefined, nodes: 0, line: 0, column: 0 };
    protos.set(proto.name, proto);
  }
  const at = Object.create(proto) as XmlElement;
  at.line = el.line;
  at.column = el.column;
  return at;
}

/** A subFlows id not among the units seen when its element was checked: looked up at the end. */
interface Deferred {
  scope: FileScope;
  at: XmlElement;
  name: string;
  id: string;
}

export class WindowedValidator {
  readonly builder: TreeBuilder;
  private readonly problems: Problems;
  /** Units checked or not yet checked, still in the tree. */
  private pending: XmlElement[] = [];
  /** Units closed since the last flush. */
  private count = 0;
  /** The rules run on each window; undefined when the document is not XLIFF 1.2 or 2.x (it is checked whole). */
  private rules: Rule[] | undefined;
  private isUnit: (el: XmlElement) => boolean = isUnit12;
  private scope: FileScope | undefined;
  /** Every <file>'s scope, for subFlows looked up after the file has closed. */
  private readonly scopes = new Map<XmlElement, FileScope>();
  private readonly deferred: Deferred[] = [];
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
      if (el.local !== 'xliff') return;
      if (el.uri === NS_XLIFF12) this.rules = WINDOW_RULES_12;
      else if (el.uri === NS_XLIFF2) {
        this.rules = windowRules2((file, id, at, name) => this.unitKnown(file, id, at, name));
        this.isUnit = isUnit2;
      }
      return;
    }
    if (!this.rules) return;
    const ns = this.builder.root!.uri;
    if (el.parent === this.builder.root && el.uri === ns && el.local === 'file') {
      const keys = new Map(ns === NS_XLIFF12 ? FILE_KEYS_12.map(([local]) => [local, new Map<string, XmlElement>()]) : []);
      const id = ns === NS_XLIFF12 ? attr(el, 'original') : attr(el, 'id');
      this.scope = { el, where: msg('validate.scope.file', { id: quote(id ?? '') }), units: new Map(), groups: new Map(), keys };
      this.scopes.set(el, this.scope);
      return;
    }
    const scope = this.scope;
    if (!scope || el.uri !== ns) return;
    if (this.isUnit(el) || el.local === 'group') {
      const seen = el.local === 'group' ? scope.groups : scope.units;
      const what = el.local === 'group' ? msg('validate.scope.groups', { file: scope.where }) : msg('validate.scope.units', { file: scope.where });
      unique([el], what, this.problems.reporter('unique-ids'), seen);
      remember(seen, el, 'id', this.protos);
    }
    for (const [local, name] of scope.keys.size ? FILE_KEYS_12 : []) {
      if (el.local !== local) continue;
      const seen = scope.keys.get(local)!;
      key([el], name, msg('validate.scope.elements', { el: `<${local}>` }), this.problems.reporter('references'), seen);
      remember(seen, el, name, this.protos);
    }
  }

  /** For 2.x's subFlows: a unit seen so far says yes; any other id is looked up at the end. */
  private unitKnown(file: XmlElement, id: string, at: XmlElement, name: string): boolean {
    const scope = this.scopes.get(file);
    if (!scope || scope.units.has(id)) return true;
    this.deferred.push({ scope, at: stub(at, this.protos), name, id: own(id) });
    return true;
  }

  private close(el: XmlElement): void {
    if (el === this.scope?.el) this.scope = undefined;
    if (!this.rules || !this.isUnit(el)) return;
    this.pending.push(el);
    if (++this.count >= this.window) this.flush(this.rules);
  }

  /** Checks the tree as it stands, then drops the units checked (bar the last of each parent). */
  private flush(rules: Rule[]): void {
    const root = this.builder.root!;
    for (const rule of rules) rule.check(root, this.problems.reporter(rule.id));
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
    for (const rule of this.rules ?? rules) rule.check(parsed.root, this.problems.reporter(rule.id));
    forgetDescendants();
    const report = this.problems.reporter('references');
    for (const { scope, at, name, id } of this.deferred) {
      if (!scope.units.has(id)) report(at, msg('validate.references.subFlows', { el: tag(at), name, id: quote(id) }), msg('validate.references.subFlowsHint'));
    }
    return { version, problems: this.problems.sorted() };
  }
}
