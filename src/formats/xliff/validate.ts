/**
 * `validateXliff`: is this text a valid XLIFF 1.2, 2.0 or 2.1 document? Pure (text in, problems
 * out, no I/O) and total: every problem comes back as a Diagnostic, nothing is thrown.
 *
 * A small core (parse with saxes, identify the version, run that version's rules, sort) and
 * named rules, each in its own file, each reporting under its own id:
 *
 *   xml               well-formed, no DOCTYPE                           validate-xml.ts
 *   root              <xliff>, namespace and version                    validate.ts
 *   structure         child elements, their order and number, text      validate-schema.ts + tables
 *   attributes        allowed, required, value types and lists          validate-schema.ts + tables
 *   languages         BCP 47 tags, srcLang/trgLang, xml:lang            validate-lang.ts
 *   unique-ids        ids unique in their scope                         validate-ids.ts
 *   references        dataRef, copyOf, subFlows, comment refs           validate-inline.ts          2.x
 *                     tool-id, phase-name, mid, rid (schema keys)       validate-refs12.ts          1.2
 *   pairing           sc/ec and sm/em                                   validate-inline.ts          2.x
 *   required-content  a unit has a segment; a skeleton content or href  validate-units.ts           2.x
 *   attribute-pairs   subState needs state, subType needs type…         validate-units.ts           2.x
 *   segment-order     target/@order                                     validate-units.ts           2.x
 *   xml-space         targets preserve what sources preserve            validate-units.ts           2.x
 *   mtc gls mda res   the modules' own requirements                     validate-modules.ts         2.x
 *   slr val fs ctr
 *
 * Positions are those of the offending element's `<` (1-based line and column).
 */
import { diagnostic } from '../../core/errors.js';
import type { Diagnostic } from '../../core/types.js';
import { languages12, languages2 } from './validate-lang.js';
import { uniqueIds12, uniqueIds2, uniqueIds2Rule } from './validate-ids.js';
import { pairing, references, referencesRule, type UnitLookup } from './validate-inline.js';
import { MODULE_RULES } from './validate-modules.js';
import { references12, references12Rule } from './validate-refs12.js';
import { msg, NS_XLIFF12, NS_XLIFF2, quote, tag, type Report, type Rule } from './validate-rule.js';
import { attributesRule, structureRule } from './validate-schema.js';
import { SCHEMA12 } from './validate-schema12.js';
import { SCHEMA2 } from './validate-schema2.js';
import { attributePairs, requiredContent, segmentOrder, xmlSpace } from './validate-units.js';
import { attr, parseXml, type ParseResult, type XmlElement } from './validate-xml.js';

export interface XliffValidation {
  /** The version the document declares (`1.2`, `2.0`, `2.1`…), undefined when it is not XLIFF. */
  version: string | undefined;
  /** Sorted by position; empty when the document is valid. */
  problems: Diagnostic[];
}

const RULES_12: Rule[] = [structureRule(SCHEMA12), attributesRule(SCHEMA12), languages12, uniqueIds12, references12];
/** XLIFF 1.2's rules for the windowed validator (validate-window.ts), which checks the file-wide ids and keys itself. */
export const WINDOW_RULES_12: Rule[] = [structureRule(SCHEMA12), attributesRule(SCHEMA12), languages12, references12Rule(false)];
const rules2 = (uniqueIds: Rule, refs: Rule): Rule[] => [
  structureRule(SCHEMA2),
  attributesRule(SCHEMA2),
  languages2,
  uniqueIds,
  requiredContent,
  attributePairs,
  segmentOrder,
  xmlSpace,
  refs,
  pairing,
  ...MODULE_RULES,
];
const RULES_2 = rules2(uniqueIds2, references);
/**
 * XLIFF 2's rules for the windowed validator, which checks the file-wide unit and group ids
 * itself and answers, through `unitKnown`, whether a subFlows id names a unit of the file.
 */
export const windowRules2 = (unitKnown: UnitLookup): Rule[] => rules2(uniqueIds2Rule(false), referencesRule(unitKnown));

/** Every rule id, in the order rules run. */
export const RULE_IDS: readonly string[] = [...new Set(['xml', 'root', ...RULES_2.map((r) => r.id), ...RULES_12.map((r) => r.id)])];

export function validateXliff(content: string, file: string): XliffValidation {
  const parsed = parseXml(content);
  if (!parsed.ok) return { version: undefined, problems: [xmlProblem(parsed, file)] };
  const problems = new Problems(file);
  const { version, rules } = identify(parsed.root, problems.reporter('root'));
  for (const rule of rules) rule.check(parsed.root, problems.reporter(rule.id));
  return { version, problems: problems.sorted() };
}

export function xmlProblem(failure: Extract<ParseResult, { ok: false }>, file: string): Diagnostic {
  return diagnostic('error', 'xml', failure.message, { file, line: failure.line, column: failure.column }, failure.hint);
}

/**
 * Problems as rules report them, each once. `sameElsewhere` also takes two messages that differ
 * only in a line number they cite as one: the windowed validator runs rules again over a tree
 * that has lost its earlier units, so "the first at line N" may name a later N the second time.
 */
export class Problems {
  private readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly sameElsewhere = false,
  ) {}

  reporter(rule: string): Report {
    return (at, message, hint) => {
      const problem = diagnostic('error', rule, message, { file: this.file, line: at.line, column: at.column }, hint);
      const text = this.sameElsewhere ? problem.message.replace(/\bline \d+/g, 'line #') : problem.message;
      const key = `${at.line}:${at.column}:${rule}:${text}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      this.list.push(problem);
    };
  }

  sorted(): Diagnostic[] {
    return this.list.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
  }
}

/** Which XLIFF this is, judged by the root's namespace; the version attribute must agree. */
export function identify(root: XmlElement, report: Report): { version: string | undefined; rules: Rule[] } {
  if (root.local !== 'xliff') {
    report(root, msg('validate.root.notXliff', { el: tag(root) }), msg('validate.root.notXliffHint'));
    return { version: undefined, rules: [] };
  }
  const version = attr(root, 'version');
  if (root.uri === NS_XLIFF12) {
    if (version !== undefined && version !== '1.2') report(root, msg('validate.root.version12', { value: quote(version) }), msg('validate.root.version12Hint'));
    return { version, rules: RULES_12 };
  }
  if (root.uri === NS_XLIFF2) {
    if (version !== undefined && version !== '2.0' && version !== '2.1') report(root, msg('validate.root.version2', { value: quote(version) }), msg('validate.root.version2Hint'));
    return { version, rules: RULES_2 };
  }
  const known = root.uri.startsWith('urn:oasis:names:tc:xliff:document:');
  report(
    root,
    root.uri === '' ? msg('validate.root.noNamespace') : known ? msg('validate.root.unsupportedVersion', { namespace: quote(root.uri) }) : msg('validate.root.unknownNamespace', { namespace: quote(root.uri) }),
    msg('validate.root.supportedHint', { ns12: NS_XLIFF12, ns2: NS_XLIFF2 }),
  );
  return { version, rules: [] };
}
