/**
 * Incremental work. Each step keeps a small cache in OUT/.cache (ignored by git): for every
 * task (an article, or an article and a language) the files it read and wrote, each with a
 * fingerprint (size and modification time, as make and git's index use), and the task's
 * result. When every fingerprint is unchanged, the task is skipped and its result reused; a
 * changed file redoes exactly the tasks that read it. A step's own outputs may be checked for
 * presence only (`outputs`): a missing one is made again. `--force` ignores the cache. The
 * engine key (Tessera's version, its segmentation rules and the step's options) invalidates
 * everything when any of those changes.
 *
 * Parsed articles are cached by the SHA-256 of their text (content-addressed), so a
 * touched-but-unchanged file costs a hash, not a parse.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fingerprintAhead, fingerprintOf, listingAhead, readText, textPieces, writeText } from './fs.js';
import type { Doc } from '../core/types.js';
import { jsonPieces } from '../core/json.js';
// The rule files alone, not the segmenter (the cache is loaded by commands that never segment).
import { RULE_FILES } from '../segment/rule-set.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Changes whenever parsing or segmentation could give a different result. */
export const ENGINE = createHash('sha256').update(`${pkg.version}\n${JSON.stringify(RULE_FILES)}\ncache/3`).digest('hex').slice(0, 16);

/** The step name of the status profiles' cache (Project.profileCache; read by status's threads too). */
export const PROFILE_CACHE = 'status-source';

/** An output's "fingerprint": it is there (see StepCacheOptions.outputs). */
const PRESENT = '+';

export function fingerprint(path: string): string {
  const known = fingerprintAhead(path);
  if (known !== undefined) return known;
  // No exception for a missing file: tasks list files that may not exist yet, and a thrown
  // ENOENT costs ten times the stat.
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? fingerprintOf(s) : '-';
}

interface Entry<R> {
  /** The files' fingerprints, in the order the task listed its files. */
  fps: string[];
  /** The files themselves, unless the step names them again when it asks (see `get`). */
  paths?: string[];
  result: R;
}

interface CacheFile<R> {
  engine: string;
  entries: Record<string, Entry<R>>;
}

export interface StepCacheOptions {
  /**
   * Steps that can name a task's files from its key pass them to `get` and `set`, and the
   * cache stores only fingerprints — a tenth of the size at newsroom scale, and a tenth of the
   * time to load. Otherwise (default) the paths are stored too.
   */
  namedFiles?: boolean;
  /**
   * Keep entries this run did not look at when this says so (a cache written by several steps,
   * each seeing part of it); by default they are dropped.
   */
  keepUnseen?: (key: string) => boolean;
  /**
   * The step writes none of the files its tasks list (status): the fingerprints taken when
   * asking are still good when saving, so each file is looked at once.
   */
  readOnly?: boolean;
  /**
   * Which of a task's files are the step's own outputs (export's XLIFF files, build's
   * editions): those are checked for presence, not fingerprinted — a missing one has its task
   * redone, as make and ninja redo a missing target, while one changed in place is left as it
   * is until its inputs change (or `--force`). Presence comes from one listing of each output
   * folder, taken when first asked (before the step writes anything): on 10,000 articles the
   * build's 120,000 editions cost 4 listings instead of 120,000 looks, 0.4 s of a 4 s rerun.
   */
  outputs?: (path: string) => boolean;
  /**
   * The step calls `set` only once the files its tasks wrote are in place (build, after its
   * commit): the fingerprints are taken there and then, and no list of files is kept until `save`.
   */
  fingerprintOnSet?: boolean;
  /**
   * How `set` and `save` fingerprint a task's files that are not outputs. A step that never
   * writes its inputs (export) passes the memo its checks took them with: a task redone after
   * its inputs changed costs one look at each file, not a second at the save.
   */
  fingerprint?: (path: string) => string;
}

export class StepCache<R> {
  private readonly path: string;
  private readonly engine: string;
  private loaded: Record<string, Entry<R>> | undefined;
  private readonly fresh = new Map<string, { files?: readonly string[] | (() => readonly string[]); fps?: string[]; result: R }>();
  private readonly kept = new Map<string, Entry<R>>();
  /** Fingerprints taken by `get` (readOnly caches only). */
  private readonly seen = new Map<string, string[]>();
  /** Names in each output folder, listed once (`outputs`). */
  private readonly listings = new Map<string, Set<string>>();
  hits = 0;
  misses = 0;

