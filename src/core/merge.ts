/**
 * Merges one translator's file into a language's data. Pure: returns the new data and a
 * report; the caller decides whether to write. Never loses work:
 *  - a unit whose id the article does not have, or whose source is not the current source
 *    (the article changed since export), is not applied; in the second case its target is
 *    kept as a suggestion;
 *  - an empty target, or a target still equal to the source with no state saying it was
 *    translated, is not applied;
 *  - a reviewed or final translation is never replaced by a different one without `force`;
 *  - applying the same file twice changes nothing, and a file never lowers a state.
 */
import { normaliseForId } from './ids.js';
import { applyCodes, encodeInline, partsKey } from '../formats/inline.js';
import type { LocaleData } from './reconcile.js';
import { diagnostic, msg } from './errors.js';
import { stateRank, type Diagnostic, type Doc, type Message } from './types.js';
import type { ReadUnit } from '../formats/xliff/model.js';

/**
 * Units reported one by one, per rule, in one merge; past that they are counted in one line
 * per rule (a file sent back with 100,000 empty targets says so in a line, not 100,000).
 */
export const UNITS_SHOWN = 20;

export interface MergeReport {
  applied: number;
  unchanged: number;
  skipped: number;
  /** Units the file marks as not to be translated, left as they are. */
  ignored: number;
  diagnostics: Diagnostic[];
}

export function mergeUnits(
  doc: Doc,
  data: LocaleData,
  units: readonly ReadUnit[],
  options: { force?: boolean; file: string },
): { data: LocaleData; report: MergeReport } {
  const merger = new Merger(doc, data, options);
  for (const u of units) merger.add(u);
  return merger.finish();
}

/** `mergeUnits` one unit at a time, for a reader that streams them (import). */
export class Merger {
  private readonly byId: Map<string, Doc['segments'][number]>;
  private readonly resources: Record<string, string>;
  private readonly states: LocaleData['units'];
  private readonly report: MergeReport = { applied: 0, unchanged: 0, skipped: 0, ignored: 0, diagnostics: [] };
  /** Ids whose translation this merge changed, in the order the units came. */
  readonly changed: string[] = [];
  /** Units reported per rule, with the severity of the rule's reports. */
  private readonly reported = new Map<string, { count: number; severity: Diagnostic['severity'] }>();

  /**
   * `owned`: the caller hands `data` over and will not use it again, so it is updated in
   * place instead of copied (import: a 100,000-unit file need not hold its data twice).
   */
  constructor(
    private readonly doc: Doc,
    private readonly data: LocaleData,
    private readonly options: { force?: boolean; file: string; owned?: boolean },
  ) {
    this.byId = new Map(doc.segments.map((s) => [s.id, s]));
    this.resources = options.owned ? data.resources : { ...data.resources };
    this.states = options.owned ? data.units : { ...data.units };
  }

