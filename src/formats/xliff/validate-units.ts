/**
 * XLIFF 2 constraints within a unit that XML Schema cannot express:
 * - `required-content`: a unit has at least one segment (an ignorable alone translates nothing);
 *   a skeleton is either empty with href or has content without href.
 * - `attribute-pairs`: attributes that only make sense with another (subState needs state,
 *   subType needs type, …).
 * - `segment-order`: target/@order places each target exactly once among the unit's parts.
 * - `xml-space`: a target keeps the whitespace its source preserves. The 2.1 prose dropped this
 *   sentence, but the OASIS 2.1 test suite still counts bad_DifferentXmlSpace.xlf as invalid and
 *   Okapi's XLIFF 2 reader refuses a mismatch: a target that folds the source's preserved spaces
 *   changes the text.
 */
import { NS_XLIFF2, quote, tag, type Rule } from './validate-rule.js';
import { partsOf } from './validate-inline.js';
import { attr, descendants, inheritedXml, type XmlElement } from './validate-xml.js';

const isX = (el: XmlElement, ...locals: string[]): boolean => el.uri === NS_XLIFF2 && locals.includes(el.local);
const elements = (root: XmlElement, ...locals: string[]): XmlElement[] => descendants(root).filter((e) => isX(e, ...locals));

export const requiredContent: Rule = {
  id: 'required-content',
  check(root, report) {
    for (const unit of elements(root, 'unit')) {
      if (!unit.children.some((c) => isX(c, 'segment'))) {
        report(unit, `${tag(unit)} ${quote(attr(unit, 'id') ?? '')} has no <segment>`, 'a unit holds at least one segment; ignorables only sit between segments');
      }
    }
    for (const skl of elements(root, 'skeleton')) {
      const href = attr(skl, 'href');
      if (href === undefined && skl.nodes === 0) report(skl, `${tag(skl)} is empty and has no href`, 'point href at the skeleton file, or put the skeleton inside');
      if (href !== undefined && skl.nodes > 0) report(skl, `${tag(skl)} has both href and content`, 'keep one: an external skeleton (href) or an embedded one');
    }
  },
};

/** xlf:* subType values the specification defines, and the type each needs. */
const XLF_SUBTYPES: Record<string, string> = { 'xlf:lb': 'fmt', 'xlf:pb': 'fmt', 'xlf:b': 'fmt', 'xlf:i': 'fmt', 'xlf:u': 'fmt', 'xlf:var': 'ui' };

export const attributePairs: Rule = {
  id: 'attribute-pairs',
  check(root, report) {
    for (const el of descendants(root)) {
      if (el.uri !== NS_XLIFF2) continue;
      const has = (n: string): boolean => attr(el, n) !== undefined;
      if (isX(el, 'segment') && has('subState') && !has('state')) report(el, `${tag(el)} has subState but no state`, 'subState refines state: add state="initial|translated|reviewed|final"');
      const subType = attr(el, 'subType');
      if (subType !== undefined && isX(el, 'ph', 'pc', 'sc', 'ec')) {
        const type = attr(el, 'type');
        if (type === undefined) report(el, `${tag(el)} has subType but no type`, 'subType refines type: add type="fmt|ui|quote|link|image|other"');
        else if (subType.startsWith('xlf:') && XLF_SUBTYPES[subType] !== type) {
          report(el, `${tag(el)} has subType=${quote(subType)} with type=${quote(type)}`, XLF_SUBTYPES[subType] ? `subType ${subType} goes with type="${XLF_SUBTYPES[subType]}"` : `the xlf: subTypes are ${Object.keys(XLF_SUBTYPES).join(', ')}`);
        }
      }
      for (const [a, b] of [['dataRefStart', 'dataRefEnd'], ['subFlowsStart', 'subFlowsEnd']]) {
        if (isX(el, 'pc') && has(a!) !== has(b!)) report(el, `${tag(el)} has ${has(a!) ? a : b} without ${has(a!) ? b : a}`, `${a} and ${b} go together`);
      }
      const reorder = attr(el, 'canReorder');
      if ((reorder === 'no' || reorder === 'firstNo') && (attr(el, 'canCopy') !== 'no' || attr(el, 'canDelete') !== 'no')) {
        report(el, `${tag(el)} has canReorder=${quote(reorder)} but not canCopy="no" and canDelete="no"`, 'a code that cannot move cannot be copied or deleted either: add canCopy="no" canDelete="no"');
      }
      if (isX(el, 'mrk', 'sm') && attr(el, 'type') === 'comment' && has('value') === has('ref')) {
        report(el, `comment ${tag(el)} needs exactly one of value and ref`, 'the comment is either its value="…" or a ref="#n=…" to a note');
      }
    }
  },
};

export const segmentOrder: Rule = {
  id: 'segment-order',
  check(root, report) {
    for (const unit of elements(root, 'unit')) {
      const parts = partsOf(unit);
      const taken = new Map<number, XmlElement>();
      parts.forEach((part, i) => {
        const target = part.children.find((c) => isX(c, 'target'));
        if (!target) return;
        const explicit = attr(target, 'order');
        const order = explicit === undefined ? i + 1 : Number(explicit);
        if (!Number.isInteger(order) || order < 1) return; // the attributes rule reports it
        if (order > parts.length) {
          report(target, `${tag(target)} has order=${quote(explicit!)} but ${tag(unit)} has only ${parts.length} segments and ignorables`, `order is a position from 1 to ${parts.length}`);
          return;
        }
        const other = taken.get(order);
        if (other) {
          report(target, `${tag(target)} takes position ${order}, which ${tag(other)} at line ${other.line} already has${attr(other, 'order') === undefined ? ' (by its own position)' : ''}`, 'every target of a unit needs its own position: give each order a different value');
        } else taken.set(order, target);
      });
    }
  },
};

export const xmlSpace: Rule = {
  id: 'xml-space',
  check(root, report) {
    for (const part of elements(root, 'segment', 'ignorable')) {
      const source = part.children.find((c) => isX(c, 'source'));
      const target = part.children.find((c) => isX(c, 'target'));
      if (!source || !target) continue;
      if (inheritedXml(source, 'space') === 'preserve' && inheritedXml(target, 'space') !== 'preserve') {
        report(target, `${tag(target)} does not preserve whitespace but its source does (xml:space="preserve")`, 'add xml:space="preserve" to the target, as on its source');
      }
    }
  },
};
