/**
 * XLIFF 1.2 as data, transcribed from the strict schema (xliff-core-1.2-strict.xsd): every
 * element of the 1.2 namespace with its content model, attributes and their value lists.
 * The strict schema's value lists accept any value starting with `x-` as a tool's own.
 */
import { msg, NS_XLIFF12 } from './validate-rule.js';
import { ANY, anyString, integer, language, listOrX, MANY, nmtoken, oneOf, OTHER, seq, yesNo, type ElementSpec, type Schema, type Value } from './validate-schema.js';

const strings = (...names: string[]): Record<string, Value> => Object.fromEntries(names.map((n) => [n, anyString]));
const tokens = (...names: string[]): Record<string, Value> => Object.fromEntries(names.map((n) => [n, nmtoken]));

export const STATES_12 = ['final', 'needs-adaptation', 'needs-l10n', 'needs-review-adaptation', 'needs-review-l10n', 'needs-review-translation', 'needs-translation', 'new', 'signed-off', 'translated'];
const state = listOrX(...STATES_12);
const stateQualifier = listOrX(
  ...'exact-match fuzzy-match id-match leveraged-glossary leveraged-inherited leveraged-mt leveraged-repository leveraged-tm mt-suggestion rejected-grammar rejected-inaccurate rejected-length rejected-spelling tm-suggestion'.split(' '),
);
const datatype = listOrX(
  ...'asp c cdf cfm cpp csharp cstring csv database documentfooter documentheader filedialog form html htmlbody ini interleaf javaclass javapropertyresourcebundle javalistresourcebundle javascript jscript layout lisp margin menufile messagefile mif mimetype mo msglib pagefooter pageheader parameters pascal php plaintext po report resources resx rtf sgml sgmldtd svg vbscript warning winres xhtml xml xmldtd xsl xul'.split(
    ' ',
  ),
);
const restype = listOrX(
  ...'auto3state autocheckbox autoradiobutton bedit bitmap button caption cell checkbox checkboxmenuitem checkedlistbox colorchooser combobox comboboxexitem comboboxitem component contextmenu ctext cursor datetimepicker defpushbutton dialog dlginit edit file filechooser fn font footer frame grid groupbox header heading hedit hscrollbar icon iedit keywords label linklabel list listbox listitem ltext menu menubar menuitem menuseparator message monthcalendar numericupdown panel popupmenu pushbox pushbutton radio radiobuttonmenuitem rcdata row rtext scrollpane separator shortcut spinner splitter state3 statusbar string tabcontrol table textbox togglebutton toolbar tooltip trackbar tree uri userbutton usercontrol var versioninfo vscrollbar window'.split(
    ' ',
  ),
);
const sizeUnit = listOrX(...'byte char col cm dlgunit em ex glyph in mm percent pixel point row'.split(' '));
const delimiters = listOrX('bold', 'italic', 'underlined', 'link');
const placeholders = listOrX('image', 'pb', 'lb');
const mtype = listOrX(
  ...'abbrev abbreviated-form abbreviation acronym appellation collocation common-name datetime equation expanded-form formula head-term initialism international-scientific-term internationalism logical-expression materials-management-unit name near-synonym part-number phrase phraseological-unit protected romanized-form seg set-phrase short-form sku standard-text symbol synonym synonymous-phrase term transcribed-form transliterated-form truncated-term variant'.split(
    ' ',
  ),
);
const coord: Value = { test: (v) => /^(-?\d+|#);(-?\d+|#);(-?\d+|#);(-?\d+|#)$/.test(v), expected: msg('validate.value.coord') };
const mimeType: Value = { test: (v) => /^(text|multipart|message|application|image|audio|video|model)(\/.+)*$/.test(v), expected: msg('validate.value.mimeType') };
const dateTime: Value = { test: (v) => /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.test(v), expected: msg('validate.value.dateTime') };
const reformat: Value = {
  test: (v) => v === 'yes' || v === 'no' || v.trim().split(/\s+/).every((t) => /^x-\S+$/.test(t) || 'coord coord-x coord-y coord-cx coord-cy font font-name font-size font-weight css-style style ex-style'.split(' ').includes(t)),
  expected: msg('validate.value.reformat'),
};
const purpose: Value = { test: (v) => v.trim().split(/\s+/).every((t) => ['information', 'location', 'match'].includes(t) || /^x-\S+$/.test(t)), expected: msg('validate.value.purpose') };

const INLINE = ['xlf:g', 'xlf:bpt', 'xlf:ept', 'xlf:ph', 'xlf:it', 'xlf:mrk', 'xlf:x', 'xlf:bx', 'xlf:ex'];
const XML_LANG = { lang: language };
const XML_SPACE = { space: oneOf('default', 'preserve') };
const TEXT_CONTENT = { id: anyString, xid: anyString, 'equiv-text': anyString };
const EXTERNAL_REF: ElementSpec = { content: seq([['xlf:internal-file', 'xlf:external-file'], 1, 1]) };
const RESOURCE = {
  ...strings('resname', 'extradata', 'extype', 'menu', 'menu-option', 'menu-name', 'font', 'css-style', 'charclass'),
  ...tokens('help-id', 'style', 'exstyle', 'maxwidth', 'minwidth', 'maxheight', 'minheight', 'maxbytes', 'minbytes'),
  datatype,
  restype,
  coord,
  translate: yesNo,
  reformat,
  'size-unit': sizeUnit,
  'merged-trans': yesNo,
};

const elements: Record<string, ElementSpec> = {
  'xlf:xliff': { content: seq([OTHER, 0, MANY], ['xlf:file', 1, 1], [['xlf:file', OTHER], 0, MANY]), attrs: { version: anyString }, required: ['version'], xml: XML_LANG, other: true },
  'xlf:file': {
    content: seq(['xlf:header', 0, 1], ['xlf:body', 1, 1]),
    attrs: { original: anyString, 'source-language': language, 'target-language': language, datatype, date: dateTime, ...strings('tool-id', 'category', 'product-name', 'product-version', 'build-num') },
    required: ['original', 'source-language', 'datatype'],
    xml: XML_SPACE,
    other: true,
  },
  'xlf:header': {
    content: seq(['xlf:skl', 0, 1], ['xlf:phase-group', 0, 1], [['xlf:glossary', 'xlf:reference', 'xlf:count-group', 'xlf:note', 'xlf:tool'], 0, MANY], [OTHER, 0, MANY]),
  },
  'xlf:skl': EXTERNAL_REF,
  'xlf:glossary': EXTERNAL_REF,
  'xlf:reference': EXTERNAL_REF,
  'xlf:internal-file': { text: true, attrs: { form: anyString, crc: nmtoken } },
  'xlf:external-file': { attrs: { href: anyString, crc: nmtoken, uid: nmtoken }, required: ['href'] },
  'xlf:note': { text: true, attrs: { priority: integer(1, 10), from: anyString, annotates: oneOf('source', 'target', 'general') }, xml: XML_LANG },
  'xlf:phase-group': { content: seq(['xlf:phase', 1, MANY]) },
  'xlf:phase': {
    content: seq(['xlf:note', 0, MANY]),
    attrs: { date: dateTime, ...strings('phase-name', 'process-name', 'company-name', 'tool-id', 'job-id', 'contact-name', 'contact-email', 'contact-phone') },
    required: ['phase-name', 'process-name'],
  },
  'xlf:count-group': { content: seq(['xlf:count', 0, MANY]), attrs: { name: anyString }, required: ['name'] },
  'xlf:count': { text: true, attrs: { 'count-type': anyString, 'phase-name': anyString, unit: listOrX(...'word page trans-unit bin-unit glyph item instance character line sentence paragraph segment placeable'.split(' ')) } },
  'xlf:context-group': { content: seq(['xlf:context', 1, MANY]), attrs: { name: anyString, crc: nmtoken, purpose } },
  'xlf:context': {
    text: true,
    attrs: { 'context-type': listOrX(...'database element elementtitle linenumber numparams paramnotes record recordtitle sourcefile'.split(' ')), 'match-mandatory': yesNo, crc: nmtoken },
    required: ['context-type'],
  },
  'xlf:tool': { content: seq([ANY, 0, MANY]), text: true, attrs: strings('tool-id', 'tool-name', 'tool-version', 'tool-company'), required: ['tool-id', 'tool-name'], other: true },
  'xlf:body': { content: seq([['xlf:group', 'xlf:trans-unit', 'xlf:bin-unit'], 0, MANY]) },
  'xlf:group': {
    content: seq(['xlf:context-group', 0, MANY], ['xlf:count-group', 0, MANY], ['xlf:note', 0, MANY], [OTHER, 0, MANY], [['xlf:group', 'xlf:trans-unit', 'xlf:bin-unit'], 0, MANY]),
    attrs: { id: anyString, ...RESOURCE },
    xml: XML_SPACE,
    other: true,
  },
  'xlf:trans-unit': {
    content: seq(['xlf:source', 1, 1], ['xlf:seg-source', 0, 1], ['xlf:target', 0, 1], [['xlf:context-group', 'xlf:count-group', 'xlf:note', 'xlf:alt-trans'], 0, MANY], [OTHER, 0, MANY]),
    attrs: { id: anyString, approved: yesNo, 'phase-name': anyString, ...RESOURCE },
    required: ['id'],
    xml: XML_SPACE,
    other: true,
  },
  'xlf:source': { content: seq([INLINE, 0, MANY]), text: true, xml: XML_LANG, other: true },
  'xlf:seg-source': { content: seq([INLINE, 0, MANY]), text: true, xml: XML_LANG, other: true },
  'xlf:target': {
    content: seq([INLINE, 0, MANY]),
    text: true,
    attrs: { state, 'state-qualifier': stateQualifier, 'phase-name': nmtoken, coord, 'equiv-trans': yesNo, ...strings('resname', 'font', 'css-style'), ...tokens('style', 'exstyle') },
    xml: XML_LANG,
    other: true,
  },
  'xlf:alt-trans': {
    content: seq(['xlf:source', 0, 1], ['xlf:seg-source', 0, 1], ['xlf:target', 1, 1], ['xlf:context-group', 0, MANY], ['xlf:note', 0, MANY], [OTHER, 0, MANY]),
    attrs: {
      ...strings('match-quality', 'tool-id', 'origin', 'resname', 'extradata', 'extype', 'menu', 'menu-option', 'menu-name', 'font', 'css-style'),
      ...tokens('crc', 'help-id', 'mid', 'style', 'exstyle', 'phase-name'),
      datatype,
      restype,
      coord,
      alttranstype: listOrX('proposal', 'previous-version', 'rejected', 'reference', 'accepted'),
    },
    xml: { ...XML_LANG, ...XML_SPACE },
    other: true,
  },
  'xlf:bin-unit': {
    content: seq(['xlf:bin-source', 1, 1], ['xlf:bin-target', 0, 1], [['xlf:context-group', 'xlf:count-group', 'xlf:note', 'xlf:trans-unit'], 0, MANY], [OTHER, 0, MANY]),
    attrs: { id: anyString, 'mime-type': mimeType, approved: yesNo, translate: yesNo, reformat, restype, resname: anyString, 'phase-name': anyString },
    required: ['id', 'mime-type'],
    other: true,
  },
  'xlf:bin-source': { ...EXTERNAL_REF, other: true },
  'xlf:bin-target': { ...EXTERNAL_REF, attrs: { 'mime-type': mimeType, state, 'state-qualifier': stateQualifier, 'phase-name': nmtoken, restype, resname: anyString }, other: true },
  'xlf:g': { content: seq([INLINE, 0, MANY]), text: true, attrs: { ctype: delimiters, clone: yesNo, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:x': { attrs: { ctype: placeholders, clone: yesNo, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:bx': { attrs: { rid: nmtoken, ctype: delimiters, clone: yesNo, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:ex': { attrs: { rid: nmtoken, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:ph': { content: seq(['xlf:sub', 0, MANY]), text: true, attrs: { ctype: placeholders, crc: anyString, assoc: oneOf('preceding', 'following', 'both'), ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:bpt': { content: seq(['xlf:sub', 0, MANY]), text: true, attrs: { rid: nmtoken, ctype: delimiters, crc: anyString, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:ept': { content: seq(['xlf:sub', 0, MANY]), text: true, attrs: { rid: nmtoken, crc: anyString, ...TEXT_CONTENT }, required: ['id'], other: true },
  'xlf:it': { content: seq(['xlf:sub', 0, MANY]), text: true, attrs: { pos: oneOf('open', 'close'), rid: nmtoken, ctype: delimiters, crc: anyString, ...TEXT_CONTENT }, required: ['id', 'pos'], other: true },
  'xlf:sub': { content: seq([INLINE, 0, MANY]), text: true, attrs: { datatype, ctype: delimiters, xid: anyString } },
  'xlf:mrk': { content: seq([INLINE, 0, MANY]), text: true, attrs: { mtype, mid: nmtoken, comment: anyString }, required: ['mtype'], other: true },
};

export const SCHEMA12: Schema = { prefixes: { [NS_XLIFF12]: 'xlf' }, elements, globalAttrs: {} };
