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
import { cat, joined, msg, quote, tag, type Message, type Report, type Rule, type Text } from './validate-rule.js';
import { NS_XML, type XmlElement } from './validate-xml.js';

/** A value type: `test` says whether a value fits; `expected` says what fits, for messages. */
export interface Value {
  test(v: string): boolean;
  expected: Message;
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

/** A particle as written in content models (`<notes>?`, `(<unit> | <group>)+`), without its count when `bare`. */
function describe(p: Particle, bare = false): Text {
  const names = p.el.map((k) => (k === OTHER ? msg('validate.model.other') : k === ANY ? msg('validate.model.any') : display(k)));
  const one = names.length > 1 ? cat('(', ...names.flatMap((name, i) => (i ? [' | ', name] : [name])), ')') : names[0]!;
  const n = bare || (p.min === 1 && p.max === 1) ? '' : p.min === 0 && p.max === 1 ? '?' : p.min === 0 ? '*' : p.max === 1 ? '' : '+';
  return n ? cat(one, n) : one;
}

export function modelOf(spec: ElementSpec): Text {
  return spec.content?.length ? cat(...spec.content.flatMap((p, i) => (i ? [', ', describe(p)] : [describe(p)]))) : msg('validate.model.none');
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
      report(el, msg('validate.structure.unknownElement', { el: tag(el), namespace: quote(el.uri) }), msg('validate.structure.unknownElementHint'));
      return;
    }
    const parentKey = el.parent && keyOf(schema, el.parent);
    if (spec.parents && !(parentKey && spec.parents.includes(parentKey)) && !misplaced.has(el)) {
      report(el, msg('validate.structure.notAllowedIn', { el: tag(el), parent: el.parent ? tag(el.parent) : msg('validate.structure.documentRoot') }), msg('validate.structure.belongsIn', { parents: joined(spec.parents.map(display), 'validate.or') }));
    }
    if (!spec.text && el.text !== undefined) {
      report(el, msg('validate.structure.noText', { el: tag(el), text: quote(el.text) }), msg('validate.structure.noTextHint', { el: tag(el), model: modelOf(spec) }));
    }
    const kids = el.children.filter(known);
    let i = 0;
    for (const p of spec.content ?? []) {
      let n = 0;
      while (i < kids.length && n < p.max && matches(schema, p, kids[i]!, el)) {
        i++;
        n++;
      }
      if (n < p.min) {
        const what = { el: tag(el), particle: describe(p, true), min: p.min };
        report(el, p.min > 1 ? msg('validate.structure.mustContainAtLeast', what) : msg('validate.structure.mustContain', what), msg('validate.structure.expectedContent', { model: modelOf(spec) }));
      }
    }
    const extra = kids[i];
    if (extra) {
      report(extra, msg('validate.structure.notAllowedHere', { el: tag(extra), parent: tag(el) }), msg('validate.structure.expectedContentOf', { el: tag(el), model: modelOf(spec) }));
      misplaced.add(extra); // its own placement check would say the same again
    }
    for (const c of el.children) check(c, report, misplaced);
  };
  return { id: 'structure', check: (root, report) => check(root, report, new WeakSet()) };
}

const XML_ATTRS: Record<string, Value> = {
  lang: { test: () => true, expected: msg('validate.value.language') }, // checked by the languages rule
  space: { test: (v) => v === 'default' || v === 'preserve', expected: msg('validate.value.xmlSpace') },
  id: { test: () => true, expected: msg('validate.value.id') },
  base: { test: () => true, expected: msg('validate.value.uri') },
};

