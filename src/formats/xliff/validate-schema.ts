/**
 * XML Schema's part of XLIFF validation, as data: each element's content model, text,
 * attributes and their value types (validate-schema12.ts, validate-schema2.ts), checked here by
 * two generic rules, `structure` and `attributes`. The tables transcribe the OASIS schemas
 * (../shared/schemas/xliff) for the parts that matter; what XML Schema cannot say (unique ids,
 * references, pairing) lives in the other rule files.
 *
 * Content models are sequences of particles matched greedily. That is enough because XLIFF's
 * schemas are deterministic (XML Schema's "unique particle attribution"): a child never has to
 * be held back for a later particle.
 */
import { quote, tag, type Report, type Rule } from './validate-rule.js';
import { NS_XML, type XmlElement } from './validate-xml.js';

/** A value type: `test` says whether a value fits; `expected` says what fits, for messages. */
export interface Value {
  test(v: string): boolean;
  expected: string;
}

/** `el`: element keys (`prefix:local`) or `other` (any element of another namespace). */
export interface Particle {
  el: string[];
  min: number;
  max: number;
}

export interface ElementSpec {
  /** Child elements, in order; absent: none. */
  content?: Particle[];
  /** Character data allowed (mixed or simple content). */
  text?: boolean;
  /** Unqualified attributes and their types. */
  attrs?: Record<string, Value>;
  required?: string[];
  /** xml:* attributes declared for the element (xml:lang, xml:space). */
  xml?: Record<string, Value>;
  /** Attributes from other namespaces allowed (`anyAttribute namespace="##other"`). */
  other?: boolean;
  /** Where the element may be used, when the specification says more than the schema. */
  parents?: string[];
}

export interface Schema {
  /** Known namespaces → the prefix used in element keys and messages. */
  prefixes: Record<string, string>;
  elements: Record<string, ElementSpec>;
  /** Module attributes usable wherever other-namespace attributes are (`fs:fs`, `slr:sizeInfo`…). */
  globalAttrs: Record<string, Value>;
}

export const OTHER = 'other';
/** Any element at all (`namespace="##any"`). */
export const ANY = 'any';

/** The element's key in `schema.elements`, or undefined for namespaces the schema does not know. */
export function keyOf(schema: Schema, el: XmlElement): string | undefined {
  const prefix = schema.prefixes[el.uri];
  return prefix === undefined ? undefined : `${prefix}:${el.local}`;
}

function matches(schema: Schema, p: Particle, child: XmlElement, parent: XmlElement): boolean {
  const key = keyOf(schema, child);
  if (p.el.includes(ANY) || (key !== undefined && p.el.includes(key))) return true;
  // XML Schema's ##other: any namespace but the declaring element's own (and not none).
  return p.el.includes(OTHER) && child.uri !== '' && child.uri !== parent.uri;
}

/** An element key as written in XLIFF documents (core elements unprefixed). */
const display = (key: string): string => tag(key.replace(/^xlf:/, ''));

function describe(p: Particle): string {
  const names = p.el.map((k) => (k === OTHER ? 'elements of other namespaces' : k === ANY ? 'any elements' : display(k)));
  const one = names.length > 1 ? `(${names.join(' | ')})` : names[0]!;
  const n = p.min === 0 && p.max === 1 ? '?' : p.min === 0 ? '*' : p.max === 1 ? '' : '+';
  return `${one}${n}`;
}

export function modelOf(spec: ElementSpec): string {
  return spec.content?.length ? spec.content.map(describe).join(', ') : 'no child elements';
}

/** Child elements, their order and number, character data, and unknown elements. */
export function structureRule(schema: Schema): Rule {
  // Unknown elements of a known namespace are reported on their own, not as misplaced.
  const known = (c: XmlElement): boolean => {
    const k = keyOf(schema, c);
    return k === undefined || schema.elements[k] !== undefined;
  };
  const check = (el: XmlElement, report: Report, misplaced: WeakSet<XmlElement>): void => {
    const key = keyOf(schema, el);
    if (key === undefined) return; // an extension: its content is its owner's business
    const spec = schema.elements[key];
    if (!spec) {
      report(el, `unknown element ${tag(el)} in namespace ${quote(el.uri)}`, 'check the spelling, or move extension data into a namespace of your own');
      return;
    }
    const parentKey = el.parent && keyOf(schema, el.parent);
    if (spec.parents && !(parentKey && spec.parents.includes(parentKey)) && !misplaced.has(el)) {
      report(el, `${tag(el)} is not allowed in ${el.parent ? tag(el.parent) : 'the document root'}`, `it belongs in ${spec.parents.map(display).join(' or ')}`);
    }
    if (!spec.text && el.text !== undefined) {
      report(el, `${tag(el)} cannot contain text, found ${quote(el.text)}`, `${tag(el)} holds only elements: ${modelOf(spec)}`);
    }
    const kids = el.children.filter(known);
    let i = 0;
    for (const p of spec.content ?? []) {
      let n = 0;
      while (i < kids.length && n < p.max && matches(schema, p, kids[i]!, el)) {
        i++;
        n++;
      }
      if (n < p.min) report(el, `${tag(el)} must contain ${describe(p).replace(/[+?*]$/, '')}${p.min > 1 ? ` (at least ${p.min})` : ''}`, `expected content: ${modelOf(spec)}`);
    }
    const extra = kids[i];
    if (extra) {
      report(extra, `${tag(extra)} is not allowed here in ${tag(el)}`, `expected content of ${tag(el)}: ${modelOf(spec)}`);
      misplaced.add(extra); // its own placement check would say the same again
    }
    for (const c of el.children) check(c, report, misplaced);
  };
  return { id: 'structure', check: (root, report) => check(root, report, new WeakSet()) };
}

