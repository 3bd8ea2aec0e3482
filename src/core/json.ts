/** Deterministic JSON: two-space indent, LF, final newline; key order as given by the caller. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
