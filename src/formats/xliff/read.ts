/**
 * XLIFF 1.2 / 2.0 / 2.1 reader built on saxes, a strict, non-validating, streaming XML parser
 * that never fetches or expands external entities.
 *
 * Why not the `xliff` package's xliff12ToJs / xliff2js: they drop `target/@state` and segment
 * `state`, keep only the last segment of a unit, and report no line numbers. This reader keeps
 * all of that; the package still maps the result onto i18next resources (see io/exchange.ts).
 *
 * Refused outright (InputError naming file, line and column): text that is not well-formed
 * XML, any DOCTYPE (no entity expansion attacks: XXE, billion laughs), a root that is not an
 * XLIFF 1.2 or 2.x document, units without ids, duplicate unit ids in one file.
 */
import type { SaxesParser, SaxesTagNS } from 'saxes';
import { listen, own, xmlParser } from './validate-xml.js';
import { inputError, msg } from '../../core/errors.js';
import type { Message, State } from '../../core/types.js';
import type { ReadFile, ReadUnit, XliffVersion } from './model.js';
import { fromSubState, fromXliff12State, fromXliff2State } from './states.js';
import { stateRank } from '../../core/types.js';
import { merge as mergeText, partsDisplay, type TargetPart } from '../inline.js';

const NS12 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS20 = 'urn:oasis:names:tc:xliff:document:2.0';

interface Seg {
  /** `ignorable` holds text between segments (spaces); it has no state of its own. */
  kind: 'segment' | 'ignorable';
  source: TargetPart[];
  target?: TargetPart[];
  state?: string;
  subState?: string;
}

interface Draft {
  id: string;
  line: number;
  column: number;
  translate: boolean;
  approved?: string;
  targetState?: string;
  stateQualifier?: string;
  segs: Seg[];
  notes: string[];
}

export function readXliff(content: string, file: string): ReadFile[] {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const parser = xmlParser();
  const reader = xliffReader(parser, file);
  listen(parser, reader.handlers);
  parser.write(content).close();
  return reader.end();
}

/** Where a reader's results go; by default each unit is kept in its file's `units`. */
export interface ReadSink {
  /** A <file> starts: its languages and article are known, no unit yet. */
  file?(f: ReadFile): void;
  /** A unit is complete (not kept in `f.units` when this is given). */
  unit?(f: ReadFile, u: ReadUnit): void;
}

/**
 * The reader as saxes handlers, for a parser shared with the validator (import reads and
 * checks a file in one pass). `end()`, after the parser closed, returns the files read.
 */