const XML_ATTRS: Record<string, Value> = {
  lang: { test: () => true, expected: 'a language tag' }, // checked by the languages rule
  space: { test: (v) => v === 'default' || v === 'preserve', expected: '"default" or "preserve"' },
  id: { test: () => true, expected: 'an id' },
  base: { test: () => true, expected: 'a URI' },
};

/** Which attributes an element may carry, which it must carry, and their values. */
export function attributesRule(schema: Schema): Rule {
  const checkValue = (el: XmlElement, name: string, value: string, type: Value, report: Report): void => {
    if (!type.test(value)) report(el, `${tag(el)} has ${name}=${quote(value)}: expected ${type.expected}`);
  };
  const check = (el: XmlElement, report: Report): void => {
    const key = keyOf(schema, el);
    const spec = key === undefined ? undefined : schema.elements[key];
    if (spec) {
      for (const a of el.attrs) {
        if (a.uri === '') {
          const type = spec.attrs?.[a.local];
          if (type) checkValue(el, a.name, a.value, type, report);
          else report(el, `${tag(el)} has no attribute ${quote(a.local)}`, `allowed: ${Object.keys(spec.attrs ?? {}).join(', ') || 'none'}${spec.other ? ', and attributes of other namespaces' : ''}`);
        } else if (a.uri === NS_XML) {
          const type = spec.xml?.[a.local] ?? (spec.other ? XML_ATTRS[a.local] : undefined);
          if (type) checkValue(el, a.name, a.value, type, report);
          else report(el, `${tag(el)} cannot carry ${a.name}`, spec.xml ? `allowed xml: attributes: ${Object.keys(spec.xml).map((n) => `xml:${n}`).join(', ')}` : undefined);
        } else if (!spec.other || a.uri === el.uri) {
          report(el, `${tag(el)} cannot carry the attribute ${a.name} (namespace ${quote(a.uri)})`, `${tag(el)} takes no extension or module attributes`);
        } else {
          const prefix = schema.prefixes[a.uri];
          const type = prefix === undefined ? undefined : schema.globalAttrs[`${prefix}:${a.local}`];
          if (type) checkValue(el, a.name, a.value, type, report);
          else if (prefix !== undefined) report(el, `unknown attribute ${a.name} in namespace ${quote(a.uri)}`);
        }
      }
      for (const r of spec.required ?? []) {
        if (!el.attrs.some((a) => a.uri === '' && a.local === r)) report(el, `${tag(el)} is missing the required attribute ${quote(r)}`);
      }
    }
    for (const c of el.children) check(c, report);
  };
  return { id: 'attributes', check: (root, report) => check(root, report) };
}

// Value types shared by the schema tables.

export const anyString: Value = { test: () => true, expected: 'text' };
export const language: Value = { test: () => true, expected: 'a language tag' }; // checked by the languages rule

/** Value lists for messages; the long ones (datatype, restype…) by their first values. */
function listed(values: string[]): string {
  const shown = values.slice(0, values.length > 12 ? 6 : values.length).map((v) => `"${v}"`);
  return values.length > 12 ? `one of ${shown.join(', ')}… (${values.length} values, see the specification)` : `one of ${shown.join(', ')}`;
}

export function oneOf(...values: string[]): Value {
  return { test: (v) => values.includes(v), expected: listed(values) };
}

export const yesNo = oneOf('yes', 'no');

/** XML's Nmtoken: one or more name characters, no spaces. */
const NAME_CHAR = /^[\p{L}\p{M}\p{N}._:\-\u00B7\u203F\u2040]+$/u;
export const nmtoken: Value = { test: (v) => NAME_CHAR.test(v), expected: 'a name token (letters, digits, . - _ :, no spaces)' };
export const nmtokens: Value = { test: (v) => v.trim() !== '' && v.trim().split(/\s+/).every((t) => NAME_CHAR.test(t)), expected: 'name tokens separated by spaces' };

export function integer(min: number, max = Infinity): Value {
  return {
    test: (v) => /^\s*[+-]?\d+\s*$/.test(v) && Number(v) >= min && Number(v) <= max,
    expected: max === Infinity ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`,
  };
}

export function decimal(min: number, max: number): Value {
  return { test: (v) => /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v) && Number(v) >= min && Number(v) <= max, expected: `a number from ${min} to ${max}` };
}

/** A list value, or XLIFF 1.2's escape hatch: anything starting with `x-`. */
export function listOrX(...values: string[]): Value {
  return { test: (v) => values.includes(v) || /^x-\S+$/.test(v), expected: `${listed(values)}, or a value starting with "x-"` };
}

export function seq(...ps: [string | string[], number, number][]): Particle[] {
  return ps.map(([el, min, max]) => ({ el: Array.isArray(el) ? el : [el], min, max }));
}

export const MANY = Infinity;
