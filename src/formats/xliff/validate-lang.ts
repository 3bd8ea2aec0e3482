/**
 * The `languages` rule: language tags must be well-formed BCP 47 (RFC 5646), and the languages
 * a file declares must agree with each other. XML Schema's xs:language accepts "e" or "f r"
 * only half-way (it knows nothing of subtag lengths), so the grammar is checked here.
 */
import { msg, NS_XLIFF12, NS_XLIFF2, quote, tag, type Report, type Rule } from './validate-rule.js';
import { SCHEMA12 } from './validate-schema12.js';
import { NS_ITSM, SCHEMA2 } from './validate-schema2.js';
import { attr, attrNS, descendants, inheritedXml, NS_XML, type XmlElement } from './validate-xml.js';

// RFC 5646 section 2.1, ABNF transcribed; a regex on an attribute value, not on XML.
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})';
const SCRIPT = '[a-z]{4}';
const REGION = '(?:[a-z]{2}|[0-9]{3})';
const VARIANT = '(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})';
const EXTENSION = '(?:[0-9a-wyz](?:-[a-z0-9]{2,8})+)';
const PRIVATE = '(?:x(?:-[a-z0-9]{1,8})+)';
const GRANDFATHERED = [
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn', 'i-tao', 'i-tay', 'i-tsu',
  'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de', 'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
];
const LANGTAG = new RegExp(
  `^(?:${LANGUAGE}(?:-${SCRIPT})?(?:-${REGION})?(?:-${VARIANT})*(?:-${EXTENSION})*(?:-${PRIVATE})?|${PRIVATE}|${GRANDFATHERED.join('|')})$`,
  'i',
);

export function isLanguageTag(v: string): boolean {
  return LANGTAG.test(v);
}

/** XPath's lang(): the tag is `expected` or one of its sub-languages (en-IE for en). */
function sameLanguage(tagValue: string, expected: string): boolean {
  const a = tagValue.toLowerCase();
  const b = expected.toLowerCase();
  return a === b || a.startsWith(`${b}-`);
}

function checkTag(el: XmlElement, name: string, value: string | undefined, report: Report, emptyOk = false): boolean {
  if (value === undefined || (emptyOk && value === '') || isLanguageTag(value)) return true;
  report(el, msg('validate.languages.malformed', { el: tag(el), name, value: quote(value) }), msg('validate.languages.malformedHint'));
  return false;
}

/** xml:lang (and ITS's itsm:lang) on every element of a namespace the validator knows. */
function checkXmlLangs(root: XmlElement, known: Record<string, string>, report: Report): void {
  for (const el of [root, ...descendants(root)]) {
    if (known[el.uri] === undefined) continue;
    checkTag(el, 'xml:lang', attrNS(el, NS_XML, 'lang'), report, true); // xml.xsd allows "" (language unknown)
    checkTag(el, 'itsm:lang', attrNS(el, NS_ITSM, 'lang'), report);
  }
}

export const languages2: Rule = {
  id: 'languages',
  check(root, report) {
    const srcLang = attr(root, 'srcLang');
    const trgLang = attr(root, 'trgLang');
    const srcOk = checkTag(root, 'srcLang', srcLang, report);
    const trgOk = checkTag(root, 'trgLang', trgLang, report);
    checkXmlLangs(root, SCHEMA2.prefixes, report);
    let firstTarget: XmlElement | undefined;
    for (const el of descendants(root)) {
      const parent = el.parent!;
      if (el.uri !== NS_XLIFF2 || parent.uri !== NS_XLIFF2 || (parent.local !== 'segment' && parent.local !== 'ignorable')) continue;
      const lang = inheritedXml(el, 'lang');
      if (el.local === 'source' && lang && srcLang && srcOk && !sameLanguage(lang, srcLang)) {
        report(el, msg('validate.languages.source', { el: tag(el), lang: quote(lang), srcLang: quote(srcLang) }), msg('validate.languages.sourceHint'));
      }
      if (el.local !== 'target') continue;
      firstTarget ??= el;
      if (lang && trgLang && trgOk && !sameLanguage(lang, trgLang)) {
        report(el, msg('validate.languages.target', { el: tag(el), lang: quote(lang), trgLang: quote(trgLang) }), msg('validate.languages.targetHint'));
      }
    }
    if (firstTarget && trgLang === undefined) {
      report(root, msg('validate.languages.noTrgLang', { line: firstTarget.line, el: tag(root) }), msg('validate.languages.noTrgLangHint'));
    }
  },
};

export const languages12: Rule = {
  id: 'languages',
  check(root, report) {
    checkXmlLangs(root, SCHEMA12.prefixes, report);
    for (const file of root.children) {
      if (file.uri !== NS_XLIFF12 || file.local !== 'file') continue;
      checkTag(file, 'source-language', attr(file, 'source-language'), report);
      const trg = attr(file, 'target-language');
      checkTag(file, 'target-language', trg, report);
      // The schema leaves target-language optional, but a translated file without it cannot say
      // what language its targets are in (XLIFF 2 makes the same rule explicit for trgLang).
      const target = descendants(file).find((e) => e.uri === NS_XLIFF12 && e.local === 'target' && e.parent?.local === 'trans-unit');
      if (target && trg === undefined) {
        report(file, msg('validate.languages.noTargetLanguage', { el: tag(file), line: target.line }), msg('validate.languages.noTargetLanguageHint'));
      }
    }
  },
};