export function xliffReader(parser: SaxesParser<{ xmlns: true; position: true }>, file: string, out: ReadSink = {}): { handlers: Record<string, (arg: never) => void>; end(): ReadFile[] } {
  const files: ReadFile[] = [];
  let version: XliffVersion | undefined;
  let ns = '';
  let srcLang = '';
  let trgLang = '';
  let current: ReadFile | undefined;
  let unit: Draft | undefined;
  let seg: Seg | undefined;
  /** Where text goes: 'source' | 'target' | 'note' | 'seg-source' (ignored) | undefined. */
  let sink: 'source' | 'target' | 'note' | 'data' | 'skip' | undefined;
  let depthInSink = 0;
  let buffer = '';
  let ownNote = false;
  /** Source or target content: text runs and inline codes (see formats/inline.ts). */
  let parts: TargetPart[] = [];
  /** Open inline elements inside source/target: what to emit when each closes, and whether its content is native code (not text). */
  const inline: { close?: TargetPart; mute: boolean; data?: { data?: string } }[] = [];
  /** 2.x originalData of the current unit: data id → text. */
  let originalData = new Map<string, string>();
  let dataId: string | undefined;
  const muted = (): boolean => inline.some((i) => i.mute);
  const stack: string[] = [];
  /** Unit ids met so far, per article (each held once, as the unit's own id). */
  const seen = new Map<string, Set<string>>();

  const fail = (message: Message, hint?: Message): never => {
    throw inputError(message, { file, line: parser.line, column: parser.column + 1 }, hint, 'xliff');
  };

  const handlers: Record<string, (arg: never) => void> = {};
  const on = <T>(name: string, fn: (arg: T) => void): void => void (handlers[name] = fn as (arg: never) => void);
  on('doctype', () =>
    fail(msg('errors.xliff.doctype'), msg('errors.xliff.doctypeHint')),
  );
  on('error', (err: Error) => {
    const detail = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    fail(msg('errors.xml.notWellFormed', { detail }), msg('errors.xliff.damaged'));
  });

  on('opentag', (tag: SaxesTagNS) => {
    const name = tag.local;
    const attr = (n: string): string | undefined => {
      for (const k in tag.attributes) {
        const a = tag.attributes[k]!;
        if (a.local === n && (a.uri === '' || a.uri === undefined)) return a.value;
      }
      return undefined;
    };
    const xmlAttr = (n: string): string | undefined => tag.attributes[`xml:${n}`]?.value;
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'xliff') fail(msg('errors.xliff.root', { name: tag.name }), msg('errors.xliff.rootHint'));
      ns = tag.uri;
      const v = attr('version');
      if (ns === NS12 && v === '1.2') version = '1.2';
      else if (ns === NS20 && (v === '2.0' || v === '2.1')) version = v;
      else fail(msg('errors.xliff.unsupported', { namespace: ns, version: v ?? '' }), msg('errors.xliff.unsupportedHint'));
      srcLang = attr('srcLang') ?? '';
      trgLang = attr('trgLang') ?? '';
      return;
    }
    if (tag.uri !== ns) {
      // Extension elements (other namespaces: Trados sdl:, mda:, mtc:…) carry nothing we
      // import; everything inside them is skipped. Inside source/target they nest like any
      // inline element.
      if (sink === undefined) {
        sink = 'skip';
        depthInSink = 0;
      } else depthInSink++;
      return;
    }
    if (sink) {
      depthInSink++;
      if (sink === 'source' || sink === 'target') {
        let last: { data?: string } | undefined;
        const code = (kind: 'ph' | 'open' | 'close', id: string | undefined, dataRef?: string): void => {
          if (muted() || id === undefined) return;
          const c: { kind: typeof kind; id: string; data?: string } = { kind, id };
          if (dataRef !== undefined && originalData.has(dataRef)) c.data = originalData.get(dataRef)!;
          parts.push(c);
          last = c;
        };
        const id = attr('id');
        const rid = attr('rid') ?? id;
        let entry: { close?: TargetPart; mute: boolean } = { mute: false };
        if (version === '1.2') {
          // ph/it/x/bpt/ept/bx/ex hold (or stand for) native code; g pairs around text;
          // mrk (incl. mtype="seg") is transparent; sub's content is not ours to import.
          // Their content is the code's own text, kept as its data.
          if (name === 'ph' || name === 'it' || name === 'x') (code('ph', id), (entry = { mute: true, ...(last ? { data: last } : {}) }));
          else if (name === 'bpt' || name === 'bx') (code('open', rid), (entry = { mute: true, ...(last ? { data: last } : {}) }));
          else if (name === 'ept' || name === 'ex') (code('close', rid), (entry = { mute: true, ...(last ? { data: last } : {}) }));
          else if (name === 'g') (code('open', id), (entry = { close: { kind: 'close', id: id ?? '' }, mute: false }));
          else if (name === 'sub') entry = { mute: true };
        } else {
          if (name === 'ph') (code('ph', id, attr('dataRef')), (entry = { mute: true }));
          else if (name === 'pc') {
            code('open', id, attr('dataRefStart'));
            const end = attr('dataRefEnd');
            const close: { kind: 'close'; id: string; data?: string } = { kind: 'close', id: id ?? '' };
            if (end !== undefined && originalData.has(end)) close.data = originalData.get(end)!;
            entry = { close, mute: false };
          } else if (name === 'sc') (code('open', id, attr('dataRef')), (entry = { mute: true }));
          else if (name === 'ec') (code('close', attr('startRef') ?? id, attr('dataRef')), (entry = { mute: true }));
          else if (name === 'cp') {
            const hex = attr('hex');
            if (hex && !muted()) parts.push(String.fromCodePoint(Number.parseInt(hex, 16)));
            entry = { mute: true };
          }
        }
        if (entry.close && muted()) delete entry.close;
        inline.push(entry);
      }
      return;
    }
    switch (name) {
      case 'file': {
        const article = version === '1.2' ? attr('original') : attr('id');
        current = {
          version: version!,
          article: article ?? '',
          sourceLang: version === '1.2' ? attr('source-language') ?? '' : srcLang,
          targetLang: version === '1.2' ? attr('target-language') ?? '' : trgLang,
          units: [],
          line: parser.line,
          column: parser.column + 1,
        };
        if (version !== '1.2' && !current.article) fail(msg('errors.xliff.fileNoId'));
        files.push(current);
        out.file?.(current);
        return;
      }
      case 'trans-unit':
      case 'unit': {
        if (!current) fail(msg('errors.xliff.outsideFile', { name }));
        const id = attr('id');
        if (!id) fail(msg('errors.xliff.unitNoId', { name }), msg('errors.xliff.unitNoIdHint'));
        let ids = seen.get(current!.article);
        if (!ids) seen.set(current!.article, (ids = new Set()));
        if (ids.has(id!)) fail(msg('errors.xliff.unitTwice', { id, article: current!.article }));
        unit = { id: own(id!), line: parser.line, column: parser.column + 1, translate: attr('translate') !== 'no', segs: [], notes: [] };
        ids.add(unit.id);
        originalData = new Map();
        const approved = attr('approved');
        if (approved !== undefined) unit.approved = approved;
        return;
      }
      case 'segment':
      case 'ignorable':
        if (!unit) return;
        seg = { kind: name, source: [] };
        if (name === 'segment') {
          const st = attr('state');
          if (st !== undefined) seg.state = st;
          const sub = attr('subState');
          if (sub !== undefined) seg.subState = sub;
        }
        unit.segs.push(seg);
        return;
      case 'seg-source':
        sink = 'skip';
        depthInSink = 0;
        return;
      case 'source':
      case 'target':
        if (!unit) return;
        if (version === '1.2') {
          if (!seg) {
            seg = { kind: 'segment', source: [] };
            unit.segs.push(seg);
          }
          if (name === 'target') {
            const st = attr('state');
            if (st !== undefined) unit.targetState = st;
            const q = attr('state-qualifier');
            if (q !== undefined) unit.stateQualifier = q;
          }
        }
        if (!seg) return;
        sink = name;
        depthInSink = 0;
        parts = [];
        inline.length = 0;
        void xmlAttr;
        return;
      case 'note':
        if (!unit) {
          sink = 'skip';
          depthInSink = 0;
          return;
        }
        // Tessera's own context notes (from="tessera", category="context") are not the
        // translator's; theirs are kept.
        ownNote = attr('from') === 'tessera' || attr('category') === 'context';
        sink = 'note';
        depthInSink = 0;
        buffer = '';
        return;
      case 'data':
        if (!unit || version === '1.2') return;
        dataId = attr('id');
        if (dataId !== undefined) originalData.set(dataId, '');
        sink = 'data';
        depthInSink = 0;
        return;
      case 'alt-trans':
      case 'mtc:matches':
        sink = 'skip';
        depthInSink = 0;
        return;
      default:
        return;
    }
  });

  const onText = (chunk: string): void => {
    if (sink === undefined || sink === 'skip') return;
    const text = own(chunk); // units outlive the parser's chunks
    if (sink === 'note') buffer += text;
    else if (sink === 'data' && dataId !== undefined) originalData.set(dataId, (originalData.get(dataId) ?? '') + text);
    else if ((sink === 'source' || sink === 'target') && muted()) {
      // Native code inside ph/bpt/ept: the text of the innermost code that is collecting.
      const holder = [...inline].reverse().find((i) => i.data)?.data;
      if (holder) holder.data = (holder.data ?? '') + text;
    }
    else if ((sink === 'source' || sink === 'target') && !muted()) {
      if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += text;
      else parts.push(text);
    }
  };
  on('text', onText);
  on('cdata', onText);

  on('closetag', () => {
    const name = stack.pop();
    if (sink) {
      if (depthInSink > 0) {
        depthInSink--;
        if (sink === 'source' || sink === 'target') {
          const entry = inline.pop();
          if (entry?.close) parts.push(entry.close);
        }
        return;
      }
      if (sink === 'source' && seg) seg.source = parts;
      else if (sink === 'target' && seg) seg.target = parts;
      else if (sink === 'note' && unit && !ownNote && buffer.trim() !== '') unit.notes.push(buffer);
      sink = undefined;
      buffer = '';
      return;
    }
    if ((name === 'trans-unit' || name === 'unit') && unit && current) {
      const done = finish(unit, version!);
      if (out.unit) out.unit(current, done);
      else current.units.push(done);
      unit = undefined;
      seg = undefined;
    } else if (name === 'segment' || name === 'ignorable') {
      seg = undefined;
    } else if (name === 'file') {
      current = undefined;
    }
  });

  return {
    handlers,
    end: () => {
      if (!version) fail(msg('errors.xliff.empty'));
      return files;
    },
  };
}

