/**
 * A Tessera project on disk: `source/*.md` articles and `locales/<lang>/…` resources and
 * states. Everything that touches the file system for the project goes through here; the
 * codecs it calls are pure.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { inputError, msg } from '../core/errors.js';
import { knownArticlesHint } from '../core/nearest.js';
import { reconcile, type LocaleData } from '../core/reconcile.js';
import type { SourceProfile } from '../core/status.js';
import { SOURCE_LANG, TARGET_LANGS, isLang, isPseudoLang, pseudoAsLang, type Doc, type Lang, type PseudoLang } from '../core/types.js';
import { parseResources, parseState, resourcesPieces, statePieces } from '../formats/locale.js';
import { FileTransaction, recoverJournal } from './fs.js';
import { DocCache, PROFILE_CACHE, StepCache, type StepCacheOptions } from './cache.js';
import { heapKeeper } from '../pipeline/heap.js';
import { MIN_PARALLEL, ParsePool, defaultConcurrency } from '../pipeline/pool.js';
import { readText, readTextIfExists } from './fs.js';
import { readLocaleFiles } from './locale-files.js';

export interface Article {
  slug: string;
  /** Path relative to the project root, for messages. */
  file: string;
  doc: Doc;
}

export interface ProjectOptions {
  /** Where steps keep their caches (default OUT/.cache under the root: out/.cache). */
  cacheDir?: string;
  /** Ignore every cache: redo all work. */
  force?: boolean;
  /** Work on one shard of the articles: [k, n] with 1 ≤ k ≤ n (see shardOf). */
  shard?: [number, number];
  /** Articles parsed at once, on that many threads (default: the number of CPUs). */
  concurrency?: number;
  /** Characters a transaction holds in memory before it spills to temporary files (io/fs.ts). */
  stagingLimit?: number;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has not committed anything yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The Markdown reader (mdast, YAML and the segmenter: about a hundred modules, a third of a
 * second to load) is loaded on first need, not with the project: `status` and `validate` read
 * profiles and XLIFF, never an article, and pay nothing for it. Every step awaits
 * `Project.ready()` (or `forEachArticle`, which does) before it reads articles; library code
 * that calls `loadArticleFile` itself awaits `project.ready()` first.
 */
let parseArticle: typeof import('../formats/article.js').parseArticle | undefined;

export async function loadArticleReader(): Promise<void> {
  parseArticle ??= (await import('../formats/article.js')).parseArticle;
}

export class Project {
  readonly root: string;
  readonly cacheDir: string;
  readonly force: boolean;
  readonly shard: [number, number] | undefined;
  readonly concurrency: number;
  private readonly stagingLimit: number | undefined;
  private readonly docs: DocCache;
  /** Articles parsed ahead of use by `preload`, by path. */
  private readonly parsed = new Map<string, { key: string; doc?: Doc }>();

  constructor(root: string, options: ProjectOptions = {}) {
    ({ root: this.root, sourceDir: this.sourceDir, localesDir: this.localesDir } = layout(root));
    this.cacheDir = resolve(this.root, options.cacheDir ?? 'out/.cache');
    this.force = options.force ?? false;
    this.shard = options.shard;
    this.concurrency = options.concurrency ?? defaultConcurrency();
    this.stagingLimit = options.stagingLimit;
    this.docs = new DocCache(join(this.cacheDir, 'docs'), !this.force);
    // A command killed while committing its writes left them half-done: finish or undo them
    // first. Only a dead process's journal: shards may run side by side on one project.
    if (existsSync(this.root)) {
      // A process killed before its commit leaves only a spill log (`<journal>.spill`): its
      // temporary files are undone from that alone.
      for (const f of readdirSync(this.root)) {
        const pid = /^\.tessera-journal\.(\d+)(?:\.spill)?$/.exec(f)?.[1];
        if (pid !== undefined && !alive(Number(pid))) recoverJournal(join(this.root, `.tessera-journal.${pid}`));
      }
    }
  }

  /** This process's commit journal for the project's writes (io/fs.ts). */
  get journalPath(): string {
    return join(this.root, `.tessera-journal.${process.pid}`);
  }

