/** Deterministic JSON: two-space indent, LF, final newline; key order as given by the caller. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Members per piece of `objectJsonPieces`. */
const MEMBERS_PER_PIECE = 2000;

/**
 * An object as `stableJson` writes it nested `depth` levels deep, in pieces of a couple of
 * thousand members: the same bytes as `JSON.stringify(object, null, 2)` there, without one
 * string of the whole (a 100,000-sentence article's locale files are tens of megabytes).
 * Members whose value is undefined are left out, as JSON.stringify leaves them out.
 */
export function* objectJsonPieces(members: Iterable<readonly [string, unknown]>, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  const indent = `\n${pad}`;
  let piece: string[] = [];
  let any = false;
  for (const [key, value] of members) {
    if (value === undefined) continue;
    const json = JSON.stringify(value, null, 2);
    // JSON text has no raw line break but those of its layout, so re-indenting is a replace.
    piece.push(`${any ? ',' : '{'}${indent}${JSON.stringify(key)}: ${typeof value === 'object' && value !== null ? json.replaceAll('\n', indent) : json}`);
    any = true;
    if (piece.length >= MEMBERS_PER_PIECE) {
      yield piece.join('');
      piece = [];
    }
  }
  piece.push(any ? `\n${'  '.repeat(depth)}}` : '{}');
  yield piece.join('');
}

/** The own enumerable members of `object`, in its key order (one at a time, unlike Object.entries). */
export function* membersOf<T>(object: Record<string, T>): Generator<[string, T]> {
  for (const key in object) if (Object.hasOwn(object, key)) yield [key, object[key]!];
}
