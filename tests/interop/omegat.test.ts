/**
 * Interoperability with OmegaT 3.6 (Debian omegat), headless in console mode, driving the
 * built binary on a copy of the bundled project with one language's translations removed:
 * export with --prefill (OmegaT 3.x translates the text inside <target>), let OmegaT translate
 * from a TMX built from the bundled translations, import OmegaT's target/ file, and expect the
 * project to hold exactly the TMX's translations, as `translated` (OmegaT never sets states).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, tessera } from '../helpers/project.js';
import { ARTICLE, OMEGAT_JAR, missingCommands, omegatProject, omegatText, omegatTranslate, prerequisites, readJson, tesseraOk, tmx } from './tools.js';

const missing = missingCommands({ java: 'omegat' });
if (!existsSync(OMEGAT_JAR)) missing.push(`${OMEGAT_JAR} is missing (apt-get install omegat)`);
const READY = prerequisites('OmegaT', missing);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.runIf(READY)('OmegaT 3.6 translates our pre-filled XLIFF 1.2 from a TMX, and tessera imports the result', () => {
  for (const lang of ['it', 'ar'] as const) {
    it(`${lang}: every translation in the TMX arrives in locales/${lang}/, as translated`, { timeout: 300_000 }, () => {
      const dir = copyProject();
      dirs.push(dir);
      const name = `${ARTICLE}.xlf`;
      const resources = join(dir, `locales/${lang}/${ARTICLE}.json`);
      const states = join(dir, `locales/${lang}/${ARTICLE}.state.json`);

      // The memory: the bundled English sentences and their translations, by segment id;
      // then the project forgets every translation into this language.
      const en = readJson(join(dir, `locales/en/${ARTICLE}.json`));
      const pairs = Object.entries(readJson(resources)).map(([id, target]) => ({ id, source: en[id]!, target }));
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of pairs) expect(p.source, `${p.id} has an English sentence`).toBeDefined();
      rmSync(resources);
      rmSync(states);

      const out = join(dir, 'out/xliff');
      tesseraOk(dir, ['export', '--lang', lang, '--prefill', '--out', out]);
      const xlf = readFileSync(join(out, lang, name), 'utf8');
      expect(xlf.match(/<target /g)?.length, 'every unit to translate is pre-filled').toBe(pairs.length);

      const omt = join(dir, 'omegat');
      // OmegaT matches on its view of the text: inline codes (#Libya, @AlistairBurtUK) as tags.
      omegatProject(omt, 'en', lang, { name, xlf, tmx: tmx('en', lang, pairs.map((p) => ({ ...p, source: omegatText(p.source), target: omegatText(p.target) }))) });
      const r = omegatTranslate(omt);
      expect(r.code, `OmegaT: ${r.stdout}\n${r.stderr}`).toBe(0);
      const translated = join(omt, 'target', name);
      expect(existsSync(translated), 'OmegaT wrote target/' + name).toBe(true);

      const im = tessera(['--root', dir, 'import', translated]);
      expect(im.stderr).toContain(`${pairs.length} applied, 0 unchanged, 0 skipped`);
      expect(im.code, im.stderr).toBe(0);
      // Each TMX pair lands on the segment whose English sentence is the pair's source, under
      // the id the project gives that sentence now (the English file import writes).
      const idOf = new Map(Object.entries(readJson(join(dir, `locales/en/${ARTICLE}.json`))).map(([id, source]) => [source, id]));
      const ids = pairs.map((p) => idOf.get(p.source) ?? `(no segment for "${p.source}")`);
      expect(readJson(resources)).toEqual(Object.fromEntries(pairs.map((p, i) => [ids[i], p.target])));
      const st = readJson<{ segments: Record<string, { state: string }> }>(states).segments;
      expect(Object.fromEntries(Object.entries(st).map(([id, u]) => [id, u.state]))).toEqual(Object.fromEntries(ids.map((id) => [id, 'translated'])));
    });
  }
});