/** Which attributes an element may carry, which it must carry, and their values. */
export function attributesRule(schema: Schema): Rule {
  const checkValue = (el: XmlElement, name: string, value: string, type: Value, report: Report): void => {
    if (!type.test(value)) report(el, msg('validate.attributes.value', { el: tag(el), name, value: quote(value), expected: type.expected }));
  };
  const check = (el: XmlElement, report: Report): void => {
    const key = keyOf(schema, el);
    const spec = key === undefined ? undefined : schema.elements[key];
    if (spec) {
      for (const a of el.attrs) {
        if (a.uri === '') {
          const type = spec.attrs?.[a.local];
          if (type) checkValue(el, a.name, a.value, type, report);
          else {
            const allowed = Object.keys(spec.attrs ?? {}).join(', ') || msg('validate.attributes.none');
            report(el, msg('validate.attributes.unknown', { el: tag(el), name: quote(a.local) }), spec.other ? msg('validate.attributes.allowedAndOther', { allowed }) : msg('validate.attributes.allowed', { allowed }));
          }
        } else if (a.uri === NS_XML) {
          const type = spec.xml?.[a.local] ?? (spec.other ? XML_ATTRS[a.local] : undefined);
          if (type) checkValue(el, a.name, a.value, type, report);
          else report(el, msg('validate.attributes.cannotCarry', { el: tag(el), name: a.name }), spec.xml ? msg('validate.attributes.allowedXml', { allowed: Object.keys(spec.xml).map((n) => `xml:${n}`).join(', ') }) : undefined);
        } else if (!spec.other || a.uri === el.uri) {
          report(el, msg('validate.attributes.cannotCarryNs', { el: tag(el), name: a.name, namespace: quote(a.uri) }), msg('validate.attributes.noExtensions', { el: tag(el) }));
        } else {
          const prefix = schema.prefixes[a.uri];
          const type = prefix === undefined ? undefined : schema.globalAttrs[`${prefix}:${a.local}`];
          if (type) checkValue(el, a.name, a.value, type, report);
          else if (prefix !== undefined) report(el, msg('validate.attributes.unknownNs', { name: a.name, namespace: quote(a.uri) }));
        }
      }
      for (const r of spec.required ?? []) {
        if (!el.attrs.some((a) => a.uri === '' && a.local === r)) report(el, msg('validate.attributes.missing', { el: tag(el), name: quote(r) }));
      }
    }
    for (const c of el.children) check(c, report);
  };
  return { id: 'attributes', check: (root, report) => check(root, report) };
}

// Value types shared by the schema tables.

export const anyString: Value = { test: () => true, expected: msg('validate.value.text') };
export const language: Value = { test: () => true, expected: msg('validate.value.language') }; // checked by the languages rule

/** Value lists for messages; the long ones (datatype, restype…) by their first values. */
function listed(values: string[]): Message {
  const shown = values.slice(0, values.length > 12 ? 6 : values.length).map((v) => `"${v}"`);
  return values.length > 12 ? msg('validate.value.oneOfMany', { values: shown.join(', '), total: values.length }) : msg('validate.value.oneOf', { values: shown.join(', ') });
}

export function oneOf(...values: string[]): Value {
  return { test: (v) => values.includes(v), expected: listed(values) };
}

export const yesNo = oneOf('yes', 'no');

/** XML's Nmtoken: one or more name characters, no spaces. */
const NAME_CHAR = /^[\p{L}\p{M}\p{N}._:\-\u00B7\u203F\u2040]+$/u;
export const nmtoken: Value = { test: (v) => NAME_CHAR.test(v), expected: msg('validate.value.nmtoken') };
export const nmtokens: Value = { test: (v) => v.trim() !== '' && v.trim().split(/\s+/).every((t) => NAME_CHAR.test(t)), expected: msg('validate.value.nmtokens') };

export function integer(min: number, max = Infinity): Value {
  return {
    test: (v) => /^\s*[+-]?\d+\s*$/.test(v) && Number(v) >= min && Number(v) <= max,
    expected: max === Infinity ? msg('validate.value.integerMin', { min }) : msg('validate.value.integerRange', { min, max }),
  };
}

export function decimal(min: number, max: number): Value {
  return { test: (v) => /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v) && Number(v) >= min && Number(v) <= max, expected: msg('validate.value.numberRange', { min, max }) };
}

/** A list value, or XLIFF 1.2's escape hatch: anything starting with `x-`. */
export function listOrX(...values: string[]): Value {
  return { test: (v) => values.includes(v) || /^x-\S+$/.test(v), expected: msg('validate.value.orX', { list: listed(values) }) };
}

export function seq(...ps: [string | string[], number, number][]): Particle[] {
  return ps.map(([el, min, max]) => ({ el: Array.isArray(el) ? el : [el], min, max }));
}

export const MANY = Infinity;