  /** A transaction for this project's files: all or nothing, even if the process is killed. */
  transaction(): FileTransaction {
    return new FileTransaction({ journal: this.journalPath, ...(this.stagingLimit !== undefined ? { memoryLimit: this.stagingLimit } : {}) });
  }

  /** A step's incremental cache (see io/cache.ts). */
  stepCache<R>(step: string, options: unknown, settings: StepCacheOptions = {}): StepCache<R> {
    return new StepCache<R>(this.cacheDir, step, options, !this.force, settings);
  }

  /** source/ and locales/, made once: the paths of every article's files start with them (path.join costs more than a cache check). */
  readonly sourceDir: string;
  readonly localesDir: string;

  /** A path relative to the root, for messages (stable across machines). */
  rel(path: string): string {
    // Most paths are under the root already: a slice, not path.relative's normalising.
    if (path.startsWith(this.root) && path[this.root.length] === sep && !path.includes(`${sep}.`)) return path.slice(this.root.length + 1);
    const r = relative(this.root, resolve(this.root, path));
    return r.startsWith('..') ? path : r || '.';
  }

  abs(path: string): string {
    return resolve(this.root, path);
  }

  /** Source article files, sorted by name; only this run's shard unless `all`. */
  articleFiles(options: { all?: boolean } = {}): string[] {
    if (!existsSync(this.sourceDir) || !statSync(this.sourceDir).isDirectory()) {
      throw inputError(
        msg('errors.project.noSource', { root: this.root }),
        {},
        msg('errors.project.noSourceHint'),
        'project',
      );
    }
    return readdirSync(this.sourceDir)
      .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
      .filter((f) => options.all || !this.shard || shardOf(f.replace(/\.md$/, ''), this.shard[1]) === this.shard[0])
      .sort()
      .map((f) => join(this.sourceDir, f));
  }

  /**
   * Parses the given articles ahead of use, on `concurrency` threads (pipeline/pool.ts); those
   * already in the content-addressed cache are not parsed again. Errors surface here, in file
   * order, as InputErrors.
   */
  async preload(paths: readonly string[], tick: () => void = () => {}, pool?: ParsePool): Promise<void> {
    const jobs: { path: string; key: string; content: string; file: string }[] = [];
    for (const path of paths) {
      const file = this.rel(path);
      const content = readText(path, file);
      const key = this.docs.key(content);
      // A cached document is read when it is used, not now: read ahead, a batch of documents
      // would outlive the young generation and fill the old one with garbage.
      if (this.docs.has(key)) {
        this.parsed.set(path, { key });
        tick();
      } else jobs.push({ path, key, content, file });
    }
    if (jobs.length === 0) return;
    const own = pool ? undefined : new ParsePool(Math.min(this.concurrency, jobs.length));
    try {
      const docs = await (pool ?? own!).parse(jobs, tick);
      jobs.forEach((j, i) => {
        this.docs.set(j.key, docs[i]!);
        this.parsed.set(j.path, { key: j.key, doc: docs[i]! });
      });
    } finally {
      await own?.close();
    }
  }

  /**
   * Calls `fn` with every article of `paths`, in order. Articles are read and parsed a batch
   * at a time — the next batch on worker threads while `fn` works through this one — so memory
   * holds two batches of documents, never the corpus. `batch`: articles read at a time;
   * `heapSlack`: how far the heap may grow past what is live before a full collection
   * (pipeline/heap.ts; default 32 MB).
   */
  async forEachArticle(paths: readonly string[], fn: (a: Article) => void | Promise<void>, tick: () => void = () => {}, { batch = 200, heapSlack }: { batch?: number; heapSlack?: number } = {}): Promise<void> {
    if (paths.length === 0) return;
    await this.ready();
    const pool = paths.length >= MIN_PARALLEL ? new ParsePool(this.concurrency) : undefined;
    // A pass over thousands of articles: the heap is kept near what is live (pipeline/heap.ts).
    const keepHeap = heapKeeper(heapSlack);
    try {
      const load = (i: number): Promise<void> => this.preload(paths.slice(i, i + batch), tick, pool);
      let ahead = load(0);
      for (let i = 0; i < paths.length; i += batch) {
        await ahead;
        if (i + batch < paths.length) ahead = load(i + batch);
        // An error in the batch being read ahead surfaces when it is awaited, in order.
        ahead.catch(() => {});
        for (const path of paths.slice(i, i + batch)) {
          await fn(this.loadArticleFile(path));
          keepHeap();
        }
      }
    } finally {
      await pool?.close();
    }
  }

