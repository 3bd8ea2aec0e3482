/**
 * OmegaT's view of our inline codes (pure). OmegaT 3.6 shows each code of our XLIFF as a tag
 * shortcut: a placeholder `<l0/>`, a pair `<f1>`…`</f1>`, named by the first letter of the text
 * the code stands for (lower case; `f` when it has none: `[`, `*`, `` `42` ``) and numbered in
 * order of appearance. It keeps them as that plain text in its memories (project_save.tmx writes
 * `&lt;l0/&gt;`) and matches TMX entries on it. Observed with OmegaT 3.6's pseudo-translation TMX
 * on sentences with every kind of code (tests/tm/omegat.test.ts runs the real thing).
 */
import { alignTarget, applyCodes, encodeInline, type CodeProblem, type InlineCode, type InlinePart, type TargetPart } from '../formats/inline.js';

/** Code id → shortcut name ("l0"), for the codes of a sentence in order. */
export function shortcutNames(codes: readonly InlinePart[]): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const p of codes) {
    if (typeof p === 'string' || p.kind === 'close') continue;
    const letter = (/\p{L}/u.exec(p.data)?.[0] ?? 'f').toLowerCase();
    names.set(p.id, `${letter}${n++}`);
  }
  return names;
}

function render(parts: readonly InlinePart[], names: Map<string, string>): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const name = names.get(p.id) ?? 'f';
      return p.kind === 'ph' ? `<${name}/>` : p.kind === 'open' ? `<${name}>` : `</${name}>`;
    })
    .join('');
}

/** A sentence as OmegaT shows it. */
export function omegatText(markdown: string): string {
  const codes = encodeInline(markdown);
  return render(codes, shortcutNames(codes));
}

/** A translation as OmegaT would hold it: its codes named after the source's (by kind and text). */
export function omegatTarget(sourceMarkdown: string, targetMarkdown: string): string {
  const codes = encodeInline(sourceMarkdown);
  return render(alignTarget(codes, targetMarkdown), shortcutNames(codes));
}

/** True when a text holds something that looks like an OmegaT shortcut. */
export function hasShortcuts(text: string): boolean {
  return SHORTCUT.test(text);
}

const SHORTCUT = /<(\/?)(\p{Ll}\d+)(\/?)>/u;
const SHORTCUTS = /<(\/?)(\p{Ll}\d+)(\/?)>/gu;

/**
 * Back from OmegaT's text to Markdown, with the codes of `sourceMarkdown`: each shortcut the
 * source has becomes that code's text; anything else stays text. The result must hold every code
 * of the source once, properly nested (formats/inline.ts applyCodes), or the problem comes back.
 */
export function fromOmegat(sourceMarkdown: string, text: string): { text: string } | { problem: CodeProblem } {
  const codes = encodeInline(sourceMarkdown);
  const byName = new Map<string, InlineCode>();
  const names = shortcutNames(codes);
  for (const p of codes) if (typeof p !== 'string' && p.kind !== 'close') byName.set(names.get(p.id)!, p);
  const parts: TargetPart[] = [];
  let at = 0;
  for (const m of text.matchAll(SHORTCUTS)) {
    const [whole, slash, name, selfClose] = m as unknown as [string, string, string, string];
    const code = byName.get(name);
    const kind = selfClose ? 'ph' : slash ? 'close' : 'open';
    const fits = code && !(slash && selfClose) && (code.kind === 'ph' ? kind === 'ph' : kind !== 'ph');
    if (!fits) continue;
    if (m.index! > at) parts.push(text.slice(at, m.index));
    parts.push({ id: code.id, kind });
    at = m.index! + whole.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return applyCodes(codes, parts);
}
