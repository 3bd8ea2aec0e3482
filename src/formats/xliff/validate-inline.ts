/**
 * XLIFF 2 inline content: `references` (every dataRef, copyOf, subFlows and comment ref names
 * something that exists) and `pairing` (every <sc> has its <ec>, every <sm> its <em>, in
 * order). Both work on a "container": a unit, or a translation candidate (mtc:match), which
 * has its own original data and its own codes.
 *
 * A unit's source side is its sources in document order; its target side is its targets in
 * the order the translation reads, which `target/@order` may change (segment-order checks the
 * numbers themselves).
 */
import { msg, NS_XLIFF2, quote, tag, type Report, type Rule, type Text } from './validate-rule.js';
import { NS_MTC } from './validate-schema2.js';
import { ancestors, attr, descendants, type XmlElement } from './validate-xml.js';

const isX = (el: XmlElement, ...locals: string[]): boolean => el.uri === NS_XLIFF2 && locals.includes(el.local);
const child = (el: XmlElement, local: string): XmlElement | undefined => el.children.find((c) => isX(c, local));

interface Container {
  el: XmlElement;
  /** Where original data of its codes lives. */
  originalData: XmlElement | undefined;
  sources: XmlElement[];
  targets: XmlElement[];
  what: Text;
}

/** A unit's parts: its segment and ignorable children. */
export function partsOf(unit: XmlElement): XmlElement[] {
  return unit.children.filter((c) => isX(c, 'segment', 'ignorable'));
}

/** Targets of a unit's parts in reading order: an explicit `order`, else the part's position. */
export function targetsInOrder(parts: XmlElement[]): XmlElement[] {
  const placed = parts.flatMap((p, i) => {
    const t = child(p, 'target');
    if (!t) return [];
    const order = Number(attr(t, 'order'));
    return [{ t, at: Number.isInteger(order) && order > 0 ? order : i + 1, i }];
  });
  return placed.sort((a, b) => a.at - b.at || a.i - b.i).map((p) => p.t);
}

export function* containers(root: XmlElement): Generator<Container> {
  for (const el of descendants(root)) {
    if (isX(el, 'unit')) {
      const parts = partsOf(el);
      const sources = parts.map((p) => child(p, 'source')).filter((s): s is XmlElement => s !== undefined);
      yield { el, originalData: child(el, 'originalData'), sources, targets: targetsInOrder(parts), what: msg('validate.scope.unit', { id: quote(attr(el, 'id') ?? '') }) };
    } else if (el.uri === NS_MTC && el.local === 'match') {
      const only = (x: XmlElement | undefined): XmlElement[] => (x ? [x] : []);
      yield { el, originalData: child(el, 'originalData'), sources: only(child(el, 'source')), targets: only(child(el, 'target')), what: msg('validate.scope.candidate', { line: el.line }) };
    }
  }
}

/** The XLIFF inline elements of a side, in reading order. */
function inline(holders: XmlElement[]): XmlElement[] {
  return holders.flatMap((h) => descendants(h).filter((e) => e.uri === NS_XLIFF2));
}

/**
 * Whether `id` names a unit of `file`, for subFlows; `at` and `name` say who asks. By default
 * the units are those in the tree. The windowed validator (validate-window.ts), whose tree has
 * lost the units already checked and not yet met the later ones, answers from the ids it has
 * seen and defers the others to the end of the document.
 */
export type UnitLookup = (file: XmlElement, id: string, at: XmlElement, name: string) => boolean;

export function referencesRule(unitKnown?: UnitLookup): Rule {
  return { id: 'references', check: (root, report) => checkReferences(root, report, unitKnown) };
}

export const references = referencesRule();

