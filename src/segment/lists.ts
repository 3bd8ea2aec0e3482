/**
 * Numbered or lettered lists run together in one block: `1.) The first item 2.) The second
 * item`, `a. one b. two`. When a block opens with a marker, each following marker of the
 * same kind with the next number (or letter) starts a new item. Requiring the exact next
 * value keeps prose with numbers in it (`won 3. 4 people…`) out.
 */
const FIRST = /^\s*[•⁃◦▪‣●]?\s*(?:(\p{Nd}{1,3})|([a-z]))(\.\)|\.|\))\s/u;

function digitValue(s: string): number {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const zero = c >= 0x6f0 ? 0x6f0 : c >= 0x660 ? 0x660 : 48;
    v = v * 10 + (c - zero);
  }
  return v;
}

/** Indices where a new list item starts, in order. */
export function listBreaks(text: string): number[] {
  const first = FIRST.exec(text);
  if (!first) return [];
  const numeric = first[1] !== undefined;
  const sep = first[3]!.replace(/[.)]/g, '\\$&');
  const value = (m: string): number => (numeric ? digitValue(m) : m.charCodeAt(0));
  let expected = value(numeric ? first[1]! : first[2]!) + 1;
  const re = new RegExp(`(?<=\\s)[•⁃◦▪‣●]?\\s*(${numeric ? '\\p{Nd}{1,3}' : '[a-z]'})${sep}(?=\\s)`, 'gu');
  re.lastIndex = first[0].length;
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (value(m[1]!) !== expected) continue;
    out.push(m.index);
    expected++;
  }
  return out;
}
