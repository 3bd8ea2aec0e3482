/**
 * The persisted files under `locales/`, as pure codecs:
 *  - `locales/<lang>/<slug>.json` — i18next JSON v4 resources, one namespace per article:
 *    flat `{ "<segment id>": "<sentence>" }` in document order (ids contain no `.` or `:`, so
 *    i18next's key and namespace separators never split them).
 *  - `locales/<lang>/<slug>.state.json` — per-segment state and provenance for a target
 *    language, plus retired translations. Segments not listed are `new`.
 * Deterministic: document order, two-space indent, LF, final newline. One file per article and
 * language, so two people importing different articles never touch the same file.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { inputError, msg } from '../core/errors.js';
import { objectJsonPieces, stableJson } from '../core/json.js';
import { PROVENANCES, STATES, type Unit } from '../core/types.js';
import type { LocaleData } from '../core/reconcile.js';

export const STATE_FORMAT = 'tessera-state/1';
const STATE_SET = new Set<string>(STATES);
const PROVENANCE_SET = new Set<string>(PROVENANCES);

/** A file's name for messages, or a function that works it out (only on error). */
export type FileLabel = string | (() => string);
const nameOf = (file: FileLabel): string => (typeof file === 'string' ? file : file());

export function parseJsonFile(content: string, label: FileLabel): unknown {
  try {
    return JSON.parse(content);
  } catch {
    const file = nameOf(label);
    // JSON.parse's messages carry no position on every Node version; jsonc-parser (VS Code's)
    // reports the offset of the first error.
    const errors: ParseError[] = [];
    parseTree(content, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    const offset = e?.offset ?? 0;
    const before = content.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const what = e ? printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'unexpected content';
    throw inputError(msg('errors.json.invalid', { detail: what }), { file, line, column }, msg('errors.json.invalidHint'), 'json');
  }
}

export function parseResources(content: string, label: FileLabel): Record<string, string> {
  const data = parseJsonFile(content, label);
  const file = (): string => nameOf(label);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw inputError(msg('errors.resources.notObject'), { file: file() }, undefined, 'resources');
  for (const k in data) {
    if (typeof (data as Record<string, unknown>)[k] !== 'string') throw inputError(msg('errors.resources.notString', { key: k }), { file: file() }, msg('errors.resources.notStringHint'), 'resources');
  }
  return data as Record<string, string>;
}

export function serializeResources(resources: Record<string, string>): string {
  return stableJson(resources);
}

/** `serializeResources` in pieces, for `FileTransaction.writePieces`. */
export function* resourcesPieces(resources: Record<string, string>): Generator<string> {
  yield* objectJsonPieces(resources);
  yield '\n';
}

interface StateFile {
  format: string;
  segments: Record<string, Unit>;
  retired?: Record<string, { source: string; target: string }>;
}

export function parseState(content: string, label: FileLabel): Pick<LocaleData, 'units' | 'retired'> {
  const data = parseJsonFile(content, label) as Partial<StateFile> | null;
  const file = (): string => nameOf(label);
  if (!data || typeof data !== 'object' || data.format !== STATE_FORMAT || typeof data.segments !== 'object' || data.segments === null) {
    throw inputError(msg('errors.state.notStateFile', { format: STATE_FORMAT }), { file: file() }, msg('errors.restoreFromGit'), 'state');
  }
  for (const id in data.segments) {
    const u = data.segments[id];
    if (!u || !STATE_SET.has(u.state)) throw inputError(msg('errors.state.unknownState', { id, state: String(u?.state) }), { file: file() }, msg('errors.state.states', { list: [...STATES] }), 'state');
    if (u.provenance !== undefined && !PROVENANCE_SET.has(u.provenance)) {
      throw inputError(msg('errors.state.unknownProvenance', { id, provenance: String(u.provenance) }), { file: file() }, msg('errors.state.provenances', { list: [...PROVENANCES] }), 'state');
    }
  }
  return { units: data.segments, retired: data.retired ?? {} };
}

export function serializeState(data: Pick<LocaleData, 'units' | 'retired'>): string {
  return [...statePieces(data)].join('');
}

/** A segment's entry in the state file, with its keys in a fixed order. */
function stateEntry(u: Unit): Unit {
  const e: Unit = { state: u.state };
  if (u.provenance) e.provenance = u.provenance;
  if (u.suggestion !== undefined) e.suggestion = u.suggestion;
  if (u.previousSource !== undefined) e.previousSource = u.previousSource;
  if (u.notes && u.notes.length > 0) e.notes = u.notes;
  return e;
}

/**
 * The state file (`StateFile`, as `stableJson` writes it) in pieces, for
 * `FileTransaction.writePieces`: each entry is made as its piece is, not all at once.
 */
export function* statePieces(data: Pick<LocaleData, 'units' | 'retired'>): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(STATE_FORMAT)},\n  "segments": `;
  yield* objectJsonPieces(data.units, 1, stateEntry);
  if (Object.keys(data.retired).length > 0) {
    yield ',\n  "retired": ';
    yield* objectJsonPieces(data.retired, 1);
  }
  yield '\n}\n';
}

