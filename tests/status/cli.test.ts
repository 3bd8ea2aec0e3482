/**
 * `tessera status` through the built binary, in every interface language, on two copies of the
 * bundled project: (a) as shipped, everything reviewed; (b) one French translation removed and
 * one source sentence edited, then `tessera segment` (one new French segment, one stale segment
 * in every language). JSON is the same bytes whatever --ui-lang; Arabic Markdown is wrapped in
 * <div dir="rtl">; the table has no ANSI colour codes when stdout is not a TTY; the HTML
 * dashboard is one self-contained file; gates: 90, ar=80, 90,ar=80.
 *
 * The built output (dist/) is what runs: `npx tsc -p tsconfig.json` first (`npm test` does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyProject, tessera } from '../helpers/project.js';

const UI = ['en', 'it', 'fr', 'ar'] as const;
type Ui = (typeof UI)[number];
const ANSI = /\u001b\[/;
const SLUG = 'palermo-conference';
const EDITED_FROM = 'Neither Haftar nor El-Sisi posed for the final conference group photo.';
const EDITED_TO = 'Neither Haftar nor El-Sisi posed for the conference group photo.';
const REMOVED_SOURCE = '“His representatives said that.”';
/** A budget for tests that start the binary many times on a loaded machine (nothing is timed). */
const SLOW = 240_000;

const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
const labels = (l: Ui): { status: Record<string, unknown> & { state: Record<string, string> } } => readJson(join(import.meta.dirname, `../../src/i18n/cli/${l}.json`));

/** Case (b): remove one French translation, edit one source sentence, run `tessera segment`. */
function pendingProject(): { dir: string; removedId: string; staleId: string } {
  const dir = copyProject();
  const en = readJson<Record<string, string>>(join(dir, `locales/en/${SLUG}.json`));
  const removedId = Object.keys(en).find((k) => en[k] === REMOVED_SOURCE)!;
  expect(removedId, 'the sentence to untranslate is in the bundled article').toBeDefined();
  const frPath = join(dir, `locales/fr/${SLUG}.json`);
  const fr = readJson<Record<string, string>>(frPath);
  expect(fr[removedId]).toBeTruthy();
  delete fr[removedId];
  writeFileSync(frPath, JSON.stringify(fr, null, 2) + '\n');
  const srcPath = join(dir, `source/${SLUG}.md`);
  const src = readFileSync(srcPath, 'utf8');
  expect(src).toContain(EDITED_FROM);
  writeFileSync(srcPath, src.replace(EDITED_FROM, EDITED_TO));
  const seg = tessera(['--root', dir, 'segment']);
  if (seg.code !== 0) throw new Error(`tessera segment failed (${seg.code}):\n${seg.stderr}`);
  const after = readJson<Record<string, string>>(join(dir, `locales/en/${SLUG}.json`));
  const staleId = Object.keys(after).find((k) => after[k] === EDITED_TO)!;
  expect(staleId, 'segment wrote the edited sentence').toBeDefined();
  return { dir, removedId, staleId };
}

/** Every key path of a JSON value (array indices as []), sorted. */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => keyPaths(x, `${prefix}[]`)))].sort();
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [`${prefix}.${k}`, ...keyPaths(x, `${prefix}.${k}`)]).sort();
  return [];
}

let reviewed: string;
let pending: { dir: string; removedId: string; staleId: string };

beforeAll(() => {
  reviewed = copyProject();
  pending = pendingProject();
});

