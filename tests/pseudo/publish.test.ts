/**
 * Pseudo-locales around the transform, pure: the XLIFF round trip `tessera pseudo` takes
 * (x-pseudo ⇄ provenance pseudo), pseudo text never counted or published in a real language,
 * languages parsed with pseudo-locales only when named, and pseudo editions marked.
 */
import { describe, expect, it } from 'vitest';
import { mergeUnits } from '../../src/core/merge.js';
import { assessEdition, policyFor } from '../../src/core/policy.js';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { articleStatus } from '../../src/core/status.js';
import { PSEUDO_LANGS, pseudoAsLang, type Lang } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { validateXliff } from '../../src/formats/xliff/validate.js';
import { writeXliff12 } from '../../src/formats/xliff/write12.js';
import { parseLangs } from '../../src/io/project.js';
import { exchangeFile } from '../../src/pipeline/steps/export.js';
import { parsePseudoLangs } from '../../src/pipeline/steps/pseudo.js';
import { PSEUDO_BANNER, markPseudoEdition, pseudoDir } from '../../src/pseudo/edition.js';
import { withoutPseudo } from '../../src/pseudo/publish.js';
import { pseudoTranslate } from '../../src/pseudo/transform.js';
import { inputErrorOf } from '../helpers/errors.js';

const doc = parseArticle(
  [
    '---',
    'slug: small',
    'lang: en',
    'headline: Talks end',
    'date: 2018-11-13',
    '---',
    '',
    'Welcome today’s conference for #Libya in Palermo. Read the [report](https://example.org/r) now.',
    '',
    '> — Alistair Burt (@AlistairBurtUK) November 13, 2018',
    '',
    'pic.twitter.com/g5bbaN5LzK',
    '',
  ].join('\n'),
  'small.md',
);
const translatable = doc.segments.filter((s) => s.translate);
const PLOC = pseudoAsLang('qps-ploc');

/** What `tessera pseudo` does for one article and pseudo-locale, minus the disk. */
function pseudoRoundTrip(lang: Lang, data: LocaleData = emptyLocale()) {
  const file = exchangeFile(doc, lang, data, true);
  for (const u of file.units) {
    if (!u.translate) continue;
    u.target = pseudoTranslate(u.source, lang as unknown as 'qps-ploc');
    u.state = 'translated';
    u.provenance = 'pseudo';
  }
  const xml = writeXliff12(file);
  return { xml, read: readXliff(xml, 'p.xlf'), merged: mergeUnits(doc, data, readXliff(xml, 'p.xlf')[0]!.units, { file: 'p.xlf' }) };
}