  /** `options` are the step's options that change its results (part of the engine key). */
  constructor(
    dir: string,
    step: string,
    options: unknown,
    readonly enabled = true,
    private readonly settings: StepCacheOptions = {},
  ) {
    this.path = join(dir, `${step}.json`);
    this.engine = createHash('sha256').update(`${ENGINE}\n${JSON.stringify(options ?? null)}`).digest('hex').slice(0, 16);
  }

  /** The previous run's entries, read on first use. */
  private get old(): Record<string, Entry<R>> {
    if (this.loaded) return this.loaded;
    this.loaded = {};
    if (this.enabled) {
      try {
        const data = JSON.parse(readText(this.path)) as CacheFile<R>;
        if (data.engine === this.engine) this.loaded = data.entries;
      } catch {
        // no cache yet, or an unreadable one: start afresh
      }
    }
    return this.loaded;
  }

  /**
   * The cached result when every file the task touched is as it was. `fp` fingerprints a file:
   * a step that has already looked at some of them (several tasks share an article's files)
   * passes what it found, with `fingerprint` for the rest.
   */
  get(key: string, files?: readonly string[], fp: (path: string) => string = fingerprint): R | undefined {
    const e = this.enabled ? this.old[key] : undefined;
    const paths = e?.paths ?? files;
    const outputs = this.settings.outputs;
    if (outputs) {
      const inner = fp;
      fp = (p) => (outputs(p) ? this.listed(p) : inner(p));
    }
    if (this.settings.readOnly && paths) return this.checked(key, paths.map(fp));
    if (e && paths && paths.length === e.fps.length && paths.every((p, i) => fp(p) === e.fps[i])) {
      this.hits++;
      this.kept.set(key, e);
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  /** An output's presence as `get` sees it: from its folder's listing. */
  private listed(path: string): string {
    const at = path.lastIndexOf(sep);
    const dir = path.slice(0, at);
    let names = this.listings.get(dir);
    if (!names) {
      try {
        names = listingAhead(dir) ?? new Set(readdirSync(dir));
      } catch {
        names = new Set(); // no folder yet: nothing in it
      }
      this.listings.set(dir, names);
    }
    return names.has(path.slice(at + 1)) ? PRESENT : '-';
  }

  /** A file's fingerprint as `set` and `save` record it, once the step's files are in place. */
  private fingerprintNow = (path: string): string => (this.settings.outputs?.(path) ? (existsSync(path) ? PRESENT : '-') : (this.settings.fingerprint ?? fingerprint)(path));

  /** The previous run's entry for `key` as it is, unchecked (none with --force). */
  peek(key: string): Readonly<Entry<R>> | undefined {
    return this.enabled ? this.old[key] : undefined;
  }

  /**
   * The previous run's entries as JSON texts by key, unparsed (none with --force): each parses
   * to what `peek` gives. For a reader that hands entries to worker threads: one split of the
   * file instead of a parse of it (10,000 status profiles: 0.12 s) and a copy of each entry.
   * Undefined when the file is not laid out one entry per line (written before that layout).
   */
  entryTexts(): Map<string, string> | undefined {
    const texts = new Map<string, string>();
    if (!this.enabled) return texts;
    let text: string;
    try {
      text = readText(this.path);
    } catch {
      return texts; // no cache yet
    }
    const lines = text.split('\n');
    if (lines[0] !== head(this.engine)) return lines[0]!.endsWith('"entries":{') ? texts : undefined;
    for (let i = 1; i < lines.length - 1; i++) {
      const line = lines[i]!;
      const end = keyEnd(line);
      if (end < 0 || line.charCodeAt(end + 1) !== 0x3a) return undefined;
      const key = line.slice(0, end + 1);
      texts.set(key.includes('\\') ? (JSON.parse(key) as string) : key.slice(1, -1), line.slice(end + 2, line.endsWith(',') ? -1 : undefined));
    }
    return lines[lines.length - 1] === '}}' ? texts : undefined;
  }

  /**
   * `get` with the task's fingerprints taken elsewhere (status's worker threads), in the order
   * of its files; for readOnly caches.
   */
  checked(key: string, fps: string[]): R | undefined {
    const e = this.peek(key);
    this.seen.set(key, fps);
    if (e && fps.length === e.fps.length && fps.every((fp, i) => fp === e.fps[i])) {
      this.hits++;
      this.kept.set(key, e);
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  /**
   * Records a task done in this run: the files it read and wrote, and its result. `files` may
   * be a function that names them when the cache is saved (a long run need not hold every
   * task's list of paths meanwhile).
   */
  set(key: string, files: readonly string[] | (() => readonly string[]), result: R): void {
    if (this.settings.fingerprintOnSet && this.settings.namedFiles) this.fresh.set(key, { fps: (typeof files === 'function' ? files() : files).map(this.fingerprintNow), result });
    else this.fresh.set(key, { files, result });
  }

  /**
   * Writes the cache, after the step's own files are in place (their fingerprints are taken
   * now). Tasks not seen in this run are dropped (unless kept by `keepUnseen`). Failure to
   * write only costs the next run time.
   */
  save(): void {
    if (!this.enabled) return;
    const keep = this.settings.keepUnseen;
    // Nothing new and nothing dropped: leave the file alone (a no-change run writes nothing,
    // and a cache it never looked at is not even read).
    if (this.fresh.size === 0 && (keep || this.loaded === undefined)) return;
    const old = this.old;
    if (this.fresh.size === 0 && this.kept.size === Object.keys(old).length) return;
    // Each entry is made as it is written: at newsroom scale the file is tens of megabytes,
    // and neither it nor its entries need be in memory at once.
    const keys = new Set<string>(this.fresh.keys());
    for (const k of this.kept.keys()) keys.add(k);
    if (keep) for (const k in old) if (keep(k)) keys.add(k);
    const entry = (k: string): Entry<R> => {
      const e = this.fresh.get(k);
      if (!e) return this.kept.get(k) ?? old[k]!;
      if (e.fps) return { fps: e.fps, result: e.result };
      const files = typeof e.files === 'function' ? e.files() : e.files!;
      const seen = this.seen.get(k);
      const made: Entry<R> = { fps: seen && seen.length === files.length ? seen : files.map(this.fingerprintNow), result: e.result };
      if (!this.settings.namedFiles) made.paths = [...files];
      return made;
    };
    const engine = this.engine;
    // JSON.stringify({ engine, entries }), the entries in sorted order of their keys (an object
    // would put index-like keys such as "2024" first: the file reads back the same), each on a
    // line of its own (`entryTexts` takes them without parsing the whole file).
    function* pieces(): Generator<string> {
      let piece = `${head(engine)}`;
      let n = 0;
      for (const k of [...keys].sort()) {
        piece += `${n++ === 0 ? '' : ','}\n${JSON.stringify(k)}:${JSON.stringify(entry(k))}`;
        if (piece.length > 2 ** 16) {
          yield piece;
          piece = '';
        }
      }
      yield `${piece}\n}}`;
    }
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeText(tmp, pieces());
      renameSync(tmp, this.path);
    } catch {
      // read-only output folder: no cache
    }
  }
}

/** A cache file's first line: its engine key, the entries' start. */
function head(engine: string): string {
  return `{"engine":${JSON.stringify(engine)},"entries":{`;
}

/** The index of the quote that ends the JSON string `line` starts with, or -1. */
function keyEnd(line: string): number {
  if (line.charCodeAt(0) !== 0x22) return -1;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) i++; // an escape: the next character is part of it
    else if (c === 0x22) return i;
  }
  return -1;
}

/** Parsed articles by content hash. */
export class DocCache {
  constructor(
    private readonly dir: string,
    readonly enabled = true,
  ) {}

  key(content: string): string {
    const hash = createHash('sha256').update(`${ENGINE}\n`);
    for (const piece of textPieces(content)) hash.update(piece); // see BIG_FILE in io/fs.ts
    return hash.digest('hex');
  }

  /** Whether a document is cached under `key` (it may still fail to read: see `get`). */
  has(key: string): boolean {
    return this.enabled && statSync(this.path(key), { throwIfNoEntry: false }) !== undefined;
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): Doc | undefined {
    if (!this.enabled) return undefined;
    try {
      return JSON.parse(readText(this.path(key))) as Doc;
    } catch {
      return undefined;
    }
  }

  set(key: string, doc: Doc): void {
    if (!this.enabled) return;
    try {
      const p = join(this.dir, key.slice(0, 2), `${key}.json`);
      mkdirSync(dirname(p), { recursive: true });
      writeText(p, jsonPieces(doc));
    } catch {
      // no cache
    }
  }
}