afterAll(() => {
  for (const d of [reviewed, pending?.dir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('status --format json', () => {
  it('is the same bytes, with the same English keys and state names, in every interface language', () => {
    for (const dir of [reviewed, pending.dir]) {
      const runs = UI.map((l) => tessera(['--root', dir, 'status', '--format', 'json', '--details', '--ui-lang', l]));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const en = runs[0]!.stdout;
      const parsed = JSON.parse(en) as { remaining: { state: string }[] };
      expect(Object.keys(parsed)).toEqual(['schema', 'sourceLanguage', 'languages', 'articles', 'totals', 'remaining']);
      for (const [i, r] of runs.entries()) {
        expect(keyPaths(JSON.parse(r.stdout)), UI[i]).toEqual(keyPaths(parsed));
        expect(r.stdout, UI[i]).toBe(en);
      }
      // The locale from the environment does not change it either.
      expect(tessera(['--root', dir, 'status', '--json', '--details'], { env: { LC_ALL: 'ar_EG.UTF-8' } }).stdout).toBe(en);
    }
  }, SLOW);

  it('in case (b) lists the new French segment and the stale one, by their English state names', () => {
    const j = JSON.parse(tessera(['--root', pending.dir, 'status', '--json', '--details', '--ui-lang', 'ar']).stdout) as {
      remaining: { article: string; lang: string; id: string; state: string; source: string }[];
    };
    expect(j.remaining).toContainEqual({ article: SLUG, lang: 'fr', id: pending.removedId, state: 'new', source: REMOVED_SOURCE });
    for (const lang of ['it', 'fr', 'ar']) expect(j.remaining).toContainEqual({ article: SLUG, lang, id: pending.staleId, state: 'stale', source: EDITED_TO });
    expect(j.remaining).toHaveLength(4);
  });
});

describe('status --format markdown', () => {
  for (const details of [false, true]) {
    it(`is wrapped in <div dir="rtl"> for ar only${details ? ' (with --details)' : ''}`, () => {
      for (const l of details ? UI : (['en', 'ar'] as const)) {
        const r = tessera(['--root', pending.dir, 'status', '--format', 'markdown', '--ui-lang', l, ...(details ? ['--details'] : [])]);
        expect(r.code, r.stderr).toBe(0);
        const md = r.stdout;
        expect(md).toContain(`### ${labels(l).status.title as string}`);
        if (l === 'ar') {
          expect(md.startsWith('<div dir="rtl">\n\n')).toBe(true);
          expect(md.endsWith('\n\n</div>\n')).toBe(true);
          expect(md.match(/<div/g)).toHaveLength(1);
          if (details) {
            // The details block sits inside the right-to-left div.
            expect(md.indexOf('<details>')).toBeGreaterThan(md.indexOf('<div dir="rtl">'));
            expect(md.indexOf('</details>')).toBeLessThan(md.lastIndexOf('</div>'));
          }
        } else {
          expect(md).not.toContain('dir=');
          expect(md.startsWith('### ')).toBe(true);
        }
        expect(md.includes('<details>')).toBe(details);
      }
    }, SLOW);
  }
});

describe('status table', () => {
  /** The environment of a terminal user, minus the helper's NO_COLOR: only the TTY test decides. */
  const terminalEnv = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    return env;
  };
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: terminalEnv() });

  it('has no ANSI colour codes when stdout is not a TTY, in any interface language', () => {
    for (const [dir, langs] of [[reviewed, ['en', 'ar']], [pending.dir, UI]] as const) {
      for (const l of langs) {
        const r = run(['--root', dir, 'status', '--details', '--ui-lang', l]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^${labels(l).status.article as string}\\s`));
        expect(r.stdout).not.toMatch(ANSI);
        expect(r.stderr).not.toMatch(ANSI);
      }
    }
    // The gate message on stderr carries none either.
    const gated = run(['--root', pending.dir, 'status', '--min-translated', '100']);
    expect(gated.status).toBe(1);
    expect(gated.stdout + gated.stderr).not.toMatch(ANSI);
  }, SLOW);

  it('has them with --color, and on a terminal (so the check above can fail)', () => {
    expect(run(['--root', pending.dir, 'status', '--color']).stdout).toMatch(ANSI);
    if (!existsSync('/usr/bin/script')) return; // util-linux script gives the command a pseudo-terminal
    const cmd = [process.execPath, BIN, '--root', pending.dir, 'status'].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: terminalEnv() });
    expect(tty.status, tty.stderr).toBe(0);
    expect(tty.stdout).toMatch(ANSI);
  });
});

describe('status --format html', () => {
  it('is one self-contained page whose lang and dir follow --ui-lang', () => {
    for (const dir of [reviewed, pending.dir]) {
      for (const l of UI) {
        const r = tessera(['--root', dir, 'status', '--format', 'html', '--ui-lang', l]);
        expect(r.code, r.stderr).toBe(0);
        const html = r.stdout;
        expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
        expect(html).toContain(`<html lang="${l}" dir="${l === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(html).toContain(`<title>${labels(l).status.title as string}</title>`);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\b(?:src|href)=/i);
        expect(html.endsWith('</html>\n')).toBe(true);
        // Deterministic: the same input gives the same bytes.
        if (dir === pending.dir && l === 'ar') expect(tessera(['--root', dir, 'status', '--format', 'html', '--ui-lang', l]).stdout).toBe(html);
      }
    }
  }, SLOW);
});

describe('gates: 90, ar=80, 90,ar=80', () => {
  // Case (b): it and ar 98.1% translated, fr 97.4% (one new and one stale segment).
  const gate = (...args: string[]) => tessera(['--root', pending.dir, 'status', ...args]);
  const failing = (stderr: string) => [...stderr.matchAll(/\((it|fr|ar)\)/g)].map((m) => m[1]);

  it('a bare number applies to every language', () => {
    expect(gate('--min-translated', '98').code).toBe(1);
    expect(failing(gate('--min-translated', '98').stderr)).toEqual(['fr']);
    expect(failing(gate('--min-translated', '99').stderr)).toEqual(['it', 'fr', 'ar']);
    expect(gate('--min-translated', '97').code).toBe(0);
  }, SLOW);

  it('lang=number gates one language only', () => {
    const r = gate('--min-translated', 'ar=99');
    expect(r.code).toBe(1);
    expect(failing(r.stderr)).toEqual(['ar']);
    expect(gate('--min-translated', 'fr=97').code).toBe(0);
  });

  it('both: the per-language number overrides the general one', () => {
    expect(gate('--min-translated', '98,fr=97').code).toBe(0);
    const r = gate('--min-reviewed', '99,ar=80');
    expect(r.code).toBe(1);
    expect(failing(r.stderr)).toEqual(['it', 'fr']);
    expect(r.stderr).toMatch(/^gate failed: palermo-conference \(fr\): 97\.4% of words reviewed, below 99\.0% — 2 segments, \d+ words to go$/m);
  });

  it('speaks the interface language', () => {
    const r = gate('--min-translated', '98', '--ui-lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^seuil non atteint : palermo-conference \(fr\) : 97,4\s%\sdes mots traduits, sous les 98,0\s% — reste 2 segments, \d+ mots$/m);
  });

  it('refuses what is not a gate with exit 2', () => {
    for (const bad of ['120', 'de=80', 'ar=', 'ninety']) {
      const r = gate('--min-translated', bad);
      expect(r.code, `${bad}: ${r.stderr}`).toBe(2);
      expect(r.stderr, bad).toMatch(/^error: min-translated: /);
      expect(r.stdout, bad).toBe('');
    }
  }, SLOW);
});
