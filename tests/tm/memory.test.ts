/** The memory model, its file and what locales/ feeds it (tm/memory.ts, tm/file.ts, tm/derive.ts). Pure. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { emptyLocale, reconcile } from '../../src/core/reconcile.js';
import { parseArticle } from '../../src/formats/article.js';
import { entriesFromLocale } from '../../src/tm/derive.js';
import { parseMemory, serializeMemory } from '../../src/tm/file.js';
import { countNew, mergeEntries, type TmEntry } from '../../src/tm/memory.js';

const e = (source: string, target: string, state: TmEntry['state'] = 'translated', articles: string[] = []): TmEntry => ({ source, target, state, articles });

describe('mergeEntries', () => {
  it('one entry per (source, target) normalised for white space: articles united, the best state kept', () => {
    const merged = mergeEntries([e('B b.', 'Bb.', 'stale', ['y']), e('A  a.', 'Aa.', 'translated', ['x'])], [e('A a.', 'Aa.', 'reviewed', ['w', 'x']), e('A a.', 'Other.', 'retired')]);
    expect(merged).toEqual([e('A  a.', 'Aa.', 'reviewed', ['w', 'x']), e('A a.', 'Other.', 'retired'), e('B b.', 'Bb.', 'stale', ['y'])]);
  });

  it('does not depend on the order of its inputs', () => {
    const lists = [[e('x', 'y', 'final', ['b'])], [e('x ', 'y', 'translated', ['a']), e('z', 'w')], [e(' x', 'y', 'retired', ['c'])]];
    const a = mergeEntries(...lists);
    const b = mergeEntries(...[...lists].reverse());
    expect(b).toEqual(a);
    expect(a[0]).toEqual(e(' x', 'y', 'final', ['a', 'b', 'c']));
  });

  it('drops pairs with an empty side; counts what is new', () => {
    expect(mergeEntries([e('', 'y'), e('x', '  ')])).toEqual([]);
    expect(countNew([e('a', 'b')], [e('a ', 'b'), e('a', 'c'), e('a', 'c'), e('', 'd')])).toBe(1);
  });
});

describe('the memory file', () => {
  const entries = [e('Zeta.', 'Zeta.', 'final', ['b', 'a']), e('Alpha.', 'Alfa.', 'reviewed', ['a'])];

  it('is deterministic: sorted, fixed key order, LF, final newline, same bytes whatever the input order', () => {
    const text = serializeMemory('en', 'it', entries);
    expect(text).toBe(serializeMemory('en', 'it', [...entries].reverse()));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    const data = JSON.parse(text) as { format: string; entries: TmEntry[] };
    expect(Object.keys(data)).toEqual(['format', 'sourceLanguage', 'targetLanguage', 'entries']);
    expect(data.entries.map((x) => Object.keys(x))).toEqual([
      ['source', 'target', 'state', 'articles'],
      ['source', 'target', 'state', 'articles'],
    ]);
    expect(data.entries[1]!.articles).toEqual(['a', 'b']);
  });

  it('reads back as the same entries', () => {
    expect(parseMemory(serializeMemory('en', 'ar', entries), 'f', { source: 'en', target: 'ar' })).toEqual(mergeEntries(entries));
  });

  it('refuses what is not a memory, or a memory for another language, naming the file', () => {
    const bad = (content: string, target: 'it' | 'fr' = 'it'): InputError => {
      try {
        parseMemory(content, 'locales/it/.tm.json', { source: 'en', target });
      } catch (err) {
        return err as InputError;
      }
      throw new Error('accepted');
    };
    expect(bad('{"format":"x"}').message).toMatch(/^locales\/it\/\.tm\.json: error: not a Tessera memory/);
    expect(bad(serializeMemory('en', 'it', entries), 'fr').message).toContain('the memory is for en → it, expected en → fr');
    expect(bad('{"format":"tessera-tm/1","sourceLanguage":"en","targetLanguage":"it","entries":[{"source":"a","target":"b","state":"great","articles":[]}]}').message).toContain('entry 1 has an unknown state "great"');
    expect(bad('{"format": ').message).toMatch(/locales\/it\/\.tm\.json:1:\d+: error: not valid JSON/);
  });
});

describe('what locales/ feeds the memory', () => {
  const doc = parseArticle(readFileSync(resolve(import.meta.dirname, '../../source/palermo-conference.md'), 'utf8'), 'a.md');
  const [s0, s1, s2, s3] = doc.segments;

  it('live translations at their state, stale suggestions with their previous sentence, retired translations; never pseudo-translations', () => {
    const data = emptyLocale();
    data.resources[s0!.id] = 'Titolo';
    data.units[s0!.id] = { state: 'reviewed', provenance: 'human' };
    data.resources[s1!.id] = 'Pseudo';
    data.units[s1!.id] = { state: 'translated', provenance: 'pseudo' };
    data.units[s2!.id] = { state: 'stale', provenance: 'human', suggestion: 'Vecchia.', previousSource: 'Old sentence.' };
    data.resources[s3!.id] = 'Nuova.';
    data.units[s3!.id] = { state: 'translated', provenance: 'tm' };
    data.retired.sgone = { source: 'Gone.', target: 'Andata.' };
    data.retired.sunknown = { source: '', target: 'Sconosciuta.' };
    expect(mergeEntries(entriesFromLocale(doc, data))).toEqual(
      mergeEntries([
        e(s0!.source, 'Titolo', 'reviewed', ['palermo-conference']),
        e('Old sentence.', 'Vecchia.', 'stale', ['palermo-conference']),
        e(s3!.source, 'Nuova.', 'translated', ['palermo-conference']),
        e('Gone.', 'Andata.', 'retired', ['palermo-conference']),
      ]),
    );
  });

  it('an edited sentence: reconcile keeps the old translation as a suggestion, and the memory keeps the old pair', () => {
    const before = emptyLocale();
    before.resources[s3!.id] = 'Tradotta.';
    before.units[s3!.id] = { state: 'reviewed', provenance: 'human' };
    const previousEn = Object.fromEntries(doc.segments.map((s) => [s.id, s.source]));
    const edited = parseArticle(readFileSync(resolve(import.meta.dirname, '../../source/palermo-conference.md'), 'utf8').replace(s3!.source, `${s3!.source.slice(0, -1)} again.`), 'a.md');
    const after = reconcile(edited, previousEn, before);
    expect(entriesFromLocale(edited, after)).toEqual([e(s3!.source, 'Tradotta.', 'stale', ['palermo-conference'])]);
  });
});
