/**
 * The `unique-ids` rule: every id XLIFF declares is unique within its scope. XML Schema can
 * say this for 1.2 (xsd:key) but the 2.x schemas do not, and most tools key their data on
 * these ids, so a duplicate silently loses a unit, a note or an inline code.
 *
 * XLIFF 2's inline codes share one scope with the segments and ignorables of their unit; a
 * code in a target reuses the id of its counterpart in the sibling source, or has an id no
 * other element of the unit uses.
 */
import { msg, NS_XLIFF12, NS_XLIFF2, quote, tag, type Report, type Rule, type Text } from './validate-rule.js';
import { NS_MTC } from './validate-schema2.js';
import { attr, descendants, type XmlElement } from './validate-xml.js';

const is = (el: XmlElement, ns: string, ...locals: string[]): boolean => el.uri === ns && locals.includes(el.local);

/** Reports every element whose id an earlier one of `els` already has. */
export function unique(els: Iterable<XmlElement>, scope: Text, report: Report, seen = new Map<string, XmlElement>()): Map<string, XmlElement> {
  for (const el of els) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) report(el, msg('validate.ids.twice', { id: quote(id), scope, first: tag(first), line: first.line }), msg('validate.ids.twiceHint'));
    else seen.set(id, el);
  }
  return seen;
}

const childrenNamed = (el: XmlElement, ns: string, ...locals: string[]): XmlElement[] => el.children.filter((c) => is(c, ns, ...locals));

/**
 * Inline codes of one unit (or one translation candidate): `parts` are its segments and
 * ignorables (or the candidate itself), each holding a source and maybe a target.
 */
function inlineIds(parts: XmlElement[], scope: Text, report: Report): void {
  const inline = (holder: XmlElement | undefined): XmlElement[] => (holder ? descendants(holder).filter((e) => e.uri === NS_XLIFF2 && attr(e, 'id') !== undefined) : []);
  const sourceIds = new Map<string, XmlElement>();
  for (const part of parts) {
    if (is(part, NS_XLIFF2, 'segment', 'ignorable')) unique([part], scope, report, sourceIds);
    unique(inline(sourceOf(part)), scope, report, sourceIds);
  }
  const targetIds = new Map<string, XmlElement>();
  for (const part of parts) {
    const source = inline(sourceOf(part));
    for (const el of inline(targetOf(part))) {
      const id = attr(el, 'id')!;
      const again = targetIds.get(id);
      const counterpart = source.find((s) => s.local === el.local && attr(s, 'id') === id);
      const clash = sourceIds.get(id);
      if (again) report(el, msg('validate.ids.twiceInTargets', { id: quote(id), scope, first: tag(again), line: again.line }), msg('validate.ids.twiceInTargetsHint'));
      else if (!counterpart && clash) {
        report(el, msg('validate.ids.targetClash', { el: tag(el), id: quote(id), other: tag(clash), line: clash.line }), msg('validate.ids.targetClashHint'));
      }
      if (!again) targetIds.set(id, el);
    }
  }
}

const sourceOf = (part: XmlElement): XmlElement | undefined => part.children.find((c) => is(c, NS_XLIFF2, 'source'));
const targetOf = (part: XmlElement): XmlElement | undefined => part.children.find((c) => is(c, NS_XLIFF2, 'target'));

/**
 * With `fileScoped` false, unit and group ids are left out: the windowed validator checks them
 * as elements arrive (validate-window.ts), since it never holds a whole <file>.
 */
export function uniqueIds2Rule(fileScoped = true): Rule {
  return { id: 'unique-ids', check: (root, report) => check2(root, report, fileScoped) };
}

export const uniqueIds2 = uniqueIds2Rule();

function check2(root: XmlElement, report: Report, fileScoped: boolean): void {
  const files = childrenNamed(root, NS_XLIFF2, 'file');
  unique(files, tag(root), report);
  for (const file of files) {
    const all = descendants(file);
    const where = msg('validate.scope.file', { id: quote(attr(file, 'id') ?? '') });
    if (fileScoped) {
      unique(all.filter((e) => is(e, NS_XLIFF2, 'group')), msg('validate.scope.groups', { file: where }), report);
      unique(all.filter((e) => is(e, NS_XLIFF2, 'unit')), msg('validate.scope.units', { file: where }), report);
    }
    for (const el of all) {
      if (is(el, NS_XLIFF2, 'notes')) unique(childrenNamed(el, NS_XLIFF2, 'note'), msg('validate.scope.one', { el: '<notes>' }), report);
      else if (is(el, NS_XLIFF2, 'originalData')) unique(childrenNamed(el, NS_XLIFF2, 'data'), msg('validate.scope.one', { el: '<originalData>' }), report);
      else if (is(el, NS_XLIFF2, 'unit')) inlineIds(childrenNamed(el, NS_XLIFF2, 'segment', 'ignorable'), msg('validate.scope.unit', { id: quote(attr(el, 'id') ?? '') }), report);
      else if (is(el, NS_MTC, 'match')) inlineIds([el], msg('validate.scope.candidate', { line: el.line }), report);
    }
  }
}

export const uniqueIds12: Rule = {
  id: 'unique-ids',
  check(root, report) {
    for (const file of childrenNamed(root, NS_XLIFF12, 'file')) {
      const all = descendants(file);
      const where = msg('validate.scope.file', { id: quote(attr(file, 'original') ?? '') });
      // The strict schema's keys: K_unit_id (trans-unit and bin-unit together) and U_group_id.
      unique(all.filter((e) => is(e, NS_XLIFF12, 'trans-unit', 'bin-unit')), msg('validate.scope.units', { file: where }), report);
      unique(all.filter((e) => is(e, NS_XLIFF12, 'group')), msg('validate.scope.groups', { file: where }), report);
    }
  },
};
