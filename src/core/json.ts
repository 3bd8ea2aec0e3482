/** Deterministic JSON: two-space indent, LF, final newline; key order as given by the caller. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Elements per piece of `stableJsonPieces`. */
const ELEMENTS_PER_PIECE = 200;
/** How JSON.stringify(…, null, 2) begins a one-letter member, an array in it, and ends that array. */
const IN_MEMBER = '{\n  "a": ';
const IN_ARRAY = `${IN_MEMBER}[`;
const ARRAY_END = '\n  ]\n}';

/**
 * `stableJson(object)` in pieces: the members of `object` one at a time, and the elements of
 * an array member a couple of hundred at a time, so that neither the whole text nor its bytes
 * are ever in memory at once (`tessera status --json` on 10,000 articles is 23 MB).
 */
export function* stableJsonPieces(object: Record<string, unknown>): Generator<string> {
  let any = false;
  for (const key of Object.keys(object)) {
    const v = object[key];
    const head = `${any ? ',' : '{'}\n  ${JSON.stringify(key)}: `;
    // Each piece is stringified as the value of a one-letter member, so that JSON.stringify
    // indents it where it stands (one level in) and the piece is cut out of it — rather than
    // re-indenting a string of the piece afterwards: a 23 MB status report 3–4× faster.
    if (Array.isArray(v) && v.length > 0) {
      for (let i = 0; i < v.length; i += ELEMENTS_PER_PIECE) {
        // '{\n  "a": [\n    a,\n    b\n  ]\n}' → '\n    a,\n    b'
        const inner = JSON.stringify({ a: v.slice(i, i + ELEMENTS_PER_PIECE) }, null, 2).slice(IN_ARRAY.length, -ARRAY_END.length);
        yield `${i === 0 ? `${head}[` : ','}${inner}`;
      }
      yield '\n  ]';
    } else {
      // '{\n  "a": value\n}' → 'value', indented one level; '{}' when JSON.stringify leaves the
      // value out (undefined, a function, a symbol), and so does this.
      const json = JSON.stringify({ a: v }, null, 2);
      if (json === '{}') continue;
      yield head + json.slice(IN_MEMBER.length, -2);
    }
    any = true;
  }
  yield any ? '\n}\n' : '{}\n';
}

/** Members per piece of `objectJsonPieces`. */
const MEMBERS_PER_PIECE = 2000;

/**
 * `object` as `stableJson` writes it nested `depth` levels deep, in pieces of a couple of
 * thousand members: the same bytes as `JSON.stringify(object, null, 2)` there, without one
 * string of the whole (a 100,000-sentence article's locale files are tens of megabytes).
 * `value` maps each member's value first; members whose value is undefined are left out, as
 * JSON.stringify leaves them out. Each piece is one JSON.stringify of its members, re-indented.
 */
export function* objectJsonPieces<T>(object: Record<string, T>, depth = 0, value: (v: T) => unknown = (v) => v): Generator<string> {
  const indent = `\n${'  '.repeat(depth)}`;
  let batch: Record<string, unknown> = {};
  let inBatch = 0;
  let any = false;
  // '{\n  "a": 1,\n  "b": 2\n}' → '\n  "a": 1,\n  "b": 2', indented to `depth`.
  const members = (): string => {
    const json = JSON.stringify(batch, null, 2);
    const inner = json.slice(1, -2);
    return depth === 0 ? inner : inner.replaceAll('\n', indent);
  };
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const v = value(object[key]!);
    if (v === undefined) continue;
    // An own property even for "__proto__", which plain assignment would take as the prototype.
    if (key === '__proto__') Object.defineProperty(batch, key, { value: v, enumerable: true, writable: true, configurable: true });
    else batch[key] = v;
    if (++inBatch < MEMBERS_PER_PIECE) continue;
    yield `${any ? ',' : '{'}${members()}`;
    any = true;
    batch = {};
    inBatch = 0;
  }
  if (inBatch > 0) {
    yield `${any ? ',' : '{'}${members()}${indent}}`;
  } else yield any ? `${indent}}` : '{}';
}

/** Characters per piece of `jsonPieces`. */
const PIECE = 1 << 16;

/**
 * `JSON.stringify(value)` (compact) in pieces of about 64K characters: the same bytes, without
 * one string of the whole. Arrays and plain objects are taken apart `depth` levels deep; what
 * lies deeper (or has a `toJSON`) is one JSON.stringify. The document cache (io/cache.ts) of
 * a 100,001-sentence article is 23 million characters — two bytes each once one sentence has
 * a curly quote, 46 MB as one string.
 */
export function* jsonPieces(value: unknown, depth = 2): Generator<string> {
  let piece = '';
  for (const part of jsonParts(value, depth, true)) {
    piece += part;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

function isPlain(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** JSON.stringify's parts of `value`; in an array, what JSON.stringify leaves out is `null`. */
function* jsonParts(value: unknown, depth: number, inArray: boolean): Generator<string> {
  if (depth <= 0 || !isPlain(value)) {
    yield JSON.stringify(value) ?? (inArray ? 'null' : '');
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonParts(value[i], depth - 1, true);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    // Left out of an object, as JSON.stringify leaves them out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonParts(v, depth - 1, false);
  }
  yield '}';
}
