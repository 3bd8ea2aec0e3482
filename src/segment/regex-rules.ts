/**
 * SRX-style regex rules: compiled once, then tested at a position (first match wins) or
 * scanned over a text to find the positions where a break rule fires.
 */
import type { RegexRule } from './types.js';

export interface CompiledRegexRule {
  rule: RegexRule;
  /** Sticky test at `lastIndex`: `before` must end there, `after` start there. */
  at: RegExp;
  /**
   * Global search used to find where a break rule may fire. When `after` starts with
   * something specific (`[•]`, `pic\.`), searching for it and checking `before` at each hit
   * is much faster than trying `before` (often just `\s`) at every space.
   */
  scan: RegExp;
  /** `scan` matches `after` (the position is the match start) rather than `before`. */
  scanAfter: boolean;
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
  const scanAfter = rule.after !== '' && !/^(?:\\s|\[\\s|\(\?:\\s)/.test(rule.after);
  return {
    rule,
    at: compile(`${behind}${ahead}`, 'uy', rule, 'the rule'),
    scan: scanAfter ? compile(rule.after, 'gu', rule, 'the rule') : compile(`(?:${rule.before})${ahead}`, 'gu', rule, 'the rule'),
    scanAfter,
  };
}

/**
 * Tests rules in order at a position. All rules are joined into one sticky alternation
 * (alternatives are tried in order, like SRX rules), each ending in an empty marker group,
 * so a candidate costs one regex call instead of one per rule. Rules with capture groups or
 * back-references of their own would shift the markers, so then each rule is tried alone.
 */
export class RuleMatcher {
  private readonly combined: RegExp | undefined;
  private readonly markers: number[] = [];

  constructor(readonly rules: readonly CompiledRegexRule[]) {
    // An empty alternative makes the regex match '' and report its own group count.
    const groups = (r: CompiledRegexRule): number => new RegExp(`${r.at.source}|`, 'u').exec('')!.length - 1;
    const plain = rules.every((r) => groups(r) === 0 && !/\\[1-9]|\\k</.test(r.at.source));
    if (!plain || rules.length < 2) return;
    rules.forEach((_, i) => this.markers.push(i + 1));
    this.combined = new RegExp(rules.map((r) => `${r.at.source}()`).join('|'), 'uy');
  }

  /** The first rule that matches at `pos`, if any. */
  at(text: string, pos: number): RegexRule | undefined {
    if (!this.combined) return ruleAt(this.rules, text, pos);
    this.combined.lastIndex = pos;
    const m = this.combined.exec(text);
    if (!m) return undefined;
    for (let i = 0; i < this.markers.length; i++) if (m[this.markers[i]!] !== undefined) return this.rules[i]!.rule;
    return undefined;
  }
}

/** The first rule that matches at `pos`, if any (one regex call per rule). */
export function ruleAt(rules: readonly CompiledRegexRule[], text: string, pos: number): RegexRule | undefined {
  for (const r of rules) {
    r.at.lastIndex = pos;
    if (r.at.test(text)) return r.rule;
  }
  return undefined;
}

const NONE: readonly number[] = [];

export function scanBreakRules(rules: readonly CompiledRegexRule[], text: string, matcher?: RuleMatcher): readonly number[] {
  let found: number[] | undefined;
  let sources = 0;
  for (const r of rules) {
    if (!r.rule.break) continue;
    const before = found?.length ?? 0;
    r.scan.lastIndex = 0;
    for (let m = r.scan.exec(text); m; m = r.scan.exec(text)) {
      const pos = r.scanAfter ? m.index : m.index + m[0].length;
      // Hits may overlap (`after` of one is inside another's), so resume one step on.
      if (r.scanAfter || m[0].length === 0) r.scan.lastIndex = m.index + 1;
      if (pos > 0 && pos < text.length && (matcher ? matcher.at(text, pos) : ruleAt(rules, text, pos))?.break === true) (found ??= []).push(pos);
    }
    if ((found?.length ?? 0) > before) sources++;
  }
  if (!found) return NONE;
  if (sources < 2) return found;
  found.sort((a, b) => a - b);
  return found.filter((p, i) => p !== found[i - 1]);
}
