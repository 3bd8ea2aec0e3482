/**
 * SRX 2.0 export of Tessera's rules: one `languagerule` per rule file, mapped by language
 * with cascading on, so `en` applies English rules then the base ones — the same order as
 * the rule files. Word lists are written as regex rules (see `list-rules.ts`). Each rule is
 * preceded by a comment `id: note`, which `parseSrx` reads back as the rule's id and note.
 * Output is deterministic: same rules, same bytes.
 */
import { RULE_FILES, resolveRuleSet } from '../rule-set.js';
import type { RegexRule, RuleFile } from '../types.js';
import { DEFAULT_RULES, listRules } from './list-rules.js';
import { commentText, escapeAttr, escapeText } from './xml.js';

export const SRX_NAMESPACE = 'http://www.lisa.org/srx20';

function ruleXml(r: RegexRule): string {
  const lines = [`        <!-- ${commentText(r.note ? `${r.id}: ${r.note}` : r.id)} -->`, `        <rule break="${r.break ? 'yes' : 'no'}">`];
  if (r.before) lines.push(`          <beforebreak>${escapeText(r.before)}</beforebreak>`);
  if (r.after) lines.push(`          <afterbreak>${escapeText(r.after)}</afterbreak>`);
  lines.push('        </rule>');
  return lines.join('\n');
}

/**
 * Writes rule files as one SRX 2.0 document. Languages (files that extend another) are
 * mapped by their code (`en` → `en.*`, case-insensitive in SRX tools); the root file
 * (`base`) is mapped last with `.*` and carries the shared defaults.
 */
export function toSrx(files: Readonly<Record<string, RuleFile>> = RULE_FILES): string {
  const names = Object.keys(files).sort();
  const languages = names.filter((n) => files[n]!.extends !== undefined);
  const roots = names.filter((n) => files[n]!.extends === undefined);
  const blocks: string[] = [];
  for (const name of [...languages, ...roots]) {
    const file = files[name]!;
    const rules = file.extends === undefined ? [...file.rules, ...DEFAULT_RULES] : [...file.rules, ...listRules(resolveRuleSet(file, files))];
    blocks.push(
      `      <languagerule languagerulename="${escapeAttr(name)}">\n${rules.map(ruleXml).join('\n')}\n      </languagerule>`,
    );
  }
  const maps = [
    ...languages.map((n) => `      <languagemap languagepattern="${escapeAttr(`${n}.*`)}" languagerulename="${escapeAttr(n)}"/>`),
    ...roots.map((n) => `      <languagemap languagepattern=".*" languagerulename="${escapeAttr(n)}"/>`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<srx xmlns="${SRX_NAMESPACE}" version="2.0">`,
    '  <header segmentsubflows="yes" cascade="yes">',
    '    <formathandle type="start" include="no"/>',
    '    <formathandle type="end" include="yes"/>',
    '    <formathandle type="isolated" include="no"/>',
    '  </header>',
    '  <body>',
    '    <languagerules>',
    ...blocks,
    '    </languagerules>',
    '    <maprules>',
    ...maps,
    '    </maprules>',
    '  </body>',
    '</srx>',
    '',
  ].join('\n');
}
