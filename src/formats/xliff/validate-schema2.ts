/**
 * XLIFF 2.0 / 2.1 as data: the core schema (xliff_core_2.0.xsd, the same for 2.0 and 2.1 but
 * for srcLang/trgLang typing) and the module schemas the OASIS test suite exercises, with the
 * places each module element may be used (the module chapters of the specification; the
 * schemas alone accept any module element wherever `##other` is allowed).
 */
import { msg, NS_XLIFF2 } from './validate-rule.js';
import {
  anyString,
  decimal,
  integer,
  language,
  MANY,
  nmtoken,
  nmtokens,
  oneOf,
  OTHER,
  seq,
  yesNo,
  type ElementSpec,
  type Schema,
  type Value,
} from './validate-schema.js';

export const NS_MTC = 'urn:oasis:names:tc:xliff:matches:2.0';
export const NS_GLS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const NS_FS = 'urn:oasis:names:tc:xliff:fs:2.0';
export const NS_MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';
export const NS_RES = 'urn:oasis:names:tc:xliff:resourcedata:2.0';
export const NS_CTR = 'urn:oasis:names:tc:xliff:changetracking:2.0';
export const NS_SLR = 'urn:oasis:names:tc:xliff:sizerestriction:2.0';
export const NS_VAL = 'urn:oasis:names:tc:xliff:validation:2.0';
export const NS_ITS = 'http://www.w3.org/2005/11/its';
export const NS_ITSM = 'urn:oasis:names:tc:xliff:itsm:2.1';

