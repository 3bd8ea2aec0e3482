/**
 * Fingerprints taken ahead of a step's turn. A step process started ahead (isolate.ts) waits
 * while the step before it runs on one core; meanwhile it looks at the project's article files
 * (project.ts `projectFilesAhead`) on the other, as the step's cache checks will. When its turn
 * comes and the step before wrote nothing, the step's checks take those fingerprints instead of
 * looking again (io/cache.ts `fingerprint`); when it wrote, they are dropped. They are dropped
 * as well at this process's first commit, so a step never takes one for a file it has written.
 *
 * On 10,000 articles a rerun with nothing changed looks at 370,000 files, 80,000 a step — a
 * third of each step's time, which this moves off the run's path for every step but the first.
 * As with any look before a read (make's, git's), a file changed by someone else meanwhile is
 * seen as it was; here "meanwhile" starts with the step before, not with this one.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { GlobalArgs } from '../cli/context.js';
import { fingerprintOf, type SeenAhead } from '../io/fs.js';
import { parseShard, projectFilesAhead } from '../io/project.js';
import { STEPS } from './steps/index.js';

/** Files looked at between two checks of whether the turn has come (about 5 ms). */
const CHUNK = 2000;

/**
 * Fingerprints by folder and name: 80,000 files in 11 MB of heap, where a map from whole paths
 * held 17 MB (each path a chain of concatenations, then its flat copy) and grew the heap by
 * 34 MB on the way. And the listings of the step's output folders.
 */
export class LooksAhead implements SeenAhead {
  private readonly folders = new Map<string, Map<string, string>>();
  private readonly listings = new Map<string, Set<string>>();
  size = 0;

  add(dir: string, name: string, s: { size: number; mtimeMs: number }): void {
    let names = this.folders.get(dir);
    if (!names) this.folders.set(dir, (names = new Map()));
    names.set(name, fingerprintOf(s));
    this.size++;
  }

  list(dir: string, names: Set<string>): void {
    this.listings.set(dir, names);
  }

  fingerprint(path: string): string | undefined {
    const at = path.lastIndexOf(sep);
    return this.folders.get(path.slice(0, at))?.get(path.slice(at + 1));
  }

  listing(dir: string): Set<string> | undefined {
    return this.listings.get(dir);
  }
}

/**
 * Looks ahead for `step` until `waiting` says its turn has come (what it has not looked at,
 * the step looks at as usual): first the listings of the step's output folders (a few, and
 * long), then the project's article files, then the other files the step names (its spec's
 * `ahead`). Nothing is written, and nothing thrown: what cannot be listed or looked at is left
 * to the step, which tells what is wrong in its turn.
 */
export async function lookAhead(globals: GlobalArgs, step: { name: string; options: Record<string, unknown> }, waiting: () => boolean, chunk = CHUNK): Promise<LooksAhead> {
  const looks = new LooksAhead();
  if (!waiting()) return looks;
  const root = resolve(globals.root);
  const groups: { dir: string; names: string[] }[] = [];
  try {
    const plan = (await STEPS[step.name]?.ahead?.(root, step.options)) ?? {};
    for (const folder of plan.folders ?? []) {
      if (!waiting()) return looks;
      for (const e of listed(looks, folder)) if (e.isDirectory()) listed(looks, `${folder}${sep}${e.name}`);
    }
    if (!waiting()) return looks;
    groups.push(...projectFilesAhead(root, parseShard(globals.shard)), ...byFolder(plan.files ?? []));
  } catch {
    return looks;
  }
  let n = 0;
  for (const { dir, names } of groups) {
    for (const name of names) {
      let s: Stats | undefined;
      try {
        s = statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false });
      } catch {
        s = undefined; // a loop of links, a folder without access…: the step's own look tells
      }
      if (s) looks.add(dir, name, s);
      if (++n % chunk === 0) {
        await nextTurn(); // the parent's word, if it has come
        if (!waiting()) return looks;
      }
    }
  }
  return looks;
}

/** Lists `dir` into `looks`; its entries (none when it is not there). */
function listed(looks: LooksAhead, dir: string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  looks.list(dir, new Set(entries.map((e) => e.name)));
  return entries;
}

/** Paths by their folder. */
function byFolder(paths: readonly string[]): { dir: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const at = p.lastIndexOf(sep);
    const dir = p.slice(0, at);
    let names = groups.get(dir);
    if (!names) groups.set(dir, (names = []));
    names.push(p.slice(at + 1));
  }
  return [...groups].map(([dir, names]) => ({ dir, names }));
}
