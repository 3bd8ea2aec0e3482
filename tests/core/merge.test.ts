import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Merger, mergeUnits, UNITS_SHOWN } from '../../src/core/merge.js';
import { emptyLocale, type LocaleData } from '../../src/core/reconcile.js';
import { stateRank, type Doc, type State } from '../../src/core/types.js';
import { parseArticle } from '../../src/formats/article.js';
import type { ReadUnit } from '../../src/formats/xliff/model.js';

const ARTICLE = readFileSync(resolve(process.cwd(), 'source/palermo-conference.md'), 'utf8');
const doc: Doc = parseArticle(ARTICLE, 'source/palermo-conference.md');
const FILE = 'out/xliff/it/palermo-conference.xlf';

const headline = doc.segments[0]!;
const first = doc.segments.find((s) => s.source.startsWith('PALERMO:'))!;
const later = doc.segments.find((s) => s.source.startsWith('Later, UN Libyan envoy'))!;
const link = doc.segments.find((s) => !s.translate);

function unit(id: string, source: string, target: string | undefined, state: State, extra: Partial<ReadUnit> = {}): ReadUnit {
  const u: ReadUnit = { id, source, state, translate: true, notes: [], line: 10, column: 7, ...extra };
  if (target !== undefined) u.target = target;
  return u;
}

const merge = (data: LocaleData, units: ReadUnit[], force = false) => mergeUnits(doc, data, units, { force, file: FILE });

