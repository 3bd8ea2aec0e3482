/** Escaping for the little XML the SRX writer produces. */
export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');
/** XML comments may not contain `--` nor end with `-`. */
export const commentText = (s: string): string => s.replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