function finish(d: Draft, version: XliffVersion): ReadUnit {
  const sourceParts = d.segs.flatMap((s) => s.source);
  const anyTarget = d.segs.some((s) => s.kind === 'segment' && s.target !== undefined);
  // An ignorable without a target keeps its source (it is whitespace or markup between segments).
  const targetParts = anyTarget ? d.segs.flatMap((s) => s.target ?? (s.kind === 'ignorable' ? s.source : [])) : undefined;
  const source = partsDisplay(sourceParts);
  const target = targetParts ? partsDisplay(targetParts) : undefined;
  let state: State;
  let provenance = undefined as ReadUnit['provenance'];
  if (version === '1.2') {
    state = fromXliff12State({ state: d.targetState, approved: d.approved }, source, target);
    if (d.stateQualifier === 'x-human') provenance = 'human';
    else if (d.stateQualifier === 'exact-match' || d.stateQualifier === 'fuzzy-match' || d.stateQualifier === 'leveraged-tm') provenance = 'tm';
    else if (d.stateQualifier === 'mt-suggestion' || d.stateQualifier === 'leveraged-mt') provenance = 'mt';
    else if (d.stateQualifier === 'x-pseudo') provenance = 'pseudo';
  } else {
    // A unit is as far along as its least advanced segment; a segment without a state is
    // `initial` (XLIFF 2's default) and one without a target is not translated at all.
    // Ignorables have no state and do not count.
    state = 'final';
    for (const s of d.segs) {
      if (s.kind !== 'segment') continue;
      const st = fromXliff2State(s.state ?? 'initial', partsDisplay(s.source), s.target ? partsDisplay(s.target) : undefined);
      if (stateRank(st) < stateRank(state)) state = st;
    }
    if (target === undefined || target.trim() === '') state = 'new';
    provenance = fromSubState(d.segs[0]?.subState);
  }
  const out: ReadUnit = { id: d.id, source, sourceParts: mergeText(sourceParts), state, translate: d.translate, notes: d.notes, line: d.line, column: d.column };
  if (target !== undefined && targetParts) {
    out.target = target;
    out.targetParts = mergeText(targetParts);
  }
  if (provenance) out.provenance = provenance;
  return out;
}
