/**
 * The `references` rule for XLIFF 1.2: the strict schema's keys and key references within a
 * <file> (tool-id → <tool>, phase-name → <phase>, seg-source <mrk mid>, bpt/ept and bx/ex rid),
 * which xmllint enforces and tools rely on to find what an attribute names.
 */
import { msg, NS_XLIFF12, quote, tag, type Report, type Rule, type Text } from './validate-rule.js';
import { attr, descendants, type XmlElement } from './validate-xml.js';

const is = (el: XmlElement, ...locals: string[]): boolean => el.uri === NS_XLIFF12 && locals.includes(el.local);
const kids = (el: XmlElement | undefined, ...locals: string[]): XmlElement[] => el?.children.filter((c) => is(c, ...locals)) ?? [];

/** `els` must carry `name` with values no other of them has (nor any in `seen`); returns the values. */
export function key(els: XmlElement[], name: string, what: Text, report: Report, seen = new Map<string, XmlElement>()): Set<string> {
  for (const el of els) {
    const v = attr(el, name);
    if (v === undefined) continue;
    const first = seen.get(v);
    if (first) report(el, msg('validate.refs.keyTwice', { name, value: quote(v), what, first: tag(first), line: first.line }));
    else seen.set(v, el);
  }
  return new Set(seen.keys());
}

function keyref(els: XmlElement[], name: string, keys: Set<string>, target: Text, report: Report): void {
  for (const el of els) {
    const v = attr(el, name);
    if (v !== undefined && !keys.has(v)) report(el, msg('validate.refs.undeclared', { el: tag(el), name, value: quote(v), target }), msg('validate.refs.undeclaredHint', { name }));
  }
}

/** The file-wide keys: names no two elements of a kind share anywhere in a <file>. */
export const FILE_KEYS_12 = [
  ['count-group', 'name'],
  ['context-group', 'name'],
  ['external-file', 'uid'],
] as const;

/**
 * With `fileKeys` false the file-wide keys are left out: the windowed validator checks them
 * as elements arrive (validate-window.ts), since it never holds a whole <file>.
 */
export function references12Rule(fileKeys = true): Rule {
  return { id: 'references', check: (root, report) => check(root, report, fileKeys) };
}

export const references12 = references12Rule();

function check(root: XmlElement, report: Report, fileKeys: boolean): void {
for (const file of kids(root, 'file')) {
    const all = descendants(file);
    const header = kids(file, 'header')[0];
    const phases = kids(kids(header, 'phase-group')[0], 'phase');
    const tools = key(kids(header, 'tool'), 'tool-id', msg('validate.scope.elements', { el: '<tool>' }), report);
    const phaseNames = key(phases, 'phase-name', msg('validate.scope.elements', { el: '<phase>' }), report);
    if (fileKeys) for (const [local, name] of FILE_KEYS_12) key(all.filter((e) => is(e, local)), name, msg('validate.scope.elements', { el: `<${local}>` }), report);
    const toolTarget = msg('validate.scope.inHeader', { el: '<tool tool-id>' });
    keyref([file, ...phases, ...all.filter((e) => is(e, 'alt-trans') && is(e.parent!, 'trans-unit'))], 'tool-id', tools, toolTarget, report);
    keyref(all.filter((e) => is(e, 'count', 'trans-unit', 'target')), 'phase-name', phaseNames, msg('validate.scope.inHeader', { el: '<phase phase-name>' }), report);
    for (const unit of all.filter((e) => is(e, 'trans-unit', 'alt-trans'))) {
      const segSource = kids(unit, 'seg-source')[0];
      const referrers = [...kids(kids(unit, 'target')[0], 'mrk'), ...(is(unit, 'trans-unit') ? kids(unit, 'alt-trans') : [])];
      if (!segSource && referrers.length === 0) continue; // the common case, and nothing to check
      const mids = key(kids(segSource, 'mrk'), 'mid', msg('validate.scope.segSourceSegments'), report);
      keyref(referrers, 'mid', mids, msg('validate.scope.segSourceSegment'), report);
    }
    for (const holder of all) {
      // Most holders have no child element, so no code to pair.
      if (holder.children.length === 0 || !is(holder, 'source', 'seg-source', 'target')) continue;
      const inside = descendants(holder);
      for (const [start, end] of [['bpt', 'ept'], ['bx', 'ex']] as const) {
        const rids = key(inside.filter((e) => is(e, start)), 'rid', msg('validate.scope.codesOf', { el: `<${start}>`, holder: tag(holder) }), report);
        keyref(inside.filter((e) => is(e, end)), 'rid', rids, msg('validate.scope.inSame', { el: `<${start} rid>`, holder: tag(holder) }), report);
      }
    }
  }
}
