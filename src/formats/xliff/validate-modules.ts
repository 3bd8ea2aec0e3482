/**
 * Processing requirements of the XLIFF 2 modules, one rule per module (its namespace prefix is
 * the rule id). Their elements' content and attribute types are in validate-schema2.ts; what
 * is here is what the module chapters and the OASIS Schematron add.
 *
 * Left out on purpose, because valid files of the OASIS test suite break them: the Schematron's
 * res:resourceItemRef → file-level resourceItem check and its res:target xml:lang = trgLang check.
 */
import { joined, msg, NS_XLIFF2, quote, tag, type Message, type Report, type Rule, type Text } from './validate-rule.js';
import { NS_CTR, NS_FS, NS_GLS, NS_MDA, NS_MTC, NS_RES, NS_SLR, NS_VAL } from './validate-schema2.js';
import { ancestors, attr, attrNS, descendants, type XmlElement } from './validate-xml.js';

const all = (root: XmlElement, ns: string, ...locals: string[]): XmlElement[] => descendants(root).filter((e) => e.uri === ns && locals.includes(e.local));
const kids = (el: XmlElement, ns: string, ...locals: string[]): XmlElement[] => el.children.filter((e) => e.uri === ns && locals.includes(e.local));

function uniqueIn(els: XmlElement[], scope: Text, report: Report): void {
  const seen = new Map<string, XmlElement>();
  for (const el of els) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report(el, msg('validate.ids.twice', { id: quote(id), scope, first: tag(first), line: first.line }));
    else seen.set(id, el);
  }
}

/**
 * A module `ref` pointing into the unit's text: `id`, `#id` or `#t=id` (an element of a target).
 * References to other documents or to other units are not followed.
 */
function checkUnitRef(el: XmlElement, report: Report): void {
  const ref = attr(el, 'ref');
  const unit = [...ancestors(el)].find((a) => a.uri === NS_XLIFF2 && a.local === 'unit');
  if (ref === undefined || !unit) return;
  const hash = ref.lastIndexOf('#');
  if (hash > 0 && !ref.startsWith('t=')) return; // another document
  let frag = hash >= 0 ? ref.slice(hash + 1) : ref;
  const inTarget = frag.startsWith('t=') || ref.startsWith('t=');
  frag = frag.replace(/^t=/, '');
  if (frag.includes('/') || frag.includes('=')) return; // an absolute fragment: not followed
  const found = unit.children
    .filter((p) => p.uri === NS_XLIFF2 && (p.local === 'segment' || p.local === 'ignorable'))
    .some((p) => (!inTarget && attr(p, 'id') === frag) || descendants(p).some((e) => e.uri === NS_XLIFF2 && attr(e, 'id') === frag && (!inTarget || [...ancestors(e)].some((a) => a.local === 'target'))));
  if (!found) report(el, msg('validate.modules.unitRef', { el: tag(el), value: quote(ref) }), msg('validate.modules.unitRefHint'));
}

export const mtc: Rule = {
  id: 'mtc',
  check(root, report) {
    for (const matches of all(root, NS_MTC, 'matches')) uniqueIn(kids(matches, NS_MTC, 'match'), msg('validate.scope.one', { el: '<mtc:matches>' }), report);
    for (const match of all(root, NS_MTC, 'match')) {
      if (attr(match, 'subType') !== undefined && attr(match, 'type') === undefined) report(match, msg('validate.pairs.needs', { el: tag(match), name: 'subType', needed: 'type' }), msg('validate.pairs.subTypeHint', { values: 'am|mt|icm|idm|tb|tm|other' }));
      checkUnitRef(match, report);
    }
  },
};

export const gls: Rule = {
  id: 'gls',
  check(root, report) {
    for (const glossary of all(root, NS_GLS, 'glossary')) uniqueIn(all(glossary, NS_GLS, 'glossEntry', 'translation'), msg('validate.scope.one', { el: '<gls:glossary>' }), report);
    for (const entry of all(root, NS_GLS, 'glossEntry')) {
      if (!kids(entry, NS_GLS, 'translation', 'definition').length) report(entry, msg('validate.modules.glossEntry', { el: tag(entry) }), msg('validate.modules.glossEntryHint'));
      checkUnitRef(entry, report);
    }
    for (const t of all(root, NS_GLS, 'translation')) checkUnitRef(t, report);
  },
};