  /** Loads what reading articles needs (see `loadArticleReader`). */
  async ready(): Promise<this> {
    await loadArticleReader();
    return this;
  }

  /** One article, parsed (or from the document cache). `ready()` must have been awaited. */
  loadArticleFile(path: string): Article {
    if (!parseArticle) throw new Error('Project.loadArticleFile: await project.ready() first');
    const file = this.rel(path);
    const pre = this.parsed.get(path);
    if (pre) {
      this.parsed.delete(path);
      const doc = pre.doc ?? this.docs.get(pre.key);
      if (doc) return this.checked(path, file, doc);
    }
    const content = readText(path, file);
    const key = this.docs.key(content);
    let doc = this.docs.get(key);
    if (!doc) {
      doc = parseArticle(content, file);
      this.docs.set(key, doc);
    }
    return this.checked(path, file, doc);
  }

  /** An article whose front matter agrees with its file. */
  private checked(path: string, file: string, doc: Doc): Article {
    const expected = path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    if (doc.meta.slug !== expected) {
      throw inputError(msg('errors.project.slugMismatch', { slug: doc.meta.slug, name: `${expected}.md` }), { file, line: 2 }, msg('errors.project.slugMismatchHint', { name: `${doc.meta.slug}.md` }), 'article-front-matter');
    }
    if (doc.meta.lang !== SOURCE_LANG) {
      throw inputError(msg('errors.project.sourceLang', { lang: doc.meta.lang }), { file, line: 2 }, msg('errors.project.sourceLangHint', { line: `lang: ${SOURCE_LANG}` }), 'article-front-matter');
    }
    return { slug: doc.meta.slug, file, doc };
  }

  /**
   * The files of the named articles (slugs or paths), or of all of them (this run's shard),
   * without reading them; an unknown name, or no article at all, is an input error.
   */
  articlePaths(names: readonly string[] = []): string[] {
    const files = this.articleFiles();
    if (names.length === 0) {
      if (files.length === 0) throw inputError(msg('errors.project.noArticles'), { file: this.rel(this.sourceDir) }, msg('errors.project.noArticlesHint'), 'project');
      return files;
    }
    const bySlug = new Map(files.map((f) => [f.replace(/^.*[\\/]/, '').replace(/\.md$/, ''), f]));
    return names.map((name) => {
      const slug = name.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
      const f = bySlug.get(slug);
      if (!f) {
        throw inputError(msg('errors.project.unknownArticle', { name }), {}, knownArticlesHint(bySlug.keys(), slug), 'project');
      }
      return f;
    });
  }

  /** Loads the named articles (slugs or paths), or all of them. */
  loadArticles(names: readonly string[] = []): Article[] {
    return this.articlePaths(names).map((f) => this.loadArticleFile(f));
  }

  // Plain concatenation: these run for every article and language of every step, and
  // path.join's normalising costs more than the rest of a cache check.
  resourcesPath(lang: Lang, slug: string): string {
    return `${this.localesDir}${sep}${lang}${sep}${slug}.json`;
  }

  statePath(lang: Lang, slug: string): string {
    return `${this.localesDir}${sep}${lang}${sep}${slug}.state.json`;
  }

  /**
   * The cache of status profiles (core/status.ts `SourceProfile`) by slug, valid while the
   * article and its English resources are as they were. Written by `segment` and `status`.
   */
  profileCache(): StepCache<SourceProfile> {
    return this.stepCache<SourceProfile>(PROFILE_CACHE, null, { namedFiles: true, keepUnseen: (slug) => existsSync(this.sourcePath(slug)) });
  }

