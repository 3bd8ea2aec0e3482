/**
 * Progress (cli/progress.ts) on a clock of the test's own: on a terminal a bar redrawn in place
 * with items done of total, rate and time left, then the time taken; in a pipe or CI a plain
 * line every ten per cent once the run has gone on a second, and a last line; nothing with
 * --quiet or for a handful of items.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { cliTranslator } from '../../src/i18n/index.js';

/** A progress display writing into an array, its clock moved by hand. */
function rig(mode: 'tty' | 'lines' | 'off', lang: 'en' | 'ar' = 'en') {
  let clock = 1_000_000;
  const out: string[] = [];
  const start = createProgress((s) => out.push(s), mode, cliTranslator(lang).t, () => clock);
  return {
    out,
    start,
    advance(ms: number) {
      clock += ms;
    },
  };
}

/** 1,000 items, 100 every `msPer100` ms. */
function run(r: ReturnType<typeof rig>, msPer100: number, label = 'build'): void {
  const p = r.start(label, 1000);
  for (let i = 0; i < 10; i++) {
    r.advance(msPer100);
    p.tick(100);
  }
  p.done();
}

describe('progress', () => {
  it('in a pipe: a line every ten per cent with rate and time left, once the run has gone on a second, then the total', () => {
    const r = rig('lines');
    run(r, 500); // 200 items a second, 5 s in all
    expect(r.out).toEqual([
      'build: 200/1000 (20%), 200/s, ~4 s left\n',
      'build: 300/1000 (30%), 200/s, ~4 s left\n',
      'build: 400/1000 (40%), 200/s, ~3 s left\n',
      'build: 500/1000 (50%), 200/s, ~3 s left\n',
      'build: 600/1000 (60%), 200/s, ~2 s left\n',
      'build: 700/1000 (70%), 200/s, ~2 s left\n',
      'build: 800/1000 (80%), 200/s, ~1 s left\n',
      'build: 900/1000 (90%), 200/s, ~1 s left\n',
      'build: 1000/1000 (100%), 200/s, 5.0 s\n',
    ]);
  });

  it('in a pipe: a run done within a second prints nothing (its step prints its summary)', () => {
    const r = rig('lines');
    run(r, 50);
    expect(r.out).toEqual([]);
  });

  it('in a pipe: a run that took longer but made no line on the way (one tick) still gives its total', () => {
    const r = rig('lines');
    const p = r.start('import', 60);
    r.advance(3000);
    p.tick(60);
    p.done();
    expect(r.out).toEqual(['import: 60/60 (100%), 20/s, 3.0 s\n']);
  });

  it('on a terminal: a bar redrawn in place at most ten times a second, then the time taken and a newline', () => {
    const r = rig('tty');
    const p = r.start('export', 1000);
    r.advance(250);
    p.tick(250);
    r.advance(50); // within 100 ms of the last draw: not redrawn
    p.tick(50);
    r.advance(700);
    p.tick(200);
    p.done();
    expect(r.out).toEqual([
      '\rexport █████░░░░░░░░░░░░░░░ 250/1000 · 1000/s · 1 s left\u001b[K',
      '\rexport ██████████░░░░░░░░░░ 500/1000 · 500/s · 1 s left\u001b[K',
      '\rexport ██████████░░░░░░░░░░ 500/1000 · 500/s · 1.0 s\u001b[K\n',
    ]);
  });

  it('in the interface language', () => {
    const r = rig('lines', 'ar');
    run(r, 500);
    expect(r.out.at(-1)).toBe('build: 1000/1000 (100%)، 200/ث، 5.0 ث\n');
    expect(r.out[0]).toBe('build: 200/1000 (20%)، 200/ث، بقي نحو 4 ث\n');
  });

  it('nothing with --quiet, nor for fewer than 50 items', () => {
    const quiet = rig('off');
    run(quiet, 500);
    expect(quiet.out).toEqual([]);
    for (const mode of ['tty', 'lines'] as const) {
      const r = rig(mode);
      const p = r.start('segment', 49);
      r.advance(5000);
      p.tick(49);
      p.done();
      expect(r.out).toEqual([]);
    }
  });
});
