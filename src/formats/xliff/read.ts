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
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { inputError } from '../../core/errors.js';
import type { State } from '../../core/types.js';
import type { ReadFile, ReadUnit, XliffVersion } from './model.js';
import { fromSubState, fromXliff12State, fromXliff2State } from './states.js';
import { stateRank } from '../../core/types.js';

const NS12 = 'urn:oasis:names:tc:xliff:document:1.2';
const NS20 = 'urn:oasis:names:tc:xliff:document:2.0';

interface Seg {
  /** `ignorable` holds text between segments (spaces); it has no state of its own. */
  kind: 'segment' | 'ignorable';
  source: string;
  target?: string;
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
  const parser = new SaxesParser({ xmlns: true, position: true });
  const files: ReadFile[] = [];
  let version: XliffVersion | undefined;
  let ns = '';
  let srcLang = '';
  let trgLang = '';
  let current: ReadFile | undefined;
  let unit: Draft | undefined;
  let seg: Seg | undefined;
  /** Where text goes: 'source' | 'target' | 'note' | 'seg-source' (ignored) | undefined. */
  let sink: 'source' | 'target' | 'note' | 'skip' | undefined;
  let depthInSink = 0;
  let buffer = '';
  const stack: string[] = [];
  const seen = new Set<string>();

  const fail = (message: string, hint?: string): never => {
    throw inputError(message, { file, line: parser.line, column: parser.column + 1 }, hint, 'xliff');
  };

  parser.on('doctype', () =>
    fail('the file declares a DOCTYPE; XLIFF files never need one and Tessera refuses them (entity expansion, external entities)', 'remove the <!DOCTYPE …> declaration, or export the file again from your CAT tool'),
  );
  parser.on('error', (err) => {
    const msg = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    fail(`not well-formed XML: ${msg}`, 'the file was damaged after export; open it in your CAT tool and export it again');
  });

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = tag.local;
    const attr = (n: string): string | undefined => {
      for (const a of Object.values(tag.attributes)) if (a.local === n && (a.uri === '' || a.uri === undefined)) return a.value;
      return undefined;
    };
    const xmlAttr = (n: string): string | undefined => tag.attributes[`xml:${n}`]?.value;
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'xliff') fail(`the root element is <${tag.name}>, not <xliff>`, 'give Tessera an XLIFF 1.2 or 2.x file');
      ns = tag.uri;
      const v = attr('version');
      if (ns === NS12 && v === '1.2') version = '1.2';
      else if (ns === NS20 && (v === '2.0' || v === '2.1')) version = v;
      else fail(`unsupported XLIFF: namespace "${ns}", version "${v ?? ''}"`, 'Tessera reads XLIFF 1.2, 2.0 and 2.1');
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
      // Inline markup inside source/target/note: keep its text, count nesting.
      depthInSink++;
      if (sink !== 'skip' && version === '1.2' && name === 'mrk') return;
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
        if (version !== '1.2' && !current.article) fail('<file> has no id');
        files.push(current);
        return;
      }
      case 'trans-unit':
      case 'unit': {
        if (!current) fail(`<${name}> outside <file>`);
        const id = attr('id');
        if (!id) fail(`<${name}> has no id`, 'every unit needs the id Tessera gave it');
        const key = `${current!.article}\u0000${id}`;
        if (seen.has(key)) fail(`unit id "${id}" appears twice in file "${current!.article}"`);
        seen.add(key);
        unit = { id: id!, line: parser.line, column: parser.column + 1, translate: attr('translate') !== 'no', segs: [], notes: [] };
        const approved = attr('approved');
        if (approved !== undefined) unit.approved = approved;
        return;
      }
      case 'segment':
      case 'ignorable':
        if (!unit) return;
        seg = { kind: name, source: '' };
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
            seg = { kind: 'segment', source: '' };
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
        buffer = '';
        void xmlAttr;
        return;
      case 'note':
        if (!unit) {
          sink = 'skip';
          depthInSink = 0;
          return;
        }
        sink = 'note';
        depthInSink = 0;
        buffer = '';
        return;
      case 'alt-trans':
      case 'originalData':
      case 'mtc:matches':
        sink = 'skip';
        depthInSink = 0;
        return;
      default:
        return;
    }
  });

  parser.on('text', (text) => {
    if (sink && sink !== 'skip') buffer += text;
  });
  parser.on('cdata', (text) => {
    if (sink && sink !== 'skip') buffer += text;
  });

  parser.on('closetag', () => {
    const name = stack.pop();
    if (sink) {
      if (depthInSink > 0) {
        depthInSink--;
        return;
      }
      if (sink === 'source' && seg) seg.source = buffer;
      else if (sink === 'target' && seg) seg.target = buffer;
      else if (sink === 'note' && unit) unit.notes.push(buffer);
      sink = undefined;
      buffer = '';
      return;
    }
    if ((name === 'trans-unit' || name === 'unit') && unit && current) {
      current.units.push(finish(unit, version!));
      unit = undefined;
      seg = undefined;
    } else if (name === 'segment' || name === 'ignorable') {
      seg = undefined;
    } else if (name === 'file') {
      current = undefined;
    }
  });

  parser.write(content).close();
  if (!version) fail('the file is empty or is not XLIFF');
  return files;
}

function finish(d: Draft, version: XliffVersion): ReadUnit {
  const source = d.segs.map((s) => s.source).join('');
  const anyTarget = d.segs.some((s) => s.kind === 'segment' && s.target !== undefined);
  // An ignorable without a target keeps its source (it is whitespace or markup between segments).
  const target = anyTarget ? d.segs.map((s) => s.target ?? (s.kind === 'ignorable' ? s.source : '')).join('') : undefined;
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
      const st = fromXliff2State(s.state ?? 'initial', s.source, s.target);
      if (stateRank(st) < stateRank(state)) state = st;
    }
    if (target === undefined || target.trim() === '') state = 'new';
    provenance = fromSubState(d.segs[0]?.subState);
  }
  const out: ReadUnit = { id: d.id, source, state, translate: d.translate, notes: d.notes, line: d.line, column: d.column };
  if (target !== undefined) out.target = target;
  if (provenance) out.provenance = provenance;
  return out;
}