  /** The files a profile depends on: the article and its English resources. */
  profileFiles(slug: string): string[] {
    return [this.sourcePath(slug), this.resourcesPath(SOURCE_LANG, slug)];
  }

  sourcePath(slug: string): string {
    return `${this.sourceDir}${sep}${slug}.md`;
  }

  /**
   * Slugs of the articles (all shards) that have files in locales/<lang>/, sorted: the only
   * ones that can hold translations. One directory listing instead of a look per article.
   */
  slugsWithLocale(lang: Lang): string[] {
    let names: string[];
    try {
      names = readdirSync(join(this.localesDir, lang));
    } catch {
      return [];
    }
    const slugs = new Set<string>();
    for (const n of names) {
      if (n.startsWith('.') || !n.endsWith('.json')) continue;
      slugs.add(n.replace(/(\.state)?\.json$/, ''));
    }
    return [...slugs].filter((slug) => existsSync(this.sourcePath(slug))).sort();
  }

  /**
   * An article's segments without parsing it: ids and whether they are translated from its
   * status profile, sentences from its English resources — available while both still match
   * the article (the profile is only valid then); undefined otherwise.
   */
  segmentsView(slug: string): { article: { meta: { slug: string }; segments: { id: string; source: string; translate: boolean }[] }; previous: Record<string, string> } | undefined {
    if (!this.profiles) this.profiles = this.profileCache();
    const profile = this.profiles.get(slug, this.profileFiles(slug));
    if (!profile) return undefined;
    const previous = this.readPreviousEnglish(slug);
    if (!previous) return undefined;
    const skip = new Set(profile.skip);
    const segments = profile.ids.map((id, i) => ({ id, source: previous[id] ?? '', translate: !skip.has(i) }));
    return { article: { meta: { slug }, segments }, previous };
  }

  private profiles: StepCache<SourceProfile> | undefined;

  /** The English sentences as `segment` last wrote them, or undefined. */
  readPreviousEnglish(slug: string): Record<string, string> | undefined {
    const p = this.resourcesPath(SOURCE_LANG, slug);
    const text = readTextIfExists(p, () => this.rel(p));
    return text === undefined ? undefined : parseResources(text, this.rel(p));
  }

  /** The names of the files in locales/<lang>/ now (empty when there is no such folder). */
  localeFiles(lang: Lang): Set<string> {
    try {
      return new Set(readdirSync(join(this.localesDir, lang)));
    } catch {
      return new Set();
    }
  }

  /**
   * A target language's stored data for an article, as on disk (not reconciled). `listing`
   * (from localeFiles) saves a look per file when many articles are read in a row.
   */
  readLocale(lang: Lang, slug: string, listing?: Set<string>): LocaleData {
    return readLocaleFiles(this, lang, slug, listing);
  }

  /**
   * A target language's data brought in line with the article as it is now (see
   * core/reconcile.ts). Commands other than `segment` see this view without writing it.
   */
  locale(article: Article, lang: Lang): LocaleData {
    return reconcile(article.doc, this.readPreviousEnglish(article.slug), this.readLocale(lang, article.slug));
  }

  /** Stages a target language's data; files are only created once there is something to say. */
  stageLocale(tx: FileTransaction, lang: Lang, slug: string, data: LocaleData): void {
    const rp = this.resourcesPath(lang, slug);
    const sp = this.statePath(lang, slug);
    const empty = Object.keys(data.resources).length === 0 && Object.keys(data.units).length === 0 && Object.keys(data.retired).length === 0;
    if (empty && !existsSync(rp) && !existsSync(sp)) return;
    tx.writePieces(rp, resourcesPieces(data.resources));
    tx.writePieces(sp, statePieces(data));
  }

