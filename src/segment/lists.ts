/**
 * Lists run together in one block: `1.) The first item 2.) The second item`, `a. one b. two`,
 * `(1) one (2) two`, `- one - two`. When a block opens with a marker, each following marker
 * of the same kind — with the next number or letter — starts a new item. Requiring the exact
 * next value keeps prose with numbers in it (`won 3. 4 people…`) out; a dash or asterisk
 * bullet counts only when the block itself opens with one.
 */
// One optional run of spaces only: `\s*[•]?\s*` would backtrack quadratically over spaces.
const FIRST = /^\s*(?:[•⁃◦▪‣●]\s*)?(\()?(?:(\p{Nd}{1,3})|([a-z]))(\.\)|\.|\))\s/u;
const DASH_BULLET = /^\s*([-*])\s/;

/** Cheap test before the full one: the block's first visible character could open a list. */
const MAY_START = /^\s*[•⁃◦▪‣●\p{Nd}a-z(*-]/u;

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
const NONE: readonly number[] = [];

export function listBreaks(text: string): readonly number[] {
  if (!MAY_START.test(text)) return NONE;
  const dash = DASH_BULLET.exec(text);
  if (dash) return dashBreaks(text, dash[1]!, dash[0].length);
  const first = FIRST.exec(text);
  if (!first || (first[1] !== undefined && first[4] !== ')')) return NONE;
  const paren = first[1] !== undefined ? '\\(' : '';
  const numeric = first[2] !== undefined;
  const sep = first[4]!.replace(/[.)]/g, '\\$&');
  const value = (m: string): number => (numeric ? digitValue(m) : m.charCodeAt(0));
  let expected = value(numeric ? first[2]! : first[3]!) + 1;
  const re = new RegExp(`(?<=\\s)(?:[•⁃◦▪‣●]\\s*)?${paren}(${numeric ? '\\p{Nd}{1,3}' : '[a-z]'})${sep}(?=\\s)`, 'gu');
  re.lastIndex = first[0].length;
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (value(m[1]!) !== expected) continue;
    out.push(m.index);
    expected++;
  }
  return out;
}

/** Each ` - ` (or ` * `) after the first item starts another. */
function dashBreaks(text: string, bullet: string, from: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(` ${bullet} `, from); i >= 0; i = text.indexOf(` ${bullet} `, i + 2)) out.push(i + 1);
  return out;
}
