/**
 * SRX 2.0 import, with a real XML parser (saxes). Reads `languagerule`s, their `rule`s
 * (`break`, `beforebreak`, `afterbreak`) and the `maprules`; a comment right before a rule
 * of the form `id: note` (as `toSrx` writes) becomes the rule's id and note. Elements of
 * other namespaces (tool extensions) are skipped. Errors name the line and what is wrong.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { compileRegexRule } from '../regex-rules.js';
import type { RegexRule } from '../types.js';
import { SRX_NAMESPACE } from './write.js';

export interface SrxLanguageMap {
  /** Regular expression matched against a language code, whole and case-insensitively. */
  pattern: string;
  languageRule: string;
}

export interface SrxDocument {
  /** Whether every matching language map applies, in order (`true`), or only the first. */
  cascade: boolean;
  /** Rules of each `languagerule`, by `languagerulename`, in document order. */
  languageRules: Record<string, RegexRule[]>;
  mapRules: SrxLanguageMap[];
}

/** An SRX document that cannot be read; `line` is 1-based. */
export class SrxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`SRX line ${line}: ${detail}`);
    this.name = 'SrxError';
  }
}

/** Where each element may appear: parent → allowed children. */
const CHILDREN: Record<string, readonly string[]> = {
  '': ['srx'],
  srx: ['header', 'body'],
  header: ['formathandle'],
  body: ['languagerules', 'maprules'],
  languagerules: ['languagerule'],
  languagerule: ['rule'],
  rule: ['beforebreak', 'afterbreak'],
  maprules: ['languagemap'],
  beforebreak: [],
  afterbreak: [],
  formathandle: [],
  languagemap: [],
};

const COMMENT_ID = /^\s*([\p{L}\p{N}_.-]+)(?::\s*([\s\S]*?))?\s*$/u;

export function parseSrx(xml: string): SrxDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const doc: SrxDocument = { cascade: true, languageRules: {}, mapRules: [] };
  const stack: string[] = [];
  let skipDepth = 0;
  let sawRoot = false;
  let currentRules: RegexRule[] | undefined;
  let currentName = '';
  let rule: { rule: RegexRule; line: number } | undefined;
  let pendingComment: string | undefined;
  let text: string | undefined;
  const mapLines: number[] = [];
  const fail = (detail: string): never => {
    throw new SrxError(parser.line, detail);
  };
  const attr = (tag: SaxesTagNS, name: string): string | undefined => tag.attributes[name]?.value;
  const yesNo = (tag: SaxesTagNS, name: string, dflt: boolean): boolean => {
    const v = attr(tag, name);
    if (v === undefined) return dflt;
    if (v !== 'yes' && v !== 'no') fail(`<${tag.local}> ${name}="${v}": expected "yes" or "no"`);
    return v === 'yes';
  };

  parser.on('opentag', (tag) => {
    if (skipDepth > 0 || (tag.uri !== SRX_NAMESPACE && tag.uri !== '' && stack.length > 0)) {
      skipDepth++;
      return;
    }
    const parent = stack[stack.length - 1] ?? '';
    if (tag.uri !== SRX_NAMESPACE && tag.uri !== '') fail(`expected the root element <srx> in namespace ${SRX_NAMESPACE}, received <${tag.name}> in ${tag.uri}`);
    if (!CHILDREN[parent]?.includes(tag.local)) {
      fail(`unexpected <${tag.local}> ${parent ? `inside <${parent}>` : 'as the root element'}; expected ${CHILDREN[parent]?.map((c) => `<${c}>`).join(', ') || 'no element'}`);
    }
    stack.push(tag.local);
    switch (tag.local) {
      case 'srx': {
        sawRoot = true;
        const version = attr(tag, 'version');
        if (version !== '2.0') fail(`expected SRX version="2.0", received ${version === undefined ? 'no version' : `version="${version}"`}`);
        break;
      }
      case 'header':
        doc.cascade = yesNo(tag, 'cascade', true);
        break;
      case 'languagerule': {
        const name = attr(tag, 'languagerulename');
        if (!name) fail('<languagerule> needs a languagerulename attribute');
        if (doc.languageRules[name!]) fail(`languagerulename "${name}" is used twice`);
        currentName = name!;
        currentRules = doc.languageRules[currentName] = [];
        break;
      }
      case 'rule': {
        const idx = currentRules!.length + 1;
        const m = pendingComment === undefined ? null : COMMENT_ID.exec(pendingComment);
        const r: RegexRule = { id: m ? m[1]! : `${currentName}-${idx}`, break: yesNo(tag, 'break', true), before: '', after: '' };
        if (m?.[2]) r.note = m[2];
        rule = { rule: r, line: parser.line };
        break;
      }
      case 'beforebreak':
      case 'afterbreak':
        text = '';
        break;
      case 'languagemap': {
        const pattern = attr(tag, 'languagepattern');
        const target = attr(tag, 'languagerulename');
        if (pattern === undefined || target === undefined) fail('<languagemap> needs languagepattern and languagerulename attributes');
        try {
          new RegExp(pattern!, 'iu');
        } catch (e) {
          fail(`languagepattern "${pattern}" is not a valid regular expression: ${(e as Error).message}`);
        }
        doc.mapRules.push({ pattern: pattern!, languageRule: target! });
        mapLines.push(parser.line);
        break;
      }
    }
    pendingComment = undefined;
  });

  parser.on('closetag', () => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const local = stack.pop();
    if (local === 'beforebreak' || local === 'afterbreak') {
      rule!.rule[local === 'beforebreak' ? 'before' : 'after'] = text!;
      text = undefined;
    } else if (local === 'rule') {
      try {
        compileRegexRule(rule!.rule);
      } catch (e) {
        throw new SrxError(rule!.line, (e as Error).message);
      }
      currentRules!.push(rule!.rule);
      rule = undefined;
    } else if (local === 'languagerule') currentRules = undefined;
  });

  const onText = (t: string): void => {
    if (skipDepth > 0) return;
    if (text !== undefined) text += t;
    else if (t.trim() !== '') fail(`unexpected text "${t.trim().slice(0, 40)}" inside <${stack[stack.length - 1] ?? 'document'}>`);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', (c) => {
    if (stack[stack.length - 1] === 'languagerule') pendingComment = c;
  });
  parser.on('error', (e) => {
    // saxes prefixes its messages with `line:column: `; keep ours uniform.
    throw new SrxError(parser.line, `not well-formed XML: ${e.message.replace(/^\d+:\d+:\s*/, '')}`);
  });

  parser.write(xml).close();
  if (!sawRoot) throw new SrxError(parser.line, 'no <srx> element');
  doc.mapRules.forEach((m, i) => {
    if (!doc.languageRules[m.languageRule]) {
      throw new SrxError(mapLines[i]!, `<languagemap> names languagerulename "${m.languageRule}", which no <languagerule> defines (defined: ${Object.keys(doc.languageRules).join(', ') || 'none'})`);
    }
  });
  return doc;
}
