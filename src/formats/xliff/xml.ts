/** XML text escaping for the writers (the readers use a real parser: saxes). */
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s; // most sentences: no copy, no callback
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\n\r\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}

/** Characters XML 1.0 cannot carry at all; they are refused before writing. */
// eslint-disable-next-line no-control-regex
export const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
