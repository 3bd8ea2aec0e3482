/**
 * Processing requirements of the XLIFF 2 modules, one rule per module (its namespace prefix is
 * the rule id). Their elements' content and attribute types are in validate-schema2.ts; what
 * is here is what the module chapters and the OASIS Schematron add.
 *
 * Left out on purpose, because valid files of the OASIS test suite break them: the Schematron's
 * res:resourceItemRef → file-level resourceItem check and its res:target xml:lang = trgLang check.
 */
import { NS_XLIFF2, quote, tag, type Report, type Rule } from './validate-rule.js';
import { NS_CTR, NS_FS, NS_GLS, NS_MDA, NS_MTC, NS_RES, NS_SLR, NS_VAL } from './validate-schema2.js';
import { ancestors, attr, attrNS, descendants, type XmlElement } from './validate-xml.js';

const all = (root: XmlElement, ns: string, ...locals: string[]): XmlElement[] => descendants(root).filter((e) => e.uri === ns && locals.includes(e.local));
const kids = (el: XmlElement, ns: string, ...locals: string[]): XmlElement[] => el.children.filter((e) => e.uri === ns && locals.includes(e.local));

function uniqueIn(els: XmlElement[], scope: string, report: Report): void {
  const seen = new Map<string, XmlElement>();
  for (const el of els) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report(el, `id ${quote(id)} is used twice in ${scope}: ${tag(first)} at line ${first.line} has it too`);
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
  if (!found) report(el, `${tag(el)} has ref=${quote(ref)}, which names nothing in the segments of this unit`, 'ref points at a segment or an inline element of the same unit: "#ID", or "#t=ID" for one in a target');
}

export const mtc: Rule = {
  id: 'mtc',
  check(root, report) {
    for (const matches of all(root, NS_MTC, 'matches')) uniqueIn(kids(matches, NS_MTC, 'match'), 'one <mtc:matches>', report);
    for (const match of all(root, NS_MTC, 'match')) {
      if (attr(match, 'subType') !== undefined && attr(match, 'type') === undefined) report(match, `${tag(match)} has subType but no type`, 'subType refines type: add type="am|mt|icm|idm|tb|tm|other"');
      checkUnitRef(match, report);
    }
  },
};

export const gls: Rule = {
  id: 'gls',
  check(root, report) {
    for (const glossary of all(root, NS_GLS, 'glossary')) uniqueIn(all(glossary, NS_GLS, 'glossEntry', 'translation'), 'one <gls:glossary>', report);
    for (const entry of all(root, NS_GLS, 'glossEntry')) {
      if (!kids(entry, NS_GLS, 'translation', 'definition').length) report(entry, `${tag(entry)} has neither a translation nor a definition`, 'add <gls:translation> or <gls:definition>');
      checkUnitRef(entry, report);
    }
    for (const t of all(root, NS_GLS, 'translation')) checkUnitRef(t, report);
  },
};

export const mda: Rule = {
  id: 'mda',
  check(root, report) {
    for (const metadata of all(root, NS_MDA, 'metadata')) uniqueIn([metadata, ...all(metadata, NS_MDA, 'metaGroup')], 'one <mda:metadata>', report);
  },
};