describe('mergeUnits', () => {
  it('applies translations, with state and provenance, in document order', () => {
    const { data, report } = merge(emptyLocale(), [
      unit(later.id, later.source, 'Più tardi, l’inviato ONU…', 'translated', { provenance: 'mt' }),
      unit(headline.id, headline.source, 'L’Italia riunisce i leader rivali della Libia', 'reviewed'),
    ]);
    expect(report).toMatchObject({ applied: 2, unchanged: 0, skipped: 0, ignored: 0, diagnostics: [] });
    expect(data.resources).toEqual({
      [headline.id]: 'L’Italia riunisce i leader rivali della Libia',
      [later.id]: 'Più tardi, l’inviato ONU…',
    });
    // Document order, whatever the file's order.
    expect(Object.keys(data.resources)).toEqual([headline.id, later.id]);
    expect(data.units[headline.id]).toEqual({ state: 'reviewed', provenance: 'human' });
    expect(data.units[later.id]).toEqual({ state: 'translated', provenance: 'mt' });
  });

  it('keeps the translator’s notes with the translation, and takes new notes on an unchanged text', () => {
    const first = merge(emptyLocale(), [unit(later.id, later.source, 'Più tardi.', 'translated', { notes: ['Salamé: grafia ANSA.'] })]);
    expect(first.data.units[later.id]).toEqual({ state: 'translated', provenance: 'human', notes: ['Salamé: grafia ANSA.'] });
    const again = merge(first.data, [unit(later.id, later.source, 'Più tardi.', 'translated', { notes: ['Salamé: grafia ANSA.'] })]);
    expect(again.report.unchanged).toBe(1);
    const noted = merge(first.data, [unit(later.id, later.source, 'Più tardi.', 'translated', { notes: ['Checked with the desk.'] })]);
    expect(noted.data.units[later.id]!.notes).toEqual(['Checked with the desk.']);
  });

  it('does not modify the data it was given', () => {
    const input = emptyLocale();
    const snapshot = JSON.stringify(input);
    merge(input, [unit(headline.id, headline.source, 'Titolo', 'translated')]);
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('skips a unit whose id the article does not have, with a warning naming file, line and column', () => {
    const { data, report } = merge(emptyLocale(), [unit('ffffffffff', 'Made up.', 'Inventato.', 'translated', { line: 42, column: 9 })]);
    expect(data.resources).toEqual({});
    expect(report.skipped).toBe(1);
    expect(report.applied).toBe(0);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ severity: 'warning', rule: 'unknown-id', file: FILE, line: 42, column: 9 });
    expect(report.diagnostics[0]!.message).toContain('ffffffffff');
  });

  it('lists the first UNITS_SHOWN units of each rule, then counts the rest in one line per rule, with its severity', () => {
    // The article's segments, each several times (as a file listing them again would).
    const segments = doc.segments.filter((s) => s.translate);
    const empty = Array.from({ length: 2 * UNITS_SHOWN + 5 }, (_, i) => segments[i % segments.length]!).map((s, i) => unit(s.id, s.source, '', 'translated', { line: 100 + i }));
    const unknown = Array.from({ length: UNITS_SHOWN + 3 }, (_, i) => unit(`ffffff${String(i).padStart(4, '0')}`, 'Made up.', 'Inventato.', 'translated', { line: 900 + i }));
    const reviewed: LocaleData = { ...emptyLocale(), resources: { [first.id]: 'Rivista.' }, units: { [first.id]: { state: 'reviewed', provenance: 'human' } } };
    const { report } = merge(reviewed, [...unknown, ...empty]);
    expect(report.skipped).toBe(unknown.length + empty.length);
    const byRule = (rule: string) => report.diagnostics.filter((d) => d.rule === rule);
    // The first of each rule one by one, at their lines; then the count, at the file.
    expect(byRule('unknown-id').map((d) => d.line)).toEqual([...unknown.slice(0, UNITS_SHOWN).map((u) => u.line), undefined]);
    expect(byRule('empty-target')).toHaveLength(UNITS_SHOWN + 1);
    const more = byRule('empty-target').at(-1)!;
    expect(more).toMatchObject({ severity: 'warning', file: FILE, message: `${empty.length - UNITS_SHOWN} more units not applied for the same reason (empty-target)` });
    expect(more.i18n!.message).toEqual({ key: 'merge.more', params: { count: empty.length - UNITS_SHOWN, rule: 'empty-target' } });
    expect(byRule('unknown-id').at(-1)!.message).toBe('3 more units not applied for the same reason (unknown-id)');
    // Conflicts are errors, and so is their count; below the limit, no count line.
    const conflicts = merge(reviewed, [unit(first.id, first.source, 'Altra.', 'translated')]).report.diagnostics;
    expect(conflicts.map((d) => [d.severity, d.rule])).toEqual([['error', 'conflict']]);
  });

  it('skips a unit whose source changed since export, keeping its target as a suggestion', () => {
    const oldSource = later.source.replace('Later,', 'Afterwards,');
    const { data, report } = merge(emptyLocale(), [unit(later.id, oldSource, 'Successivamente, …', 'translated')]);
    expect(report.skipped).toBe(1);
    expect(report.diagnostics[0]).toMatchObject({ rule: 'source-changed', file: FILE });
    expect(data.resources[later.id]).toBeUndefined();
    expect(data.units[later.id]).toEqual({ state: 'stale', provenance: 'human', suggestion: 'Successivamente, …', previousSource: oldSource });
  });

  it('accepts a source that differs only in whitespace', () => {
    const spaced = `  ${later.source.replace(/ /g, '\n  ')}  `;
    const { data, report } = merge(emptyLocale(), [unit(later.id, spaced, 'Più tardi.', 'translated')]);
    expect(report.applied).toBe(1);
    expect(data.resources[later.id]).toBe('Più tardi.');
  });

  it('skips an empty or blank target', () => {
    for (const target of [undefined, '', '   ']) {
      const { data, report } = merge(emptyLocale(), [unit(headline.id, headline.source, target, 'translated')]);
      expect(report.skipped, JSON.stringify(target)).toBe(1);
      expect(report.diagnostics[0]!.rule).toBe('empty-target');
      expect(data.resources).toEqual({});
      expect(data.units).toEqual({});
    }
  });

  it('skips a target equal to the source when the file does not say it was translated', () => {
    // readXliff gives `new` for such a unit (see tests/formats/xliff.test.ts).
    const { data, report } = merge(emptyLocale(), [unit(headline.id, headline.source, headline.source, 'new')]);
    expect(report.skipped).toBe(1);
    expect(report.diagnostics[0]!.rule).toBe('untranslated');
    expect(data.resources).toEqual({});
  });

  it('applies a target equal to the source when the file says it is translated (a name kept as is)', () => {
    const { data, report } = merge(emptyLocale(), [unit(headline.id, headline.source, headline.source, 'translated')]);
    expect(report.applied).toBe(1);
    expect(data.resources[headline.id]).toBe(headline.source);
  });

  it('ignores units marked not to translate, and segments that need no translation', () => {
    const units = [unit(headline.id, headline.source, 'Titolo', 'translated', { translate: false })];
    if (link) units.push(unit(link.id, link.source, 'pic.twitter.com/altro', 'translated'));
    const { data, report } = merge(emptyLocale(), units);
    expect(report.ignored).toBe(units.length);
    expect(report.applied).toBe(0);
    expect(data.resources).toEqual({});
  });

  it('does not replace a reviewed translation with a different one without force (conflict)', () => {
    const start: LocaleData = { resources: { [first.id]: 'Versione rivista.' }, units: { [first.id]: { state: 'reviewed', provenance: 'human' } }, retired: {} };
    const { data, report } = merge(start, [unit(first.id, first.source, 'Altra versione.', 'translated', { line: 77, column: 3 })]);
    expect(data.resources[first.id]).toBe('Versione rivista.');
    expect(data.units[first.id]).toEqual({ state: 'reviewed', provenance: 'human' });
    expect(report.skipped).toBe(1);
    expect(report.diagnostics).toHaveLength(1);
    const d = report.diagnostics[0]!;
    expect(d).toMatchObject({ severity: 'error', rule: 'conflict', file: FILE, line: 77, column: 3 });
    expect(d.hint).toContain('Versione rivista.');
    expect(d.hint).toContain('Altra versione.');
    expect(d.hint).toContain('--force');
  });

  it('does not replace a final translation either, even with a reviewed one', () => {
    const start: LocaleData = { resources: { [first.id]: 'Definitiva.' }, units: { [first.id]: { state: 'final' } }, retired: {} };
    const { data, report } = merge(start, [unit(first.id, first.source, 'Rivista.', 'reviewed')]);
    expect(data.resources[first.id]).toBe('Definitiva.');
    expect(report.diagnostics[0]!.rule).toBe('conflict');
  });

  it('replaces a reviewed translation with force', () => {
    const start: LocaleData = { resources: { [first.id]: 'Versione rivista.' }, units: { [first.id]: { state: 'reviewed', provenance: 'human' } }, retired: {} };
    const { data, report } = merge(start, [unit(first.id, first.source, 'Altra versione.', 'reviewed', { provenance: 'tm' })], true);
    expect(report).toMatchObject({ applied: 1, skipped: 0, diagnostics: [] });
    expect(data.resources[first.id]).toBe('Altra versione.');
    expect(data.units[first.id]).toEqual({ state: 'reviewed', provenance: 'tm' });
  });

  it('replaces a merely translated translation with a different one without force', () => {
    const start: LocaleData = { resources: { [first.id]: 'Prima.' }, units: { [first.id]: { state: 'translated' } }, retired: {} };
    const { data, report } = merge(start, [unit(first.id, first.source, 'Seconda.', 'translated')]);
    expect(report.applied).toBe(1);
    expect(data.resources[first.id]).toBe('Seconda.');
  });

  it('translating a stale segment clears its suggestion', () => {
    const start: LocaleData = {
      resources: {},
      units: { [later.id]: { state: 'stale', provenance: 'human', suggestion: 'Vecchia.', previousSource: 'Old sentence.' } },
      retired: {},
    };
    const { data } = merge(start, [unit(later.id, later.source, 'Nuova.', 'translated')]);
    expect(data.units[later.id]).toEqual({ state: 'translated', provenance: 'human' });
    expect(data.resources[later.id]).toBe('Nuova.');
  });

  it('importing the same units twice changes nothing the second time', () => {
    const units = [
      unit(headline.id, headline.source, 'Titolo.', 'reviewed'),
      unit(first.id, first.source, 'Primo.', 'translated', { provenance: 'tm' }),
      unit(later.id, later.source, 'Più tardi.', 'final'),
    ];
    const once = merge(emptyLocale(), units);
    expect(once.report.applied).toBe(3);
    const twice = merge(once.data, units);
    expect(twice.data).toEqual(once.data);
    expect(twice.report).toMatchObject({ applied: 0, unchanged: 3, skipped: 0, diagnostics: [] });
  });

  it('never lowers a state: the same text at a lower state is unchanged; a higher state is taken', () => {
    const start: LocaleData = {
      resources: { [first.id]: 'Primo.', [later.id]: 'Più tardi.' },
      units: { [first.id]: { state: 'final', provenance: 'human' }, [later.id]: { state: 'translated', provenance: 'mt' } },
      retired: {},
    };
    const { data, report } = merge(start, [
      unit(first.id, first.source, 'Primo.', 'translated'),
      unit(later.id, later.source, 'Più tardi.', 'reviewed'),
    ]);
    expect(data.units[first.id]).toEqual({ state: 'final', provenance: 'human' });
    expect(data.units[later.id]).toEqual({ state: 'reviewed', provenance: 'mt' });
    expect(report).toMatchObject({ applied: 1, unchanged: 1 });
    for (const id of Object.keys(start.units)) {
      expect(stateRank(data.units[id]!.state)).toBeGreaterThanOrEqual(stateRank(start.units[id]!.state));
    }
  });

  it('a source-changed unit does not turn an existing translation into a suggestion', () => {
    const start: LocaleData = { resources: { [later.id]: 'Più tardi.' }, units: { [later.id]: { state: 'translated' } }, retired: {} };
    const { data, report } = merge(start, [unit(later.id, 'Something else entirely.', 'Altro.', 'translated')]);
    expect(report.skipped).toBe(1);
    expect(data.resources[later.id]).toBe('Più tardi.');
    expect(data.units[later.id]).toEqual({ state: 'translated' });
  });

  it('keeps the retired translations it was given', () => {
    const start = emptyLocale();
    start.retired = { aaaaaaaaaa: { source: 'Gone.', target: 'Andato.' } };
    const { data } = merge(start, [unit(headline.id, headline.source, 'Titolo.', 'translated')]);
    expect(data.retired).toEqual(start.retired);
  });
});

