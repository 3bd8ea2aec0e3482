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
import { msg, NS_XLIFF2, quote, tag, type Rule } from './validate-rule.js';
import { partsOf } from './validate-inline.js';
import { attr, descendants, inheritedXml, type XmlElement } from './validate-xml.js';

const isX = (el: XmlElement, ...locals: string[]): boolean => el.uri === NS_XLIFF2 && locals.includes(el.local);
const elements = (root: XmlElement, ...locals: string[]): XmlElement[] => descendants(root).filter((e) => isX(e, ...locals));

export const requiredContent: Rule = {
  id: 'required-content',
  check(root, report) {
    for (const unit of elements(root, 'unit')) {
      if (!unit.children.some((c) => isX(c, 'segment'))) {
        report(unit, msg('validate.content.noSegment', { el: tag(unit), id: quote(attr(unit, 'id') ?? '') }), msg('validate.content.noSegmentHint'));
      }
    }
    for (const skl of elements(root, 'skeleton')) {
      const href = attr(skl, 'href');
      if (href === undefined && skl.nodes === 0) report(skl, msg('validate.content.emptyNoHref', { el: tag(skl) }), msg('validate.content.skeletonEmptyHint'));
      if (href !== undefined && skl.nodes > 0) report(skl, msg('validate.content.hrefAndContent', { el: tag(skl) }), msg('validate.content.skeletonBothHint'));
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
      if (isX(el, 'segment') && has('subState') && !has('state')) report(el, msg('validate.pairs.needs', { el: tag(el), name: 'subState', needed: 'state' }), msg('validate.pairs.subStateHint'));
      const subType = attr(el, 'subType');
      if (subType !== undefined && isX(el, 'ph', 'pc', 'sc', 'ec')) {
        const type = attr(el, 'type');
        if (type === undefined) report(el, msg('validate.pairs.needs', { el: tag(el), name: 'subType', needed: 'type' }), msg('validate.pairs.subTypeHint', { values: 'fmt|ui|quote|link|image|other' }));
        else if (subType.startsWith('xlf:') && XLF_SUBTYPES[subType] !== type) {
          report(
            el,
            msg('validate.pairs.subTypeType', { el: tag(el), subType: quote(subType), type: quote(type) }),
            XLF_SUBTYPES[subType] ? msg('validate.pairs.subTypeGoesWith', { subType, type: XLF_SUBTYPES[subType] }) : msg('validate.pairs.xlfSubTypes', { list: Object.keys(XLF_SUBTYPES).join(', ') }),
          );
        }
      }
      for (const [a, b] of [['dataRefStart', 'dataRefEnd'], ['subFlowsStart', 'subFlowsEnd']]) {
        if (isX(el, 'pc') && has(a!) !== has(b!)) report(el, msg('validate.pairs.without', { el: tag(el), name: has(a!) ? a : b, other: has(a!) ? b : a }), msg('validate.pairs.together', { a, b }));
      }
      const reorder = attr(el, 'canReorder');
      if ((reorder === 'no' || reorder === 'firstNo') && (attr(el, 'canCopy') !== 'no' || attr(el, 'canDelete') !== 'no')) {
        report(el, msg('validate.pairs.canReorder', { el: tag(el), value: quote(reorder) }), msg('validate.pairs.canReorderHint'));
      }
      if (isX(el, 'mrk', 'sm') && attr(el, 'type') === 'comment' && has('value') === has('ref')) {
        report(el, msg('validate.pairs.comment', { el: tag(el) }), msg('validate.pairs.commentHint'));
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
          report(target, msg('validate.order.tooHigh', { el: tag(target), value: quote(explicit!), unit: tag(unit), parts: parts.length }), msg('validate.order.tooHighHint', { parts: parts.length }));
          return;
        }
        const other = taken.get(order);
        if (other) {
          const already = { el: tag(target), order, other: tag(other), line: other.line };
          report(target, attr(other, 'order') === undefined ? msg('validate.order.takenImplicitly', already) : msg('validate.order.taken', already), msg('validate.order.takenHint'));
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
        report(target, msg('validate.xmlSpace.notPreserved', { el: tag(target) }), msg('validate.xmlSpace.notPreservedHint'));
      }
    }
  },
};
