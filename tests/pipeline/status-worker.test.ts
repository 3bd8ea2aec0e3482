import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/io/cache.js';
import { Project } from '../../src/io/project.js';
import { batchCounter, type StatusItem } from '../../src/pipeline/status-worker.js';
import type { Lang } from '../../src/core/types.js';
import { copyProject, tessera } from '../helpers/project.js';

const SLUG = 'palermo-conference';
const LANGS: Lang[] = ['it', 'fr', 'ar'];

/** The bundled project, segmented (so its status profile is cached), and one status item for its article. */
function setUp(): { project: Project; item: () => StatusItem; counter: () => ReturnType<typeof batchCounter> } {
  const root = copyProject();
  expect(tessera(['--root', root, 'segment']).code).toBe(0);
  const project = new Project(root);
  const inputs = [project.sourcePath(SLUG), project.resourcesPath('en', SLUG), ...LANGS.flatMap((l) => [project.resourcesPath(l, SLUG), project.statePath(l, SLUG)])];
  const entry = project.profileCache().peek(SLUG);
  expect(entry, 'segment caches the article’s status profile').toBeDefined();
  return {
    project,
    item: () => ({ slug: SLUG, inputs, profile: { fps: entry!.fps, result: entry!.result } }),
    counter: () => batchCounter({ root, localesDir: project.localesDir, langs: LANGS, listings: Object.fromEntries(LANGS.map((l) => [l, readdirSync(join(project.localesDir, l))])) }),
  };
}

describe('status threads: an article with no cached row (pipeline/status-worker.ts)', () => {
  it('is counted with its locale files fingerprinted as they are read — what a look at them gives — so the next status finds its row current', () => {
    const { item, counter } = setUp();
    const first = counter()([item()])[0]!;
    expect(first.kind).toBe('counted');
    expect(first.fps).toEqual(item().inputs.map(fingerprint));
    expect(first.fps.slice(2).every((fp) => fp !== '-')).toBe(true);
    expect(counter()([{ ...item(), rowFps: first.fps }])[0]!.kind).toBe('cached');
  });

  it('a locale file missing from the listing gets a missing file’s fingerprint, as a look would give', () => {
    const { project, item, counter } = setUp();
    rmSync(project.statePath('fr', SLUG));
    const r = counter()([item()])[0]!;
    expect(r.kind).toBe('counted');
    expect(r.fps).toEqual(item().inputs.map(fingerprint));
    expect(r.fps[5]).toBe('-');
  });
});