describe('the XLIFF round trip: written as a translator would send it, imported by the real merge', () => {
  it('writes state="translated" state-qualifier="x-pseudo" for the pseudo-locale, and the file is valid XLIFF 1.2', () => {
    const { xml } = pseudoRoundTrip(PLOC);
    expect(xml).toContain('target-language="qps-ploc"');
    expect(xml.match(/state="translated" state-qualifier="x-pseudo"/g)).toHaveLength(translatable.length);
    expect(validateXliff(xml, 'p.xlf').problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads x-pseudo back as provenance pseudo, and the merge applies every translatable unit with its codes', () => {
    const { read, merged } = pseudoRoundTrip(PLOC);
    for (const u of read[0]!.units.filter((x) => x.translate)) {
      expect(u.provenance, u.id).toBe('pseudo');
      expect(u.state, u.id).toBe('translated');
    }
    expect(merged.report).toMatchObject({ applied: translatable.length, skipped: 0, unchanged: 0, ignored: 1 });
    for (const s of translatable) {
      expect(merged.data.units[s.id], s.id).toEqual({ state: 'translated', provenance: 'pseudo' });
      expect(merged.data.resources[s.id], s.id).toBe(pseudoTranslate(s.source, 'qps-ploc'));
    }
    expect(Object.values(merged.data.resources).join('\n')).toContain('#Libya');
    expect(Object.values(merged.data.resources).join('\n')).toContain('(@AlistairBurtUK)');
    expect(Object.values(merged.data.resources).join('\n')).toContain('](https://example.org/r)');
  });

  it('the same again changes nothing', () => {
    const first = pseudoRoundTrip(PLOC).merged.data;
    const again = pseudoRoundTrip(PLOC, first);
    expect(again.merged.report).toMatchObject({ applied: 0, unchanged: translatable.length, skipped: 0 });
    expect(again.merged.data).toEqual(first);
  });
});

describe('pseudo text in a real language is not a translation', () => {
  const real = (): LocaleData => {
    const data = emptyLocale();
    for (const s of translatable) {
      data.resources[s.id] = `(it) ${s.source}`;
      data.units[s.id] = { state: 'reviewed', provenance: 'human' };
    }
    const [a, b] = translatable;
    data.resources[a!.id] = pseudoTranslate(a!.source, 'qps-ploc');
    data.units[a!.id] = { state: 'translated', provenance: 'pseudo' };
    delete data.resources[b!.id];
    data.units[b!.id] = { state: 'stale', provenance: 'pseudo', suggestion: '[Ŕéåð !!]', previousSource: 'Read.' };
    return data;
  };

  it('withoutPseudo takes pseudo units (and stale pseudo suggestions) out of a real language, nothing else', () => {
    const data = real();
    const view = withoutPseudo(data, 'it');
    const [a, b, ...rest] = translatable;
    expect(view.resources[a!.id]).toBeUndefined();
    expect(view.units[a!.id]).toBeUndefined();
    expect(view.units[b!.id]).toBeUndefined();
    for (const s of rest) expect(view.units[s.id]).toEqual({ state: 'reviewed', provenance: 'human' });
    expect(data.units[a!.id]).toEqual({ state: 'translated', provenance: 'pseudo' }); // the input is not changed
  });

  it('leaves a pseudo-locale, and a language without pseudo units, exactly as they are', () => {
    const data = real();
    for (const code of PSEUDO_LANGS) expect(withoutPseudo(data, code)).toBe(data);
    const clean = emptyLocale();
    expect(withoutPseudo(clean, 'fr')).toBe(clean);
  });

  it('status (core/status.ts) counts them as new in a real language, as translated in a pseudo-locale', () => {
    const { row, remaining } = articleStatus(doc, ['it', PLOC], () => real());
    expect(row.languages.it!.segments).toMatchObject({ new: 2, translated: 0, reviewed: translatable.length - 2 });
    expect(row.languages.it!.translatedWords).toBeLessThan(100);
    expect(remaining.filter((r) => r.lang === 'it').map((r) => r.id)).toEqual(translatable.slice(0, 2).map((s) => s.id));
    expect(row.languages[PLOC]!.segments).toMatchObject({ new: 0, stale: 1, translated: 1, reviewed: translatable.length - 2 });
  });

  it('through withoutPseudo the publish policy sets English instead, and holds the edition back at 100%', () => {
    // The one-line change proposed for core/policy.ts: assessEdition sees withoutPseudo(data, lang).
    const a = assessEdition(doc, 'it', withoutPseudo(real(), 'it'), policyFor({}, 'it'));
    expect(a.resources[translatable[0]!.id]).toBeUndefined();
    expect(Object.values(a.resources).some((t) => t.includes('!!]'))).toBe(false);
    expect(a.blocked.map((r) => r.rule)).toEqual(['min-translated']);
  });
});

describe('languages: pseudo-locales only when named', () => {
  it('no default holds a pseudo-locale', () => {
    expect(parseLangs(undefined)).toEqual(['it', 'fr', 'ar']);
    expect(parseLangs([], ['en', 'it', 'fr', 'ar'], { pseudo: true })).toEqual(['en', 'it', 'fr', 'ar']);
  });

  it('status and export (the default list) take them by name, in any case', () => {
    expect(parseLangs(['qps-ploc,QPS-PLOCM', 'it'])).toEqual(['qps-ploc', 'qps-plocm', 'it']);
    expect(parseLangs(['qps_ploc'])).toEqual(['qps-ploc']);
  });

  it('a caller with its own list (check: TARGET_LANGS, build today: LANGS) does not, unless it opts in', () => {
    expect(inputErrorOf(() => parseLangs(['qps-ploc'], ['it', 'fr', 'ar'])).diagnostics[0]!.message).toBe('unknown language "qps-ploc"');
    expect(inputErrorOf(() => parseLangs(['qps-ploc'], ['en', 'it', 'fr', 'ar'])).diagnostics[0]!.hint).toBe('supported: en, it, fr, ar');
    expect(parseLangs(['qps-plocm', 'ar'], ['en', 'it', 'fr', 'ar'], { pseudo: true })).toEqual(['qps-plocm', 'ar']);
  });

  it('`tessera pseudo` takes pseudo-locales only (default both) and refuses a real language', () => {
    expect(parsePseudoLangs(undefined)).toEqual(['qps-ploc', 'qps-plocm']);
    expect(parsePseudoLangs(['QPS-PLOCM'])).toEqual(['qps-plocm']);
    const e = inputErrorOf(() => parsePseudoLangs(['qps-ploc', 'it']));
    expect(e.diagnostics[0]!.message).toBe('"it" is not a pseudo-locale');
    expect(e.diagnostics[0]!.rule).toBe('usage');
  });
});

describe('pseudo editions are marked not for publication', () => {
  const html = ['<!DOCTYPE html>', '<html lang="qps-ploc" dir="ltr">', '<head>', '<meta charset="utf-8">', '<title>x</title>', '</head>', '<body>', '<article>', '</article>', '</body>', '</html>', ''].join('\n');

  it('HTML: robots noindex in the head, a visible banner first thing in the body; once', () => {
    const marked = markPseudoEdition(html, 'html', 'qps-ploc');
    const head = marked.slice(0, marked.indexOf('</head>'));
    expect(head).toContain('<meta name="robots" content="noindex">');
    expect(marked).toMatch(new RegExp(`<body>\\n<p class="pseudo-banner" role="note" lang="en" dir="ltr" style="[^"]+">${PSEUDO_BANNER} \\(qps-ploc\\)</p>\\n<article>`));
    expect(markPseudoEdition(marked, 'html', 'qps-ploc')).toBe(marked);
  });

  it('Markdown: robots: noindex in the front matter and the banner as the first paragraph; text: the first line', () => {
    const md = markPseudoEdition('---\nslug: s\nlang: qps-ploc\n---\n\n[Ţĥé !]\n', 'md', 'qps-ploc');
    expect(md).toBe(`---\nslug: s\nlang: qps-ploc\nrobots: noindex\n---\n\n> **${PSEUDO_BANNER} (qps-ploc)**\n\n[Ţĥé !]\n`);
    expect(markPseudoEdition(md, 'md', 'qps-ploc')).toBe(md);
    const txt = markPseudoEdition('[Ţĥé !]\n', 'txt', 'qps-ploc');
    expect(txt).toBe(`${PSEUDO_BANNER} (qps-ploc)\n\n[Ţĥé !]\n`);
    expect(markPseudoEdition(txt, 'txt', 'qps-ploc')).toBe(txt);
  });

  it('qps-plocm editions are right to left; real languages are not the pseudo module’s business', () => {
    expect(pseudoDir('qps-plocm')).toBe('rtl');
    expect(pseudoDir('qps-ploc')).toBe('ltr');
    expect(pseudoDir('ar')).toBeUndefined();
  });
});