export const mda: Rule = {
  id: 'mda',
  check(root, report) {
    for (const metadata of all(root, NS_MDA, 'metadata')) uniqueIn([metadata, ...all(metadata, NS_MDA, 'metaGroup')], msg('validate.scope.one', { el: '<mda:metadata>' }), report);
  },
};

export const res: Rule = {
  id: 'res',
  check(root, report) {
    for (const data of all(root, NS_RES, 'resourceData')) uniqueIn(all(data, NS_RES, 'resourceItem', 'resourceItemRef'), msg('validate.scope.one', { el: '<res:resourceData>' }), report);
    for (const el of all(root, NS_RES, 'source', 'target')) {
      const href = attr(el, 'href');
      if (href !== undefined && el.nodes > 0) report(el, msg('validate.content.hrefAndContent', { el: tag(el) }), msg('validate.modules.resBothHint'));
      if (href === undefined && el.nodes === 0) report(el, msg('validate.content.emptyNoHref', { el: tag(el) }), msg('validate.modules.resEmptyHint'));
    }
    for (const item of all(root, NS_RES, 'resourceItem')) {
      if (attr(item, 'mimeType') !== undefined) continue;
      const embedded = kids(item, NS_RES, 'source', 'target').every((s) => s.children.length > 0);
      if (!embedded) report(item, msg('validate.modules.mimeType', { el: tag(item) }), msg('validate.modules.mimeTypeHint'));
    }
  },
};

const SIZE_RESTRICTION = /^(\d+|\*|\d+,(\d+|\*))$/;
const INTEGER = /^\d+$/;
/** A value written as a number ("25.5", "-3", "1,2.5") rather than as a profile's own notation. */
const NUMERIC = /^[\d\s.,*+-]+$/;

/**
 * Size restriction values follow the profile in use. The standard profiles (xliff:codepoints,
 * xliff:utf8|16|32) take integers and "[min,]max" ranges; third-party profiles define their own
 * notation, so without a standard profile only values written as numbers are held to the
 * standard form (the OASIS test suite accepts sizeInfo="some info" but not sizeInfo="25.5").
 */
export const slr: Rule = {
  id: 'slr',
  check(root, report) {
    const standard = (el: XmlElement): { general: boolean; storage: boolean } => {
      const file = [el, ...ancestors(el)].find((a) => a.uri === NS_XLIFF2 && a.local === 'file');
      const profiles = file && kids(file, NS_SLR, 'profiles')[0];
      const general = profiles && attr(profiles, 'generalProfile');
      const storage = profiles && attr(profiles, 'storageProfile');
      return { general: general === 'xliff:codepoints', storage: /^xliff:utf(8|16|32)$/.test(storage ?? '') };
    };
    const checks: [string, RegExp, 'general' | 'storage', Message][] = [
      ['sizeRestriction', SIZE_RESTRICTION, 'general', msg('validate.value.sizeRange')],
      ['storageRestriction', SIZE_RESTRICTION, 'storage', msg('validate.value.sizeRange')],
      ['sizeInfo', INTEGER, 'general', msg('validate.value.codePoints')],
      ['equivStorage', INTEGER, 'storage', msg('validate.value.bytes')],
    ];
    for (const el of [root, ...descendants(root)]) {
      for (const [name, form, profile, expected] of checks) {
        const v = attrNS(el, NS_SLR, name);
        if (v === undefined || form.test(v) || (!standard(el)[profile] && !NUMERIC.test(v))) continue;
        report(el, msg('validate.attributes.value', { el: tag(el), name: `slr:${name}`, value: quote(v), expected }));
      }
      const ref = attrNS(el, NS_SLR, 'sizeInfoRef');
      if (ref === undefined) continue;
      if (attrNS(el, NS_SLR, 'sizeInfo') !== undefined) report(el, msg('validate.modules.sizeInfoBoth', { el: tag(el) }), msg('validate.modules.sizeInfoBothHint'));
      if (!sizeDataFor(el, ref)) report(el, msg('validate.modules.sizeInfoRef', { el: tag(el), value: quote(ref) }));
    }
  },
};