  add(u: ReadUnit): void {
    const { byId, resources, states, report, options } = this;
    const skip = (u: ReadUnit, rule: string, message: Message, hint?: Message): void => {
      report.skipped++;
      this.note(u, 'warning', rule, message, hint);
    };
    const seg = byId.get(u.id);
    if (!seg) {
      skip(u, 'unknown-id', msg('merge.unknownId'), msg('merge.unknownIdHint'));
      return;
    }
    if (!seg.translate || !u.translate) {
      report.ignored++;
      return;
    }
    const codes = encodeInline(seg.source);
    // With the file's code structure, compare text and codes (kind and id); a unit built by
    // hand is plain text.
    const [mine, theirs] = u.sourceParts ? [partsKey(codes), partsKey(u.sourceParts)] : [seg.source, u.source];
    // Equal strings normalise alike: the normalisation is only needed when they differ.
    const sameSource = mine === theirs || normaliseForId(mine) === normaliseForId(theirs);
    if (!sameSource) {
      const current = states[u.id];
      if (u.target !== undefined && u.target.trim() !== '' && (!current || stateRank(current.state) === 0)) {
        states[u.id] = { state: 'stale', provenance: u.provenance ?? 'human', suggestion: u.target, previousSource: u.source };
      }
      skip(u, 'source-changed', msg('merge.sourceChanged'), msg('merge.sourceChangedHint'));
      return;
    }
    if (u.target === undefined || u.target.trim() === '') {
      skip(u, 'empty-target', msg('merge.emptyTarget'), msg('merge.emptyTargetHint'));
      return;
    }
    if (u.state === 'new' || u.state === 'stale') {
      skip(u, 'untranslated', msg('merge.untranslated'), msg('merge.untranslatedHint'));
      return;
    }
    // The translation's Markdown: the translator's text with OUR codes set back in.
    const applied = applyCodes(codes, u.targetParts ?? [u.target]);
    if ('problem' in applied) {
      skip(u, applied.problem.rule, applied.problem.message, msg('merge.codesHint'));
      return;
    }
    const target = applied.text;
    const existing = resources[u.id];
    const current = states[u.id];
    const notes = u.notes.length > 0 ? { notes: [...u.notes] } : {};
    if (existing === target) {
      const newNotes = u.notes.length > 0 && JSON.stringify(current?.notes ?? []) !== JSON.stringify(u.notes);
      if (current && (stateRank(u.state) > stateRank(current.state) || newNotes)) {
        states[u.id] = { ...current, state: stateRank(u.state) > stateRank(current.state) ? u.state : current.state, ...notes };
        report.applied++;
      } else report.unchanged++;
      return;
    }
    if (existing !== undefined && current && stateRank(current.state) >= stateRank('reviewed') && !options.force) {
      report.skipped++;
      this.note(u, 'error', 'conflict', msg(`merge.conflict.${current.state}`), msg('merge.conflictHint', { existing, target }));
      return;
    }
    resources[u.id] = target;
    this.changed.push(u.id);
    // The translator's notes travel with the translation (Tessera's own context notes are not kept).
    states[u.id] = { state: u.state, provenance: u.provenance ?? 'human', ...notes };
    report.applied++;
  }

  /** Reports a unit not applied: the first UNITS_SHOWN of each rule one by one, the rest counted. */
  private note(u: ReadUnit, severity: Diagnostic['severity'], rule: string, message: Message, hint?: Message): void {
    const seen = this.reported.get(rule) ?? { count: 0, severity };
    this.reported.set(rule, seen);
    if (++seen.count > UNITS_SHOWN) return;
    this.report.diagnostics.push(diagnostic(severity, rule, msg('merge.unit', { id: u.id, message }), { file: this.options.file, line: u.line, column: u.column }, hint));
  }

  finish(): { data: LocaleData; report: MergeReport } {
    const { doc, data, resources, states, report } = this;
    for (const [rule, { count, severity }] of this.reported) {
      if (count > UNITS_SHOWN) report.diagnostics.push(diagnostic(severity, rule, msg('merge.more', { count: count - UNITS_SHOWN, rule }), { file: this.options.file }, msg('merge.moreHint', { shown: UNITS_SHOWN })));
    }
    // Keep document order. Most merges only replace values (a file re-imported, or units that
    // come in the article's order), and the maps are used as they are: a 100,000-unit file
    // need not hold its data twice.
    if (inOrder(resources, doc) && inOrder(states, doc)) return { data: { resources, units: states, retired: data.retired }, report };
    const ordered: LocaleData = { resources: {}, units: {}, retired: data.retired };
    for (const s of doc.segments) {
      const t = resources[s.id];
      if (t !== undefined) ordered.resources[s.id] = t;
      const u = states[s.id];
      if (u !== undefined) ordered.units[s.id] = u;
    }
    return { data: ordered, report };
  }
}

/** Whether the keys of `map` are ids of `doc`'s segments, in the document's order. */
function inOrder(map: Record<string, unknown>, doc: Doc): boolean {
  let i = 0;
  const segments = doc.segments;
  for (const id in map) {
    while (i < segments.length && segments[i]!.id !== id) i++;
    if (i === segments.length) return false;
    i++;
  }
  return true;
}
