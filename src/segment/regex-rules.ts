/**
 * SRX-style regex rules: compiled once, then tested at a position (first match wins) or
 * scanned over a text to find the positions where a break rule fires.
 */
import type { RegexRule } from './types.js';

export interface CompiledRegexRule {
  rule: RegexRule;
  /** Sticky test at `lastIndex`: `before` must end there, `after` start there. */
  at: RegExp;
  /** Global search for `before` followed by `after`; a break rule fires where `before` ends. */
  scan: RegExp;
}

function compile(source: string, flags: string, rule: RegexRule, part: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`segmentation rule "${rule.id}": ${part} is not a valid JavaScript regular expression (u flag): ${(e as Error).message}`);
  }
}

export function compileRegexRule(rule: RegexRule): CompiledRegexRule {
  if (typeof rule.before !== 'string' || typeof rule.after !== 'string' || typeof rule.break !== 'boolean') {
    throw new Error(`segmentation rule "${String(rule.id)}": expected string "before", string "after" and boolean "break"`);
  }
  // Each part is checked alone first, so an error names the part that is wrong.
  compile(rule.before, 'u', rule, `"before" (${rule.before})`);
  compile(rule.after, 'u', rule, `"after" (${rule.after})`);
  const behind = rule.before ? `(?<=${rule.before})` : '';
  const ahead = rule.after ? `(?=${rule.after})` : '';
  return {
    rule,
    at: compile(`${behind}${ahead}`, 'uy', rule, 'the rule'),
    scan: compile(`(?:${rule.before})${ahead}`, 'gu', rule, 'the rule'),
  };
}

/** The first rule that matches at `pos`, if any. */
export function ruleAt(rules: readonly CompiledRegexRule[], text: string, pos: number): RegexRule | undefined {
  for (const r of rules) {
    r.at.lastIndex = pos;
    if (r.at.test(text)) return r.rule;
  }
  return undefined;
}

/**
 * Positions where some break rule fires and is not overridden by an earlier rule,
 * sorted and without duplicates. Positions at the ends of the text are left out.
 */
export function scanBreakRules(rules: readonly CompiledRegexRule[], text: string): number[] {
  const found = new Set<number>();
  for (const r of rules) {
    if (!r.rule.break) continue;
    r.scan.lastIndex = 0;
    for (let m = r.scan.exec(text); m; m = r.scan.exec(text)) {
      const pos = m.index + m[0].length;
      if (m[0].length === 0) r.scan.lastIndex++;
      if (pos > 0 && pos < text.length && ruleAt(rules, text, pos)?.break === true) found.add(pos);
    }
  }
  return [...found].sort((a, b) => a - b);
}