/** sizeInfoRef points into an slr:data that is a sibling of the element or of one of its ancestors. */
function sizeDataFor(el: XmlElement, ref: string): boolean {
  for (let e: XmlElement | undefined = el; e?.parent; e = e.parent) {
    for (const data of kids(e.parent, NS_SLR, 'data')) if (descendants(data).some((d) => d.attrs.some((a) => a.local === 'id' && a.value === ref))) return true;
  }
  return false;
}

const VAL_KINDS = ['isPresent', 'isNotPresent', 'startsWith', 'endsWith'];

export const val: Rule = {
  id: 'val',
  check(root, report) {
    for (const rule of all(root, NS_VAL, 'rule')) {
      const kinds = VAL_KINDS.filter((k) => attr(rule, k) !== undefined);
      const custom = rule.attrs.some((a) => a.uri !== '' && a.uri !== NS_VAL);
      if (kinds.length > 1) report(rule, msg('validate.modules.valKinds', { el: tag(rule), kinds: joined(kinds, 'validate.and') }));
      if (kinds.length === 0 && !custom) report(rule, msg('validate.modules.valNothing', { el: tag(rule) }), msg('validate.modules.valNothingHint'));
      if (attr(rule, 'occurs') !== undefined && attr(rule, 'isPresent') === undefined) report(rule, msg('validate.pairs.without', { el: tag(rule), name: 'occurs', other: 'isPresent' }), msg('validate.modules.occursHint'));
      if (attr(rule, 'existsInSource') !== undefined && kinds.filter((k) => k !== 'isNotPresent').length !== 1) {
        report(rule, msg('validate.modules.existsInSource', { el: tag(rule) }));
      }
      const level = rule.parent?.parent;
      if (attr(rule, 'disabled') === 'yes' && level?.uri === NS_XLIFF2 && level.local === 'file') {
        report(rule, msg('validate.modules.disabled', { el: tag(rule) }), msg('validate.modules.disabledHint'));
      }
    }
  },
};

export const fs: Rule = {
  id: 'fs',
  check(root, report) {
    for (const el of descendants(root)) {
      if (attrNS(el, NS_FS, 'subFs') !== undefined && attrNS(el, NS_FS, 'fs') === undefined) report(el, msg('validate.pairs.needs', { el: tag(el), name: 'fs:subFs', needed: 'fs:fs' }));
      if (el.uri === NS_XLIFF2 && el.local === 'ec' && attrNS(el, NS_FS, 'fs') !== undefined && attr(el, 'isolated') !== 'yes') {
        report(el, msg('validate.modules.fsNotIsolated', { el: tag(el) }), msg('validate.modules.fsNotIsolatedHint'));
      }
    }
  },
};

export const ctr: Rule = {
  id: 'ctr',
  check(root, report) {
    for (const revisions of all(root, NS_CTR, 'revisions')) {
      const current = attr(revisions, 'currentVersion');
      const versions = kids(revisions, NS_CTR, 'revision').map((r) => attr(r, 'version'));
      if (current !== undefined && !versions.includes(current)) report(revisions, msg('validate.modules.currentVersion', { el: tag(revisions), value: quote(current) }));
    }
    for (const item of all(root, NS_CTR, 'item')) {
      const property = attr(item, 'property');
      if (property !== undefined && property !== 'content' && !/^[\p{L}_][\p{L}\p{N}._:-]*$/u.test(property)) {
        report(item, msg('validate.attributes.value', { el: tag(item), name: 'property', value: quote(property), expected: msg('validate.value.property') }));
      }
    }
  },
};

export const MODULE_RULES: Rule[] = [mtc, gls, mda, res, slr, val, fs, ctr];
