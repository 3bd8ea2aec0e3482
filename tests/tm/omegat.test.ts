/**
 * Translation memory interoperability with OmegaT 3.6 (Debian omegat), headless in console mode,
 * on copies of the bundled project through the built binary:
 *  (a) a TMX written by OmegaT — its omegat/project_save.tmx, after translating our export from a
 *      memory in tm/auto — imports into our memory with our Markdown (inline codes mapped back from
 *      OmegaT's tag shortcuts);
 *  (b) our TMX (`tm export --tags omegat`) loads in OmegaT as a reference memory: console-translate
 *      fills every target of a pre-filled export from it, and the result imports back with exactly
 *      those translations; with the default `--tags tmx`, OmegaT (which reads a foreign TMX at
 *      level 1) fills exactly the sentences without inline codes.
 * Skipped with the reason when OmegaT is missing; a failure under CI=true.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeInline, hasCodes } from '../../src/formats/inline.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { copyProject, tessera } from '../helpers/project.js';
import { ARTICLE, OMEGAT_JAR, missingCommands, omegatProject, omegatText, prerequisites, readJson, run, tesseraOk, tmx } from '../interop/tools.js';

const missing = missingCommands({ java: 'omegat' });
if (!existsSync(OMEGAT_JAR)) missing.push(`${OMEGAT_JAR} is missing (apt-get install omegat)`);
const READY = prerequisites('OmegaT translation memory', missing);
const LANG = 'it';
const NAME = `${ARTICLE}.xlf`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * OmegaT's console mode never saves its project memory (saveProject needs the GUI): this script,
 * run by OmegaT after compiling, writes omegat/project_save.tmx with the project's own ProjectTMX,
 * the way saveProject does.
 */
const SAVE_SCRIPT = `if (eventType.toString() == 'COMPILE') {
  def f = org.omegat.core.data.RealProject.getDeclaredField('projectTMX')
  f.setAccessible(true)
  def props = project.getProjectProperties()
  f.get(project).save(props, new File(props.getProjectInternal(), 'project_save.tmx').getPath(), true)
}
`;

function omegat(dir: string, script?: string): void {
  const args = ['-Djava.awt.headless=true', '-Djava.library.path=/usr/lib/jni', '-jar', OMEGAT_JAR, dir, '--mode=console-translate', `--config-dir=${join(dir, '.omegat-config')}`, '--disable-project-locking', '--no-team', '--quiet'];
  if (script) {
    writeFileSync(join(dir, 'save.groovy'), script);
    args.push(`--script=${join(dir, 'save.groovy')}`);
  }
  const r = run('java', args);
  expect(r.code, `OmegaT: ${r.stdout}\n${r.stderr}`).toBe(0);
}

/** A project copy without the language's translations; returns the pairs it had (English → translation). */
function forget(dir: string): Map<string, string> {
  const en = readJson(join(dir, `locales/en/${ARTICLE}.json`));
  const res = readJson(join(dir, `locales/${LANG}/${ARTICLE}.json`));
  rmSync(join(dir, `locales/${LANG}/${ARTICLE}.json`));
  rmSync(join(dir, `locales/${LANG}/${ARTICLE}.state.json`));
  rmSync(join(dir, `locales/${LANG}/.tm.json`), { force: true });
  return new Map(Object.entries(res).map(([id, t]) => [en[id]!, t]));
}

function project(): string {
  const dir = copyProject();
  dirs.push(dir);
  return dir;
}

/** Exports the work to do, pre-filled for OmegaT, and lets OmegaT translate it from `memory`. */
function translateWithOmegat(dir: string, memory: string, script?: string): { omt: string; translated: string } {
  const out = join(dir, 'out/xliff');
  tesseraOk(dir, ['export', '--lang', LANG, '--prefill', '--out', out]);
  const omt = join(dir, 'omegat-project');
  omegatProject(omt, 'en', LANG, { name: NAME, xlf: readFileSync(join(out, LANG, NAME), 'utf8'), tmx: memory });
  omegat(omt, script);
  const translated = join(omt, 'target', NAME);
  expect(existsSync(translated), `OmegaT wrote target/${NAME}`).toBe(true);
  return { omt, translated };
}

