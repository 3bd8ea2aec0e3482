/**
 * A Tessera project on disk: `source/*.md` articles and `locales/<lang>/…` resources and
 * states. Everything that touches the file system for the project goes through here; the
 * codecs it calls are pure.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inputError } from '../core/errors.js';
import { emptyLocale, reconcile, type LocaleData } from '../core/reconcile.js';
import { SOURCE_LANG, TARGET_LANGS, isLang, isPseudoLang, pseudoAsLang, type Doc, type Lang, type PseudoLang } from '../core/types.js';
import { parseArticle } from '../formats/article.js';
import { parseResources, parseState, serializeResources, serializeState } from '../formats/locale.js';
import { FileTransaction, recoverJournal } from './fs.js';
import { DocCache, StepCache } from './cache.js';
import { defaultConcurrency, parseAll } from '../pipeline/pool.js';
import { readText } from './fs.js';

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

export class Project {
  readonly root: string;
  readonly cacheDir: string;
  readonly force: boolean;
  readonly shard: [number, number] | undefined;
  readonly concurrency: number;
  private readonly docs: DocCache;
  /** Articles parsed ahead of use by `preload`, by path. */
  private readonly parsed = new Map<string, { key: string; doc: Doc }>();

  constructor(root: string, options: ProjectOptions = {}) {
    this.root = resolve(root);
    this.cacheDir = resolve(this.root, options.cacheDir ?? 'out/.cache');
    this.force = options.force ?? false;
    this.shard = options.shard;
    this.concurrency = options.concurrency ?? defaultConcurrency();
    this.docs = new DocCache(join(this.cacheDir, 'docs'), !this.force);
    // A command killed while committing its writes left them half-done: finish or undo them
    // first. Only a dead process's journal: shards may run side by side on one project.
    if (existsSync(this.root)) {
      for (const f of readdirSync(this.root)) {
        const pid = /^\.tessera-journal\.(\d+)$/.exec(f)?.[1];
        if (pid !== undefined && !alive(Number(pid))) recoverJournal(join(this.root, f));
      }
    }
  }

  /** This process's commit journal for the project's writes (io/fs.ts). */
  get journalPath(): string {
    return join(this.root, `.tessera-journal.${process.pid}`);
  }

  /** A transaction for this project's files: all or nothing, even if the process is killed. */
  transaction(): FileTransaction {
    return new FileTransaction({ journal: this.journalPath });
  }

  /** A step's incremental cache (see io/cache.ts). */
  stepCache<R>(step: string, options: unknown): StepCache<R> {
    return new StepCache<R>(this.cacheDir, step, options, !this.force);
  }

  get sourceDir(): string {
    return join(this.root, 'source');
  }

  get localesDir(): string {
    return join(this.root, 'locales');
  }

  /** A path relative to the root, for messages (stable across machines). */
  rel(path: string): string {
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
        `no source/ folder in ${this.root}`,
        {},
        'run Tessera from a project folder (one with source/ and locales/), or pass --root DIR',
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
  async preload(paths: readonly string[], tick: () => void = () => {}): Promise<void> {
    const jobs: { path: string; key: string; content: string; file: string }[] = [];
    for (const path of paths) {
      const file = this.rel(path);
      const content = readText(path, file);
      const key = this.docs.key(content);
      const doc = this.docs.get(key);
      if (doc) {
        this.parsed.set(path, { key, doc });
        tick();
      } else jobs.push({ path, key, content, file });
    }
    const docs = await parseAll(jobs, this.concurrency, tick);
    jobs.forEach((j, i) => {
      this.docs.set(j.key, docs[i]!);
      this.parsed.set(j.path, { key: j.key, doc: docs[i]! });
    });
  }

  loadArticleFile(path: string): Article {
    const file = this.rel(path);
    const pre = this.parsed.get(path);
    if (pre) {
      this.parsed.delete(path);
      return this.checked(path, file, pre.doc);
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
      throw inputError(`front matter says slug "${doc.meta.slug}" but the file is named ${expected}.md`, { file, line: 2 }, `rename the file to ${doc.meta.slug}.md or change the slug`, 'article-front-matter');
    }
    if (doc.meta.lang !== SOURCE_LANG) {
      throw inputError(`source language "${doc.meta.lang}" is not supported as a source yet`, { file, line: 2 }, `write "lang: ${SOURCE_LANG}"`, 'article-front-matter');
    }
    return { slug: doc.meta.slug, file, doc };
  }

  /** Loads the named articles (slugs or paths), or all of them. */
  loadArticles(names: readonly string[] = []): Article[] {
    const files = this.articleFiles();
    if (names.length === 0) {
      if (files.length === 0) throw inputError('source/ holds no articles (*.md)', { file: this.rel(this.sourceDir) }, 'add an article: see README, "Adding an article"', 'project');
      return files.map((f) => this.loadArticleFile(f));
    }
    const bySlug = new Map(files.map((f) => [f.replace(/^.*[\\/]/, '').replace(/\.md$/, ''), f]));
    return names.map((name) => {
      const slug = name.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
      const f = bySlug.get(slug);
      if (!f) {
        throw inputError(`unknown article "${name}"`, {}, `known articles: ${[...bySlug.keys()].join(', ') || '(none)'}`, 'project');
      }
      return this.loadArticleFile(f);
    });
  }

  resourcesPath(lang: Lang, slug: string): string {
    return join(this.localesDir, lang, `${slug}.json`);
  }

  statePath(lang: Lang, slug: string): string {
    return join(this.localesDir, lang, `${slug}.state.json`);
  }

  /** The English sentences as `segment` last wrote them, or undefined. */
  readPreviousEnglish(slug: string): Record<string, string> | undefined {
    const p = this.resourcesPath(SOURCE_LANG, slug);
    if (!existsSync(p)) return undefined;
    return parseResources(readText(p, this.rel(p)), this.rel(p));
  }

  /** A target language's stored data for an article, as on disk (not reconciled). */
  readLocale(lang: Lang, slug: string): LocaleData {
    const data = emptyLocale();
    const rp = this.resourcesPath(lang, slug);
    if (existsSync(rp)) data.resources = parseResources(readText(rp, this.rel(rp)), this.rel(rp));
    const sp = this.statePath(lang, slug);
    if (existsSync(sp)) Object.assign(data, parseState(readText(sp, this.rel(sp)), this.rel(sp)));
    return data;
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
    tx.write(rp, serializeResources(data.resources));
    tx.write(sp, serializeState(data));
  }

  stageEnglish(tx: FileTransaction, article: Article): void {
    const en: Record<string, string> = {};
    for (const s of article.doc.segments) en[s.id] = s.source;
    tx.write(this.resourcesPath(SOURCE_LANG, article.slug), serializeResources(en));
  }
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
  if (!m || n < 1 || k < 1 || k > n) throw inputError(`--shard "${value}" is not K/N`, {}, 'e.g. --shard 2/4: the second of four shards (1 ≤ K ≤ N)', 'usage');
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
      throw inputError(`unknown language "${v}"`, {}, `supported: ${list.join(', ')}`, 'usage');
    }
    if (!out.includes(base)) out.push(base);
  }
  return out;
}