  /**
   * What `stageLocale` staged in `tx` for a language and article, read back; undefined when
   * nothing was staged for them (an empty data with no files yet stages nothing: read empty).
   */
  stagedLocale(tx: FileTransaction, lang: Lang, slug: string): LocaleData | undefined {
    const rp = this.resourcesPath(lang, slug);
    const sp = this.statePath(lang, slug);
    const resources = tx.read(rp);
    const state = tx.read(sp);
    if (resources === undefined || state === undefined) return undefined;
    return { resources: parseResources(resources, this.rel(rp)), ...parseState(state, this.rel(sp)) };
  }

  stageEnglish(tx: FileTransaction, article: Article): void {
    const en: Record<string, string> = {};
    for (const s of article.doc.segments) en[s.id] = s.source;
    tx.writePieces(this.resourcesPath(SOURCE_LANG, article.slug), resourcesPieces(en));
  }
}

/** Where a project's folders are: the same strings, whoever asks (Project, projectFilesAhead). */
function layout(root: string): { root: string; sourceDir: string; localesDir: string } {
  const r = resolve(root);
  return { root: r, sourceDir: join(r, 'source'), localesDir: join(r, 'locales') };
}

/**
 * The files of a project's articles by folder, named as the steps name them (`sourcePath`,
 * `resourcesPath`, `statePath`: folder, separator, name): source/*.md of the shard, and what
 * locales/<lang>/ holds for those articles. Listed without opening the project (whose
 * constructor may recover a journal, a write), for fingerprints taken ahead
 * (pipeline/ahead.ts). Empty when there is no source/.
 */
export function projectFilesAhead(root: string, shard?: [number, number]): { dir: string; names: string[] }[] {
  const { sourceDir, localesDir } = layout(root);
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  const slugs = new Set<string>();
  const sources: string[] = [];
  for (const f of list(sourceDir)) {
    if (!f.endsWith('.md') || f.startsWith('.')) continue;
    const slug = f.slice(0, -3);
    if (shard && shardOf(slug, shard[1]) !== shard[0]) continue;
    slugs.add(slug);
    sources.push(f);
  }
  const folders = [{ dir: sourceDir, names: sources }];
  for (const lang of list(localesDir)) {
    const dir = `${localesDir}${sep}${lang}`;
    folders.push({ dir, names: list(dir).filter((n) => slugs.has(n.replace(/(\.state)?\.json$/, ''))) });
  }
  return folders;
}

/**
 * The shard (1…n) an article belongs to: a hash of its slug, so that N CI runners cover the
 * corpus with no overlap and no gap, and adding an article moves no other.
 */
export function shardOf(slug: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % n) + 1;
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || n < 1 || k < 1 || k > n) throw inputError(msg('errors.project.shard', { value }), {}, msg('errors.project.shardHint'), 'usage');
  return [k, n];
}

/**
 * Parses `it,fr ar` style lists into target languages; errors list the supported ones.
 *
 * Pseudo-locales (issue 8, see core/types.ts): never part of a default — with no values the
 * result is `allowed` (default it, fr, ar) exactly as before. Named explicitly (`--lang
 * qps-ploc`), one is accepted when the caller uses the default list (status, export) or opts in
 * with `pseudo: true` (build); a caller that passes its own list without opting in (check)
 * gets exactly that list, so per-language tables never see a pseudo-locale.
 */
export function parseLangs(values: readonly string[] | undefined, allowed?: readonly Lang[], options: { pseudo?: boolean } = {}): Lang[] {
  const list = allowed ?? TARGET_LANGS;
  const pseudo = options.pseudo ?? allowed === undefined;
  if (!values || values.length === 0) return [...list];
  const out: Lang[] = [];
  for (const v of values.flatMap((x) => String(x).split(/[\s,]+/)).filter(Boolean)) {
    const tag = v.toLowerCase().replace(/_/g, '-');
    if (pseudo && isPseudoLang(tag)) {
      const code = pseudoAsLang(tag as PseudoLang);
      if (!out.includes(code)) out.push(code);
      continue;
    }
    const base = tag.split('-')[0]!;
    if (!isLang(base) || !list.includes(base)) {
      throw inputError(msg('errors.unknownLanguage', { lang: v }), {}, msg('errors.supported', { list }), 'usage');
    }
    if (!out.includes(base)) out.push(base);
  }
  return out;
}