const userDefined: Value = { test: (v) => /^[^\s:]+:[^\s:]+$/.test(v), expected: msg('validate.value.userDefined') };
const dir = oneOf('ltr', 'rtl', 'auto');
const yesNoFirstNo = oneOf('yes', 'firstNo', 'no');
/** <cp> stands only for characters XML cannot carry (and, as the OASIS Schematron allows, C1 controls). */
const cpHex: Value = {
  test: (v) => {
    if (!/^([0-9a-fA-F]{2})+$/.test(v)) return false;
    const c = parseInt(v, 16);
    return (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || (c >= 0x7f && c <= 0x9f && c !== 0x85) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
  },
  expected: msg('validate.value.cpHex'),
};
const codeType = oneOf('fmt', 'ui', 'quote', 'link', 'image', 'other');
const mrkType: Value = { test: (v) => ['generic', 'comment', 'term'].includes(v) || userDefined.test(v), expected: msg('validate.value.mrkType') };
const percent = decimal(0, 100);
const normalization = oneOf('none', 'nfc', 'nfd');
const anyInteger: Value = { test: (v) => /^\s*[+-]?\d+\s*$/.test(v), expected: msg('validate.value.integer') };

const INLINE = ['xlf:cp', 'xlf:ph', 'xlf:pc', 'xlf:sc', 'xlf:ec', 'xlf:mrk', 'xlf:sm', 'xlf:em'];
const XML_SPACE = { space: oneOf('default', 'preserve') };
const XML_LANG_SPACE = { lang: language, ...XML_SPACE };
const STRUCTURAL = { canResegment: yesNo, translate: yesNo, srcDir: dir, trgDir: dir };
const CODE_COMMON = { canCopy: yesNo, canDelete: yesNo, canReorder: yesNoFirstNo, copyOf: nmtoken, subType: userDefined, type: codeType, id: nmtoken };
const POINT_CODE = { ...CODE_COMMON, canOverlap: yesNo, dataRef: nmtoken, dir, disp: anyString, equiv: anyString, isolated: yesNo, subFlows: nmtokens };
const MARKER = { id: nmtoken, translate: yesNo, type: mrkType, ref: anyString, value: anyString };
const FILE_GROUP_UNIT = ['xlf:file', 'xlf:group', 'xlf:unit'];

const core: Record<string, ElementSpec> = {
  'xlf:xliff': { content: seq(['xlf:file', 1, MANY]), attrs: { version: anyString, srcLang: language, trgLang: language }, required: ['version', 'srcLang'], xml: XML_SPACE, other: true },
  'xlf:file': {
    content: seq(['xlf:skeleton', 0, 1], [OTHER, 0, MANY], ['xlf:notes', 0, 1], [['xlf:unit', 'xlf:group'], 1, MANY]),
    attrs: { id: nmtoken, original: anyString, ...STRUCTURAL },
    required: ['id'],
    xml: XML_SPACE,
    other: true,
  },
  'xlf:skeleton': { content: seq([OTHER, 0, MANY]), text: true, attrs: { href: anyString } },
  'xlf:group': {
    content: seq([OTHER, 0, MANY], ['xlf:notes', 0, 1], [['xlf:unit', 'xlf:group'], 0, MANY]),
    attrs: { id: nmtoken, name: anyString, type: userDefined, ...STRUCTURAL },
    required: ['id'],
    xml: XML_SPACE,
    other: true,
  },
  'xlf:unit': {
    content: seq([OTHER, 0, MANY], ['xlf:notes', 0, 1], ['xlf:originalData', 0, 1], [['xlf:segment', 'xlf:ignorable'], 1, MANY]),
    attrs: { id: nmtoken, name: anyString, type: userDefined, ...STRUCTURAL },
    required: ['id'],
    xml: XML_SPACE,
    other: true,
  },
  'xlf:segment': { content: seq(['xlf:source', 1, 1], ['xlf:target', 0, 1]), attrs: { id: nmtoken, canResegment: yesNo, state: oneOf('initial', 'translated', 'reviewed', 'final'), subState: anyString } },
  'xlf:ignorable': { content: seq(['xlf:source', 1, 1], ['xlf:target', 0, 1]), attrs: { id: nmtoken } },
  'xlf:notes': { content: seq(['xlf:note', 1, MANY]) },
  'xlf:note': { text: true, attrs: { id: nmtoken, appliesTo: oneOf('source', 'target'), category: anyString, priority: integer(1, 10) }, other: true },
  'xlf:originalData': { content: seq(['xlf:data', 1, MANY]) },
  'xlf:data': { content: seq(['xlf:cp', 0, MANY]), text: true, attrs: { id: nmtoken, dir }, required: ['id'], xml: { space: oneOf('preserve') } },
  'xlf:source': { content: seq([INLINE, 0, MANY]), text: true, xml: XML_LANG_SPACE },
  'xlf:target': { content: seq([INLINE, 0, MANY]), text: true, attrs: { order: integer(1) }, xml: XML_LANG_SPACE },
  'xlf:cp': { attrs: { hex: cpHex }, required: ['hex'] },
  'xlf:ph': { attrs: { ...CODE_COMMON, dataRef: nmtoken, disp: anyString, equiv: anyString, subFlows: nmtokens }, required: ['id'], other: true },
  'xlf:pc': {
    content: seq([INLINE, 0, MANY]),
    text: true,
    attrs: { ...CODE_COMMON, canOverlap: yesNo, dispEnd: anyString, dispStart: anyString, equivEnd: anyString, equivStart: anyString, dataRefEnd: nmtoken, dataRefStart: nmtoken, subFlowsEnd: nmtokens, subFlowsStart: nmtokens, dir },
    required: ['id'],
    other: true,
  },
  'xlf:sc': { attrs: POINT_CODE, required: ['id'], other: true },
  'xlf:ec': { attrs: { ...POINT_CODE, startRef: nmtoken }, other: true },
  'xlf:mrk': { content: seq([INLINE, 0, MANY]), text: true, attrs: MARKER, required: ['id'], other: true },
  'xlf:sm': { attrs: MARKER, required: ['id'], other: true },
  'xlf:em': { attrs: { startRef: nmtoken }, required: ['startRef'] },
};

const modules: Record<string, ElementSpec> = {
  'mtc:matches': { content: seq(['mtc:match', 1, MANY]), parents: ['xlf:unit'] },
  'mtc:match': {
    content: seq(['mda:metadata', 0, 1], ['xlf:originalData', 0, 1], ['xlf:source', 1, 1], ['xlf:target', 1, 1], [OTHER, 0, MANY]),
    attrs: { id: nmtoken, matchQuality: percent, matchSuitability: percent, similarity: percent, origin: anyString, ref: anyString, reference: yesNo, subType: userDefined, type: oneOf('am', 'mt', 'icm', 'idm', 'tb', 'tm', 'other') },
    required: ['ref'],
    other: true,
    parents: ['mtc:matches'],
  },
  'gls:glossary': { content: seq(['gls:glossEntry', 1, MANY]), parents: ['xlf:unit'] },
  'gls:glossEntry': { content: seq(['gls:term', 1, 1], ['gls:translation', 0, MANY], ['gls:definition', 0, 1], [OTHER, 0, MANY]), attrs: { id: nmtoken, ref: anyString }, other: true, parents: ['gls:glossary'] },
  'gls:term': { text: true, attrs: { source: anyString }, other: true, parents: ['gls:glossEntry'] },
  'gls:translation': { text: true, attrs: { id: nmtoken, ref: anyString, source: anyString }, other: true, parents: ['gls:glossEntry'] },
  'gls:definition': { text: true, attrs: { source: anyString }, other: true, parents: ['gls:glossEntry'] },
  'mda:metadata': { content: seq(['mda:metaGroup', 1, MANY]), attrs: { id: nmtoken }, parents: [...FILE_GROUP_UNIT, 'mtc:match'] },
  'mda:metaGroup': { content: seq([['mda:metaGroup', 'mda:meta'], 1, MANY]), attrs: { id: nmtoken, category: anyString, appliesTo: oneOf('source', 'target', 'ignorable') }, parents: ['mda:metadata', 'mda:metaGroup'] },
  'mda:meta': { text: true, attrs: { type: anyString }, required: ['type'], parents: ['mda:metaGroup'] },
  'res:resourceData': { content: seq(['res:resourceItemRef', 0, MANY], ['res:resourceItem', 0, MANY]), parents: FILE_GROUP_UNIT },
  'res:resourceItemRef': { attrs: { id: nmtoken, ref: nmtoken }, required: ['ref'], other: true, parents: ['res:resourceData'] },
  'res:resourceItem': { content: seq(['res:source', 0, 1], ['res:target', 0, 1], ['res:reference', 0, MANY]), attrs: { mimeType: anyString, id: nmtoken, context: yesNo }, other: true, parents: ['res:resourceData'] },
  'res:source': { content: seq([OTHER, 0, MANY]), attrs: { href: anyString }, xml: { lang: language }, other: true, parents: ['res:resourceItem'] },
  'res:target': { content: seq([OTHER, 0, MANY]), attrs: { href: anyString }, xml: { lang: language }, other: true, parents: ['res:resourceItem'] },
  'res:reference': { attrs: { href: anyString }, required: ['href'], xml: { lang: language }, other: true, parents: ['res:resourceItem'] },
  'ctr:changeTrack': { content: seq(['ctr:revisions', 1, MANY]), parents: FILE_GROUP_UNIT },
  'ctr:revisions': { content: seq(['ctr:revision', 1, MANY]), attrs: { appliesTo: nmtoken, ref: nmtoken, currentVersion: nmtoken }, required: ['appliesTo'], other: true, parents: ['ctr:changeTrack'] },
  'ctr:revision': { content: seq(['ctr:item', 1, MANY]), attrs: { author: anyString, datetime: anyString, version: nmtoken }, other: true, parents: ['ctr:revisions'] },
  'ctr:item': { text: true, attrs: { property: anyString }, required: ['property'], other: true, parents: ['ctr:revision'] },
  'slr:profiles': { content: seq(['slr:normalization', 0, 1], [OTHER, 0, MANY]), attrs: { generalProfile: anyString, storageProfile: anyString }, parents: ['xlf:file'] },
  'slr:normalization': { attrs: { general: normalization, storage: normalization }, parents: ['slr:profiles'] },
  'slr:data': { content: seq([OTHER, 0, MANY]), attrs: { profile: anyString }, required: ['profile'], other: true, parents: FILE_GROUP_UNIT },
  'val:validation': { content: seq(['val:rule', 1, MANY]), other: true, parents: FILE_GROUP_UNIT },
  'val:rule': {
    attrs: { isPresent: anyString, occurs: integer(1), isNotPresent: anyString, startsWith: anyString, endsWith: anyString, existsInSource: yesNo, caseSensitive: yesNo, normalization, disabled: yesNo },
    other: true,
    parents: ['val:validation'],
  },
  'its:locQualityIssues': { content: seq(['its:locQualityIssue', 1, MANY]), attrs: { version: anyString }, other: true },
  'its:locQualityIssue': { attrs: { version: anyString, locQualityIssueType: anyString, locQualityIssueComment: anyString, locQualityIssueSeverity: anyString, locQualityIssueProfileRef: anyString, locQualityIssueEnabled: anyString }, parents: ['its:locQualityIssues'] },
  'its:provenanceRecords': { content: seq(['its:provenanceRecord', 1, MANY]), attrs: { version: anyString }, other: true },
  'its:provenanceRecord': {
    attrs: Object.fromEntries(['version', 'org', 'orgRef', 'person', 'personRef', 'revOrg', 'revOrgRef', 'revPerson', 'revPersonRef', 'revTool', 'revToolRef', 'tool', 'toolRef'].map((n) => [n, anyString])),
    parents: ['its:provenanceRecords'],
  },
};

const FS_VALUES =
  'a b bdo big blockquote body br button caption center cite code col colgroup dd del div dl dt em h1 h2 h3 h4 h5 h6 head hr html i img label legend li ol p pre q s samp select small span strike strong sub sup table tbody td tfoot th thead title tr tt u ul'.split(' ');
const ITS_SCORE = decimal(0, 100);
const ITS_CONFIDENCE = decimal(0, 1);

const globalAttrs: Record<string, Value> = {
  'fs:fs': oneOf(...FS_VALUES),
  'fs:subFs': anyString,
  // Their format depends on the size profile in use: the slr rule checks them.
  'slr:equivStorage': anyString,
  'slr:sizeInfo': anyString,
  'slr:sizeInfoRef': nmtoken,
  'slr:sizeRestriction': anyString,
  'slr:storageRestriction': anyString,
  'its:version': oneOf('2.0'),
  'its:localeFilterType': oneOf('include', 'exclude'),
  'its:locQualityIssueEnabled': yesNo,
  'its:locQualityIssueType': oneOf(
    ...'terminology mistranslation omission untranslated addition duplication inconsistency grammar legal register locale-specific-content locale-violation style characters misspelling typographical formatting inconsistent-entities numbers markup pattern-problem whitespace internationalization length non-conformance uncategorized other'.split(' '),
  ),
  'its:locQualityIssueSeverity': ITS_SCORE,
  'its:locQualityRatingScore': ITS_SCORE,
  'its:locQualityRatingScoreThreshold': ITS_SCORE,
  'its:locQualityRatingVote': anyInteger,
  'its:locQualityRatingVoteThreshold': anyInteger,
  'its:mtConfidence': ITS_CONFIDENCE,
  'its:taConfidence': ITS_CONFIDENCE,
  'its:termConfidence': ITS_CONFIDENCE,
  'itsm:lang': language,
  'itsm:domains': anyString,
  ...Object.fromEntries(
    'allowedCharacters annotatorsRef localeFilterList locQualityIssueComment locQualityIssueProfileRef locQualityIssuesRef locQualityRatingProfileRef org orgRef person personRef provenanceRecordsRef revOrg revOrgRef revPerson revPersonRef revTool revToolRef taClassRef taIdent taIdentRef taSource tool toolRef'
      .split(' ')
      .map((n) => [`its:${n}`, anyString]),
  ),
};

export const SCHEMA2: Schema = {
  prefixes: {
    [NS_XLIFF2]: 'xlf',
    [NS_MTC]: 'mtc',
    [NS_GLS]: 'gls',
    [NS_FS]: 'fs',
    [NS_MDA]: 'mda',
    [NS_RES]: 'res',
    [NS_CTR]: 'ctr',
    [NS_SLR]: 'slr',
    [NS_VAL]: 'val',
    [NS_ITS]: 'its',
    [NS_ITSM]: 'itsm',
  },
  elements: { ...core, ...modules },
  globalAttrs,
};
