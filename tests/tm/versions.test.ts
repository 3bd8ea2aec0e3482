/**
 * The memory across two versions of the bundled article, through the built binary on a copy of
 * the project: an edited sentence gets its old translation as a fuzzy match; the unchanged ones
 * are not exported; a second article repeating a sentence gets it pre-filled from the memory.
 * Then `tm update`, `tm export`, `tm import` and `tm lookup` on the same project.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXliff } from '../../src/formats/xliff/read.js';
import { copyProject, snapshot, tessera } from '../helpers/project.js';

const SLUG = 'palermo-conference';
const OLD = 'Neither Haftar nor El-Sisi posed for the final conference group photo.';
const NEW = 'Neither Haftar nor El-Sisi posed for the conference group photo.';
const REPEATED = '“Turkey is leaving the meeting with deep disappointment,” he said.';
let dir: string;

const ok = (args: string[]): ReturnType<typeof tessera> => {
  const r = tessera(['--root', dir, ...args]);
  expect(r.code, `tessera ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};
const read = (p: string): string => readFileSync(join(dir, p), 'utf8');
const json = <T>(p: string): T => JSON.parse(read(p)) as T;

beforeAll(() => {
  dir = copyProject();
  const md = join(dir, `source/${SLUG}.md`);
  const text = readFileSync(md, 'utf8');
  expect(text).toContain(OLD);
  writeFileSync(md, text.replace(OLD, NEW));
  ok(['segment']);
  writeFileSync(
    join(dir, 'source/tunis-talks.md'),
    `---\nslug: tunis-talks\nlang: en\nheadline: Libya talks move to Tunis\ndate: 2018-11-20\n---\n\n${REPEATED}\n\nWelcome today’s conference for #Libya in Palermo.\n\nThe talks will resume in Tunis next week.\n`,
  );
  ok(['segment']);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two versions of the bundled article', () => {
  it('the unchanged sentences are not exported; the edited one carries its old translation as a fuzzy match ≥ 75', () => {
    const r = ok(['export', SLUG, '--lang', 'it,fr,ar', '--out', 'out/v2']);
    expect(r.stderr).toContain('out/v2/it/palermo-conference.xlf: 1 unit; memory: 0 pre-filled (exact), 1 with fuzzy matches');
    for (const lang of ['it', 'fr', 'ar']) {
      const xml = read(`out/v2/${lang}/${SLUG}.xlf`);
      const units = readXliff(xml, 'f')[0]!.units;
      expect(units.map((u) => u.source)).toEqual([NEW]);
      const old = json<Record<string, string>>(`locales/${lang}/${SLUG}.state.json`);
      const suggestion = Object.values((old as unknown as { segments: Record<string, { suggestion?: string }> }).segments).find((u) => u.suggestion)!.suggestion!;
      const alt = /<alt-trans match-quality="(\d+)" origin="tessera-tm">\n\s*<source xml:lang="en">([^<]*)<\/source>\n\s*<target xml:lang="[a-z]+">([^<]*)<\/target>/.exec(xml);
      expect(alt, xml).not.toBeNull();
      expect(Number(alt![1])).toBeGreaterThanOrEqual(75);
      expect(alt![2]).toBe(OLD);
      expect(alt![3]).toBe(suggestion.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
  });

  it('the same in XLIFF 2.1: an mtc:match with its matchQuality, valid for tessera validate', () => {
    ok(['export', SLUG, '--lang', 'it', '--format', 'xliff21', '--out', 'out/v21']);
    const xml = read(`out/v21/it/${SLUG}.xlf`);
    expect(xml).toMatch(/<mtc:match id="m1" matchQuality="92\.0" similarity="92\.0" type="tm" origin="tessera-tm" ref="#seg">/);
    ok(['validate', `out/v21/it/${SLUG}.xlf`]);
  });

  it('a second article repeating a sentence verbatim gets it pre-filled from the memory, provenance tm', () => {
    const r = ok(['export', 'tunis-talks', '--lang', 'it', '--out', 'out/t']);
    expect(r.stderr).toContain('out/t/it/tunis-talks.xlf: 4 units; memory: 2 pre-filled (exact)');
    const units = readXliff(read('out/t/it/tunis-talks.xlf'), 'f')[0]!.units;
    const it = json<Record<string, string>>(`locales/it/${SLUG}.json`);
    const en = json<Record<string, string>>(`locales/en/${SLUG}.json`);
    const idOf = (s: string): string => Object.entries(en).find(([, v]) => v === s)![0];
    const repeated = units.find((u) => u.source === REPEATED)!;
    expect(repeated).toMatchObject({ target: it[idOf(REPEATED)], state: 'translated', provenance: 'tm' });
    expect(read('out/t/it/tunis-talks.xlf')).toContain('state="translated" state-qualifier="exact-match">«La Turchia');
    // With its inline code (#Libya) as the writers align it.
    const welcome = units.find((u) => u.source.startsWith('Welcome'))!;
    expect(welcome.target).toBe(it[idOf('Welcome today’s conference for #Libya in Palermo.')]);
    expect(welcome.targetParts!.some((p) => typeof p !== 'string' && p.kind === 'ph')).toBe(true);
    expect(units.find((u) => u.source.startsWith('The talks'))!.target).toBeUndefined();
    // Imported back: translated, provenance tm.
    const im = tessera(['--root', dir, 'import', 'out/t/it/tunis-talks.xlf']);
    expect(im.stderr).toContain('2 applied');
    const state = json<{ segments: Record<string, { state: string; provenance: string }> }>('locales/it/tunis-talks.state.json').segments;
    expect(Object.values(state)).toEqual([
      { state: 'translated', provenance: 'tm' },
      { state: 'translated', provenance: 'tm' },
    ]);
  });
});

describe('tm update, export, import, lookup', () => {
  it('update writes locales/<lang>/.tm.json, deterministic and idempotent; it keeps the stale pair', () => {
    const r = ok(['tm', 'update']);
    expect(r.stderr).toMatch(/locales\/it\/\.tm\.json: \d+ entries/);
    const first = snapshot(join(dir, 'locales'));
    const again = ok(['tm', 'update']);
    expect(again.stderr).toContain('0 files changed');
    expect(snapshot(join(dir, 'locales'))).toEqual(first);
    const text = read('locales/it/.tm.json');
    expect(text.endsWith('\n')).toBe(true);
    const tm = JSON.parse(text) as { entries: { source: string; target: string; state: string; articles: string[] }[] };
    const sources = tm.entries.map((e) => e.source);
    expect(sources).toEqual([...sources].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(tm.entries.find((e) => e.source === OLD)).toMatchObject({ state: 'stale', articles: [SLUG] });
    expect(tm.entries.find((e) => e.source === REPEATED)).toMatchObject({ state: 'reviewed', articles: [SLUG, 'tunis-talks'] });
  });

  it('export → import: the same memory; export is deterministic', () => {
    ok(['tm', 'export', '--lang', 'it', '--out', 'out/it.tmx']);
    const tmx = read('out/it.tmx');
    expect(tmx).toContain('<header creationtool="Tessera"');
    ok(['tm', 'export', '--lang', 'it', '--out', 'out/it-again.tmx']);
    expect(read('out/it-again.tmx')).toBe(tmx);
    const before = read('locales/it/.tm.json');
    rmSync(join(dir, 'locales/it/.tm.json'));
    const r = ok(['tm', 'import', 'out/it.tmx']);
    expect(r.stderr).toMatch(/locales\/it\/\.tm\.json: \d+ new entr(y|ies), \d+ already in the memory/);
    expect(read('locales/it/.tm.json')).toBe(before);
    // Again: nothing new, no file changed.
    const again = ok(['tm', 'import', 'out/it.tmx']);
    expect(again.stderr).toContain('0 new entries');
    expect(again.stderr).toContain('0 memory files changed');
  });

  it('lookup prints the matches', () => {
    const r = ok(['tm', 'lookup', NEW, '--lang', 'it']);
    expect(r.stdout.split('\n')[0]).toMatch(/^it\t92%\t(stale|reviewed)\tNeither Haftar nor El-Sisi posed for the final conference group photo\.\tNé Haftar/);
  });

  it('a malformed TMX: file, line and column, exit 2, nothing written', () => {
    writeFileSync(join(dir, 'bad.tmx'), '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>x</tuv></tu></body></tmx>\n');
    const before = snapshot(join(dir, 'locales'));
    const r = tessera(['--root', dir, 'tm', 'import', 'out/it.tmx', 'bad.tmx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.tmx:3:\d+: error: not well-formed XML/m);
    expect(snapshot(join(dir, 'locales'))).toEqual(before);
  });
});