function checkReferences(root: XmlElement, report: Report, unitKnown: UnitLookup | undefined): void {
  for (const file of root.children.filter((c) => isX(c, 'file'))) {
    let unitIds: Set<string | undefined> | undefined;
    const known: UnitLookup =
      unitKnown ?? ((f, id) => (unitIds ??= new Set(descendants(f).filter((e) => isX(e, 'unit')).map((u) => attr(u, 'id')))).has(id));
    for (const c of containers(file)) {
      const dataIds = new Set(c.originalData?.children.filter((d) => isX(d, 'data')).map((d) => attr(d, 'id')));
      const codes = inline([...c.sources, ...c.targets]);
      for (const el of codes) {
        for (const name of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
          const ref = attr(el, name);
          if (ref === undefined || dataIds.has(ref)) continue;
          report(
            el,
            msg('validate.references.dataRef', { el: tag(el), name, value: quote(ref), scope: c.what }),
            c.originalData ? msg('validate.references.dataRefHint') : msg('validate.references.noOriginalDataHint', { scope: c.what, name }),
          );
        }
        const copyOf = attr(el, 'copyOf');
        if (copyOf !== undefined) checkCopyOf(el, copyOf, codes, c, report);
        for (const name of ['subFlows', 'subFlowsStart', 'subFlowsEnd']) {
          for (const id of (attr(el, name) ?? '').trim().split(/\s+/).filter(Boolean)) {
            if (!known(file, id, el, name)) report(el, msg('validate.references.subFlows', { el: tag(el), name, id: quote(id) }), msg('validate.references.subFlowsHint'));
          }
        }
        const ref = attr(el, 'ref');
        if (isX(el, 'mrk', 'sm') && attr(el, 'type') === 'comment' && ref !== undefined && isX(c.el, 'unit')) checkCommentRef(el, ref, c, root, report);
      }
    }
  }
}

function checkCopyOf(el: XmlElement, copyOf: string, codes: XmlElement[], c: Container, report: Report): void {
  if (['dataRef', 'dataRefStart', 'dataRefEnd'].some((n) => attr(el, n) !== undefined)) {
    report(el, msg('validate.references.copyOfAndData', { el: tag(el) }), msg('validate.references.copyOfAndDataHint'));
  }
  const base = codes.find((e) => e !== el && attr(e, 'id') === copyOf && isX(e, 'ph', 'pc', 'sc', 'ec'));
  if (!base) report(el, msg('validate.references.copyOfMissing', { el: tag(el), value: quote(copyOf), scope: c.what }));
  else if (attr(base, 'canCopy') === 'no') report(el, msg('validate.references.copyOfCannotCopy', { el: tag(el), base: tag(base), id: quote(copyOf), line: base.line }));
}

/** A comment annotation's ref names a note of the same unit: `#n=id` or an absolute `#f=…/u=…/n=id`. */
function checkCommentRef(el: XmlElement, ref: string, c: Container, root: XmlElement, report: Report): void {
  if (!ref.startsWith('#')) return; // another document: nothing to check here
  const parts = new Map(ref.slice(1).split('/').map((s) => [s.split('=')[0]!, s.split('=').slice(1).join('=')] as const));
  const noteId = parts.get('n');
  const file = parts.has('f') ? root.children.find((f) => isX(f, 'file') && attr(f, 'id') === parts.get('f')) : [...ancestors(c.el)].find((a) => isX(a, 'file'));
  const kind = parts.has('u') ? 'unit' : parts.has('g') ? 'group' : undefined;
  const holder = kind ? file && descendants(file).find((e) => isX(e, kind) && attr(e, 'id') === parts.get(kind[0]!)) : parts.has('f') ? file : c.el;
  const notes = holder && child(holder, 'notes');
  const note = noteId !== undefined ? notes?.children.find((n) => isX(n, 'note') && attr(n, 'id') === noteId) : undefined;
  if (!note || holder !== c.el) {
    report(el, msg('validate.references.commentRef', { el: tag(el), value: quote(ref), scope: c.what }), msg('validate.references.commentRefHint'));
  }
}

const YES_DEFAULTS = ['canCopy', 'canDelete', 'canOverlap'];

export const pairing: Rule = {
  id: 'pairing',
  check(root, report) {
    for (const c of containers(root)) {
      for (const [side, holders] of [['source', c.sources], ['target', c.targets]] as const) {
        pairSide(inline(holders), msg('validate.scope.side', { scope: c.what, side }), report);
      }
    }
  },
};