describe.runIf(READY)('OmegaT 3.6 and the translation memory', () => {
  it("(a) OmegaT's project_save.tmx imports into our memory, inline codes mapped back to our Markdown", { timeout: 300_000 }, () => {
    const dir = project();
    const pairs = forget(dir);
    expect([...pairs.keys()].filter((s) => hasCodes(encodeInline(s))).length, 'the article has sentences with inline codes').toBeGreaterThan(0);
    // A memory OmegaT can use, written by the test's own helper (its view of our codes).
    const memory = tmx('en', LANG, [...pairs].map(([source, target], i) => ({ id: String(i), source: omegatText(source), target: omegatText(target) })));
    const { omt } = translateWithOmegat(dir, memory, SAVE_SCRIPT);
    const saved = join(omt, 'omegat/project_save.tmx');
    expect(existsSync(saved), 'OmegaT wrote omegat/project_save.tmx').toBe(true);
    const content = readFileSync(saved, 'utf8');
    expect(content).toContain('creationtool="OmegaT"');
    expect(content).toMatch(/&lt;[a-z]\d+\/&gt;/); // OmegaT's shortcuts, as text

    const r = tesseraOk(dir, ['tm', 'import', saved]);
    expect(r.stderr).toContain(`${pairs.size} new entries, 0 already in the memory; ${pairs.size} in all`);
    const tm = readJson<{ entries: { source: string; target: string; state: string; articles: string[] }[] }>(join(dir, `locales/${LANG}/.tm.json`));
    expect(new Map(tm.entries.map((e) => [e.source, e.target]))).toEqual(pairs);
    expect(tm.entries.every((e) => e.state === 'translated' && e.articles.length === 0)).toBe(true);
  });

  it('(b) our TMX (--tags omegat) in tm/auto: OmegaT fills every target from it, and they import back exactly', { timeout: 300_000 }, () => {
    const dir = project();
    tesseraOk(dir, ['tm', 'export', '--lang', LANG, '--tags', 'omegat', '--out', 'memory.tmx']);
    const memory = readFileSync(join(dir, 'memory.tmx'), 'utf8');
    const pairs = forget(dir);
    const { translated } = translateWithOmegat(dir, memory);
    const units = readXliff(readFileSync(translated, 'utf8'), NAME)[0]!.units.filter((u) => u.translate);
    expect(units.filter((u) => u.target === u.source).map((u) => u.source), 'units OmegaT left untranslated').toEqual([]);

    const im = tessera(['--root', dir, 'import', translated]);
    expect(im.stderr).toContain(`${pairs.size} applied, 0 unchanged, 0 skipped`);
    expect(im.code, im.stderr).toBe(0);
    const en = readJson(join(dir, `locales/en/${ARTICLE}.json`));
    const now = readJson(join(dir, `locales/${LANG}/${ARTICLE}.json`));
    expect(new Map(Object.entries(now).map(([id, t]) => [en[id]!, t]))).toEqual(pairs);
  });

  it('(b) with the default --tags tmx, OmegaT fills exactly the sentences without inline codes (it reads foreign TMX at level 1)', { timeout: 300_000 }, () => {
    const dir = project();
    tesseraOk(dir, ['tm', 'export', '--lang', LANG, '--out', 'memory.tmx']);
    const memory = readFileSync(join(dir, 'memory.tmx'), 'utf8');
    expect(memory).toMatch(/<ph x="1" type="x-hashtag">#Libya<\/ph>/);
    const pairs = forget(dir);
    const { translated } = translateWithOmegat(dir, memory);
    const units = readXliff(readFileSync(translated, 'utf8'), NAME)[0]!.units.filter((u) => u.translate);
    const filled = units.filter((u) => u.target !== u.source);
    const plain = [...pairs.keys()].filter((s) => !hasCodes(encodeInline(s)));
    expect(filled.map((u) => u.source).sort()).toEqual(plain.sort());
    for (const u of filled) expect(u.target).toBe(pairs.get(u.source));
  });
});
