/**
 * Pseudo-locale editions, pure: what marks an edition built from pseudo-translations as a test
 * that must not be published. The build calls these for a pseudo-locale (only ever named with
 * --lang qps-…): the edition's direction, and each rendered file marked.
 *
 *  - HTML: `<meta name="robots" content="noindex">` in the head, so a copy that reaches a server
 *    is not indexed, and a banner at the top of the body, in English, left to right, that
 *    nobody can miss: "Pseudo-localisation — not for publication".
 *  - Markdown: `robots: noindex` in the front matter and the banner as the first paragraph.
 *  - Text: the banner as the first line.
 * Idempotent: a file already marked comes back unchanged.
 */
import { isPseudoLang, type PseudoLang } from '../core/types.js';
import { PSEUDO_LOCALES } from './transform.js';

export const PSEUDO_BANNER = 'Pseudo-localisation — not for publication';

/** A pseudo-locale edition's direction (qps-plocm: rtl), or undefined for any other language. */
export function pseudoDir(lang: string): 'ltr' | 'rtl' | undefined {
  return isPseudoLang(lang) ? PSEUDO_LOCALES[lang as PseudoLang].dir : undefined;
}

const ROBOTS = '<meta name="robots" content="noindex">';
const BANNER_STYLE = 'margin:0;padding:.75rem 1rem;background:#b00020;color:#fff;font:bold 1rem/1.4 system-ui,sans-serif;text-align:center';

function banner(lang: string): string {
  return `${PSEUDO_BANNER} (${lang})`;
}

/** Marks one rendered edition file (`format`: html, md or txt) of pseudo-locale `lang`. */
export function markPseudoEdition(content: string, format: string, lang: string): string {
  if (format === 'html') {
    if (content.includes(ROBOTS)) return content;
    const head = content.indexOf('</head>');
    const body = content.indexOf('<body>');
    if (head < 0 || body < 0) throw new Error('markPseudoEdition: not an edition page (no </head> or <body>)');
    const after = body + '<body>'.length;
    const bannerHtml = `\n<p class="pseudo-banner" role="note" lang="en" dir="ltr" style="${BANNER_STYLE}">${banner(lang)}</p>`;
    return `${content.slice(0, head)}${ROBOTS}\n${content.slice(head, after)}${bannerHtml}${content.slice(after)}`;
  }
  if (format === 'md') {
    if (content.includes(`> **${banner(lang)}**`)) return content;
    const m = /^---\n[\s\S]*?\n---\n/.exec(content);
    if (!m) return `> **${banner(lang)}**\n\n${content}`;
    const front = m[0].replace(/\n---\n$/, '\nrobots: noindex\n---\n');
    return `${front}\n> **${banner(lang)}**\n\n${content.slice(m[0].length).replace(/^\n+/, '')}`;
  }
  if (content.startsWith(banner(lang))) return content;
  return `${banner(lang)}\n\n${content}`;
}