function pairSide(codes: XmlElement[], where: Text, report: Report): void {
  const allSc = new Map(codes.filter((e) => isX(e, 'sc')).map((e) => [attr(e, 'id'), e]));
  const allSm = new Map(codes.filter((e) => isX(e, 'sm')).map((e) => [attr(e, 'id'), e]));
  const openSc = new Map<string, XmlElement>();
  const openSm = new Map<string, XmlElement>();
  const settled = new Set<XmlElement>(); // starts already reported through their end
  const index = new Map(codes.map((e, i) => [e, i]));
  for (const el of codes) {
    const id = attr(el, 'id');
    const ref = attr(el, 'startRef');
    if (isX(el, 'sc') && id !== undefined && attr(el, 'isolated') !== 'yes') openSc.set(id, el);
    else if (isX(el, 'sm') && id !== undefined) openSm.set(id, el);
    else if (isX(el, 'ec')) {
      if (attr(el, 'isolated') === 'yes') {
        if (id === undefined || ref !== undefined) report(el, msg('validate.pairing.isolatedEc', { el: tag(el) }), msg('validate.pairing.isolatedEcHint'));
        continue;
      }
      if (ref === undefined || id !== undefined) report(el, msg('validate.pairing.ecStartRef', { el: tag(el) }), msg('validate.pairing.ecStartRefHint'));
      if (attr(el, 'dir') !== undefined) report(el, msg('validate.pairing.ecDir', { el: tag(el) }));
      if (ref === undefined) continue;
      const sc = openSc.get(ref);
      if (sc) {
        openSc.delete(ref);
        sameEditingHints(sc, el, report);
        continue;
      }
      const later = allSc.get(ref);
      if (later && attr(later, 'isolated') === 'yes') report(later, msg('validate.pairing.isolatedSameUnit', { el: tag(later), id: quote(ref), line: el.line }), msg('validate.pairing.isolatedSameUnitHint'));
      else if (later && index.get(later)! > index.get(el)!) {
        report(el, msg('validate.pairing.ecBeforeSc', { el: tag(el), id: quote(ref), line: later.line, scope: where }), msg('validate.pairing.ecBeforeScHint'));
        settled.add(later);
      } else report(el, msg('validate.pairing.ecNoSc', { el: tag(el), id: quote(ref), scope: where }));
    } else if (isX(el, 'em') && ref !== undefined) {
      if (openSm.delete(ref)) continue;
      const later = allSm.get(ref);
      if (later) {
        report(el, msg('validate.pairing.emBeforeSm', { el: tag(el), id: quote(ref), line: later.line, scope: where }), msg('validate.pairing.emBeforeSmHint'));
        settled.add(later);
      } else report(el, msg('validate.pairing.emNoSm', { el: tag(el), id: quote(ref), scope: where }), msg('validate.pairing.emNoSmHint'));
    }
  }
  for (const sc of openSc.values()) {
    if (!settled.has(sc)) report(sc, msg('validate.pairing.scNoEc', { el: tag(sc), id: quote(attr(sc, 'id')!), scope: where }), msg('validate.pairing.scNoEcHint'));
  }
  for (const sm of openSm.values()) {
    if (!settled.has(sm)) report(sm, msg('validate.pairing.smNoEm', { el: tag(sm), id: quote(attr(sm, 'id')!), scope: where }), msg('validate.pairing.smNoEmHint'));
  }
}

/** A start code and its end code carry the same editing hints (firstNo on the start pairs with no). */
function sameEditingHints(sc: XmlElement, ec: XmlElement, report: Report): void {
  for (const name of YES_DEFAULTS) {
    const a = attr(sc, name) ?? 'yes';
    const b = attr(ec, name) ?? 'yes';
    if (a !== b) report(ec, msg('validate.pairing.hints', { el: tag(ec), name, value: quote(b), line: sc.line, start: quote(a) }), msg('validate.pairing.hintsHint'));
  }
  const start = attr(sc, 'canReorder') ?? 'yes';
  const end = attr(ec, 'canReorder') ?? 'yes';
  if ((start === 'firstNo' ? 'no' : start) !== end) report(ec, msg('validate.pairing.hints', { el: tag(ec), name: 'canReorder', value: quote(end), line: sc.line, start: quote(start) }), msg('validate.pairing.canReorderHint'));
}