describe('Merger.finish: document order', () => {
  /** Segments a plain-text translation applies to (not those with inline codes). */
  const translatable = doc.segments.filter((s) => s.translate && merge(emptyLocale(), [unit(s.id, s.source, 'x', 'translated')]).report.applied === 1);
  const docOrder = (ids: Iterable<string>): string[] => {
    const set = new Set(ids);
    return doc.segments.map((s) => s.id).filter((id) => set.has(id));
  };
  const translated = (segs: typeof translatable, prefix: string): ReadUnit[] => segs.map((s) => unit(s.id, s.source, `${prefix} ${s.id}`, 'translated'));
  /** Locale data holding a translation of `segs`, in the order given. */
  const holding = (segs: typeof translatable): LocaleData => {
    const data = emptyLocale();
    for (const s of segs) {
      data.resources[s.id] = `old ${s.id}`;
      data.units[s.id] = { state: 'translated', provenance: 'mt' };
    }
    return data;
  };
  const finish = (data: LocaleData, units: ReadUnit[], owned: boolean) => {
    const merger = new Merger(doc, data, { file: FILE, owned });
    for (const u of units) merger.add(u);
    return merger.finish();
  };

  it('the article has enough segments to tell the orders apart', () => {
    expect(translatable.length).toBeGreaterThan(8);
  });

  it('data and units already in document order: the maps handed over are returned as they are, values replaced', () => {
    const everyOther = translatable.filter((_, i) => i % 2 === 0);
    const data = holding(everyOther);
    const { resources, units } = data;
    const { data: out, report } = finish(data, translated(everyOther.slice(0, 3), 'new'), true);
    expect(report.applied).toBe(3);
    expect(out.resources).toBe(resources);
    expect(out.units).toBe(units);
    expect(out.retired).toBe(data.retired);
    expect(Object.keys(out.resources)).toEqual(everyOther.map((s) => s.id));
    expect(Object.keys(out.units)).toEqual(everyOther.map((s) => s.id));
    expect(out.resources[everyOther[0]!.id]).toBe(`new ${everyOther[0]!.id}`);
    expect(out.resources[everyOther[4]!.id]).toBe(`old ${everyOther[4]!.id}`);
  });

  it('new units that come in document order after the last one held keep the fast path (not owned: copies, still in order)', () => {
    const half = Math.floor(translatable.length / 2);
    const data = holding(translatable.slice(0, half));
    const { data: out } = finish(data, translated(translatable.slice(half), 'new'), false);
    expect(out.resources).not.toBe(data.resources);
    expect(Object.keys(out.resources)).toEqual(translatable.map((s) => s.id));
    expect(Object.keys(out.units)).toEqual(translatable.map((s) => s.id));
    expect(Object.keys(data.resources)).toEqual(translatable.slice(0, half).map((s) => s.id)); // not touched
  });

  it('units out of document order (new ids before ids held) come out in document order', () => {
    const later = translatable.slice(4);
    const data = holding(later);
    const reversed = translated([...translatable].reverse(), 'new');
    for (const owned of [true, false]) {
      const { data: out, report } = finish(owned ? holding(later) : data, reversed, owned);
      expect(report.applied).toBe(translatable.length);
      expect(Object.keys(out.resources)).toEqual(translatable.map((s) => s.id));
      expect(Object.keys(out.units)).toEqual(translatable.map((s) => s.id));
      expect(Object.values(out.resources)).toEqual(translatable.map((s) => `new ${s.id}`));
    }
  });

  it('data that held its ids in another order (resources, or states only) comes out in document order', () => {
    const shuffled = [...translatable.slice(3), ...translatable.slice(0, 3)];
    const cases: [string, LocaleData][] = [
      ['both maps out of order', holding(shuffled)],
      ['states only', { ...holding(translatable), units: holding(shuffled).units }],
      ['resources only', { ...holding(translatable), resources: holding(shuffled).resources }],
    ];
    for (const [name, data] of cases) {
      const { data: out } = finish(data, translated(translatable.slice(0, 2), 'new'), true);
      expect(Object.keys(out.resources), name).toEqual(translatable.map((s) => s.id));
      expect(Object.keys(out.units), name).toEqual(translatable.map((s) => s.id));
      expect(out.resources[translatable[0]!.id], name).toBe(`new ${translatable[0]!.id}`);
      expect(out.resources[translatable[5]!.id], name).toBe(`old ${translatable[5]!.id}`);
    }
  });

  it('a stale suggestion for a unit out of order, and ids the article no longer has, end in order (the latter dropped)', () => {
    const data = holding(translatable.slice(2, 6));
    data.resources.sffffffffff = 'not in the article';
    const { data: out } = finish(data, [unit(translatable[7]!.id, 'Another source.', 'Altro.', 'translated'), unit(translatable[0]!.id, translatable[0]!.source, 'Primo.', 'translated')], true);
    expect(Object.keys(out.resources)).toEqual(docOrder([translatable[0]!.id, ...translatable.slice(2, 6).map((s) => s.id)]));
    expect(Object.keys(out.units)).toEqual(docOrder([translatable[0]!.id, ...translatable.slice(2, 6).map((s) => s.id), translatable[7]!.id]));
    expect(out.units[translatable[7]!.id]!.state).toBe('stale');
  });
});
