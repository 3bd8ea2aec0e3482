/**
 * Inline codes: Markdown markup and text that must not change, as XLIFF codes, and back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCodes, alignTarget, decodeInline, encodeInline, inlineHtml, inlineText, type TargetPart } from '../../src/formats/inline.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { writeXliff12 } from '../../src/formats/xliff/write12.js';
import { writeXliff20 } from '../../src/formats/xliff/write20.js';
import type { ExchangeFile } from '../../src/formats/xliff/model.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const codes = (parts: ReturnType<typeof encodeInline>) => parts.filter((p) => typeof p !== 'string');

describe('encodeInline', () => {
  it('protects handles, hashtags, URLs and e-mail addresses as placeholders', () => {
    const parts = encodeInline('Follow @NewsDesk and #Libya at https://news.example.org/a?b=1, or write to desk@example.org.');
    expect(codes(parts).map((c) => [c.kind, c.type, c.data])).toEqual([
      ['ph', 'handle', '@NewsDesk'],
      ['ph', 'hashtag', '#Libya'],
      ['ph', 'url', 'https://news.example.org/a?b=1'],
      ['ph', 'email', 'desk@example.org'],
    ]);
    expect(parts.at(-1)).toBe('.');
  });

  it('turns links and emphasis into pairs around translatable text, code into placeholders', () => {
    const parts = encodeInline('Read the [Reuters report](https://x.org/r "R") by *Ann* and **Bob** at `tessera status`.');
    expect(parts).toEqual([
      'Read the ',
      { id: '1', kind: 'open', data: '[', type: 'link' },
      'Reuters report',
      { id: '1', kind: 'close', data: '](https://x.org/r "R")', type: 'link' },
      ' by ',
      { id: '2', kind: 'open', data: '*', type: 'italic' },
      'Ann',
      { id: '2', kind: 'close', data: '*', type: 'italic' },
      ' and ',
      { id: '3', kind: 'open', data: '**', type: 'bold' },
      'Bob',
      { id: '3', kind: 'close', data: '**', type: 'bold' },
      ' at ',
      { id: '4', kind: 'ph', data: '`tessera status`', type: 'code' },
      '.',
    ]);
  });

  it('leaves ordinary text alone: C#, 3 * 4, e-mail-like words without a domain', () => {
    for (const s of ['He wrote C# and F# code.', 'It costs 3 * 4 euros.', 'A *half-open sentence.', 'The ratio was 5:3.']) {
      expect(codes(encodeInline(s)), s).toEqual([]);
    }
  });

  it('round-trips every sentence we have, byte for byte', () => {
    const texts: string[] = [];
    for (const lang of ['en', 'it', 'fr', 'ar']) {
      texts.push(...Object.values(JSON.parse(readFileSync(resolve(`locales/${lang}/palermo-conference.json`), 'utf8')) as Record<string, string>));
      const own = resolve(`tests/segment/cases/${lang}.json`);
      if (existsSync(own)) for (const c of JSON.parse(readFileSync(own, 'utf8')) as { text: string }[]) texts.push(c.text);
    }
    texts.push('Mixed *emphasis with a [link](https://a.b/c_d) inside* and `code`.', 'Line one  \nline two.', 'An image ![alt](x.png) and <span>html</span>.');
    for (const t of texts) expect(decodeInline(encodeInline(t)), t).toBe(t);
  });
});

describe('applyCodes: the translator’s text with our codes', () => {
  const source = encodeInline('Read the [report](https://x.org) by @Ann.');
  const ref = (kind: 'open' | 'close' | 'ph', id: string, data?: string): TargetPart => ({ kind, id, ...(data ? { data } : {}) });

  it('rebuilds the Markdown from OUR code text, whatever the file says the code holds', () => {
    const r = applyCodes(source, ['Leggi il ', ref('open', '1', '[tampered'), 'rapporto', ref('close', '1'), ' di ', ref('ph', '2', '@Mallory'), '.']);
    expect(r).toEqual({ text: 'Leggi il [rapporto](https://x.org) di @Ann.' });
  });

  it('lets codes move, as translation needs', () => {
    expect(applyCodes(source, [ref('ph', '2'), ' ha scritto il ', ref('open', '1'), 'rapporto', ref('close', '1'), '.'])).toEqual({ text: '@Ann ha scritto il [rapporto](https://x.org).' });
  });

  it.each([
    ['lost', ['Leggi il rapporto di @Ann.'], 'codes-lost'],
    ['duplicated', ['x ', { kind: 'ph', id: '2' }, ' ', { kind: 'ph', id: '2' }, { kind: 'open', id: '1' }, 'y', { kind: 'close', id: '1' }], 'codes-duplicated'],
    ['invented', [{ kind: 'ph', id: '9' }, { kind: 'ph', id: '2' }, { kind: 'open', id: '1' }, 'y', { kind: 'close', id: '1' }], 'codes-invented'],
    ['closed before opened', [{ kind: 'close', id: '1' }, 'y', { kind: 'open', id: '1' }, { kind: 'ph', id: '2' }], 'codes-order'],
  ] as [string, TargetPart[], string][])('refuses codes %s', (_name, target, rule) => {
    const r = applyCodes(source, target);
    expect('problem' in r && r.problem.rule).toBe(rule);
  });
});

describe('alignTarget', () => {
  it('gives a stored translation the source’s code ids, even when the codes moved', () => {
    const source = encodeInline('Welcome @Ann to *Rome*.');
    const parts = alignTarget(source, '*Roma* dà il benvenuto a @Ann.');
    expect(codes(parts).map((c) => `${c.kind}:${c.id}`)).toEqual(['open:2', 'close:2', 'ph:1']);
  });

  it('keeps a pair whose link address changed as text on both sides (balanced markup)', () => {
    const parts = alignTarget(encodeInline('See the [report](https://a.org).'), 'Vedi il [rapporto](https://b.org).');
    expect(codes(parts)).toEqual([]);
    expect(decodeInline(parts)).toBe('Vedi il [rapporto](https://b.org).');
  });
});

describe('XLIFF with inline codes', () => {
  const file: ExchangeFile = {
    article: 'a',
    sourceLang: 'en',
    targetLang: 'it',
    notes: [],
    units: [{ id: 's1', source: 'Read the [report](https://x.org) by @Ann.', target: '@Ann ha scritto il [rapporto](https://x.org).', state: 'translated', translate: true, notes: [] }],
  };

  it.each([
    ['1.2', () => writeXliff12(file)],
    ['2.0', () => writeXliff20(file)],
  ])('%s: codes carry their text and read back with it', (_v, write) => {
    const xml = write();
    const u = readXliff(xml, 'a.xlf')[0]!.units[0]!;
    expect(u.source).toBe(file.units[0]!.source);
    expect(u.target).toBe(file.units[0]!.target);
    expect(applyCodes(encodeInline(file.units[0]!.source), u.targetParts!)).toEqual({ text: file.units[0]!.target });
  });

  it('1.2 writes ph/bpt/ept with their text as content (what Translate Toolkit and OmegaT show)', () => {
    const xml = writeXliff12(file);
    expect(xml).toContain('<source xml:lang="en">Read the <bpt id="1" ctype="link">[</bpt>report<ept id="1">](https://x.org)</ept> by <ph id="2" ctype="x-handle">@Ann</ph>.</source>');
  });

  it('2.0 writes pc/ph pointing into originalData', () => {
    const xml = writeXliff20(file);
    expect(xml).toContain('<data id="d1">[</data>');
    expect(xml).toContain('<data id="d1e">](https://x.org)</data>');
    expect(xml).toContain('<source>Read the <pc id="1" dataRefStart="d1" dataRefEnd="d1e">report</pc> by <ph id="2" dataRef="d2" disp="@Ann"/>.</source>');
  });
});

describe('editions', () => {
  it('inlineHtml renders markup as elements and text through the given function', () => {
    expect(inlineHtml('See the [report](https://x.org/?a=1&b=2) by *Ann* & `x<y`.', (t) => esc(t).toUpperCase(), esc)).toBe(
      'SEE THE <a href="https://x.org/?a=1&amp;b=2">REPORT</a> BY <em>ANN</em> &AMP; <code>x&lt;y</code>.',
    );
  });

  it('inlineText drops markup and keeps text and protected tokens', () => {
    expect(inlineText('See the [report](https://x.org) by *Ann* at `x`, @Ann #Libya.')).toBe('See the report by Ann at x, @Ann #Libya.');
  });
});