export const res: Rule = {
  id: 'res',
  check(root, report) {
    for (const data of all(root, NS_RES, 'resourceData')) uniqueIn(all(data, NS_RES, 'resourceItem', 'resourceItemRef'), 'one <res:resourceData>', report);
    for (const el of all(root, NS_RES, 'source', 'target')) {
      const href = attr(el, 'href');
      if (href !== undefined && el.nodes > 0) report(el, `${tag(el)} has both href and content`, 'href points at the resource; an element with href stays empty');
      if (href === undefined && el.nodes === 0) report(el, `${tag(el)} is empty and has no href`, 'point href at the resource, or embed it');
    }
    for (const item of all(root, NS_RES, 'resourceItem')) {
      if (attr(item, 'mimeType') !== undefined) continue;
      const embedded = kids(item, NS_RES, 'source', 'target').every((s) => s.children.length > 0);
      if (!embedded) report(item, `${tag(item)} has no mimeType but its source or target is not embedded`, 'add mimeType="…" to say what the referenced resource is');
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
    const checks: [string, RegExp, 'general' | 'storage', string][] = [
      ['sizeRestriction', SIZE_RESTRICTION, 'general', 'an integer maximum, "min,max" or "min,*", or "*"'],
      ['storageRestriction', SIZE_RESTRICTION, 'storage', 'an integer maximum, "min,max" or "min,*", or "*"'],
      ['sizeInfo', INTEGER, 'general', 'a non-negative integer (code points)'],
      ['equivStorage', INTEGER, 'storage', 'a non-negative integer (bytes)'],
    ];
    for (const el of [root, ...descendants(root)]) {
      for (const [name, form, profile, expected] of checks) {
        const v = attrNS(el, NS_SLR, name);
        if (v === undefined || form.test(v) || (!standard(el)[profile] && !NUMERIC.test(v))) continue;
        report(el, `${tag(el)} has slr:${name}=${quote(v)}: expected ${expected}`);
      }
      const ref = attrNS(el, NS_SLR, 'sizeInfoRef');
      if (ref === undefined) continue;
      if (attrNS(el, NS_SLR, 'sizeInfo') !== undefined) report(el, `${tag(el)} has both slr:sizeInfo and slr:sizeInfoRef`, 'keep one of them');
      if (!sizeDataFor(el, ref)) report(el, `${tag(el)} has slr:sizeInfoRef=${quote(ref)} but no <slr:data> beside it or beside an ancestor holds an element with that id`);
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
      if (kinds.length > 1) report(rule, `${tag(rule)} has ${kinds.join(' and ')}: a rule is exactly one of isPresent, isNotPresent, startsWith, endsWith`);
      if (kinds.length === 0 && !custom) report(rule, `${tag(rule)} says nothing to check`, 'give it one of isPresent, isNotPresent, startsWith, endsWith, or a custom attribute of your own namespace');
      if (attr(rule, 'occurs') !== undefined && attr(rule, 'isPresent') === undefined) report(rule, `${tag(rule)} has occurs without isPresent`, 'occurs counts the occurrences of isPresent');
      if (attr(rule, 'existsInSource') !== undefined && kinds.filter((k) => k !== 'isNotPresent').length !== 1) {
        report(rule, `${tag(rule)} has existsInSource but not exactly one of isPresent, startsWith, endsWith`);
      }
      const level = rule.parent?.parent;
      if (attr(rule, 'disabled') === 'yes' && level?.uri === NS_XLIFF2 && level.local === 'file') {
        report(rule, `${tag(rule)} is disabled at file level`, 'disabled="yes" switches off an inherited rule in a group or unit; at file level, remove the rule');
      }
    }
  },
};

export const fs: Rule = {
  id: 'fs',
  check(root, report) {
    for (const el of descendants(root)) {
      if (attrNS(el, NS_FS, 'subFs') !== undefined && attrNS(el, NS_FS, 'fs') === undefined) report(el, `${tag(el)} has fs:subFs but no fs:fs`);
      if (el.uri === NS_XLIFF2 && el.local === 'ec' && attrNS(el, NS_FS, 'fs') !== undefined && attr(el, 'isolated') !== 'yes') {
        report(el, `${tag(el)} has fs:fs but is not isolated`, 'a paired end code takes its format style from its <sc>: move fs:fs there');
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
      if (current !== undefined && !versions.includes(current)) report(revisions, `${tag(revisions)} has currentVersion=${quote(current)} but no <ctr:revision version=${quote(current)}>`);
    }
    for (const item of all(root, NS_CTR, 'item')) {
      const property = attr(item, 'property');
      if (property !== undefined && property !== 'content' && !/^[\p{L}_][\p{L}\p{N}._:-]*$/u.test(property)) {
        report(item, `${tag(item)} has property=${quote(property)}: expected "content" or the name of an attribute`);
      }
    }
  },
};

export const MODULE_RULES: Rule[] = [mtc, gls, mda, res, slr, val, fs, ctr];
