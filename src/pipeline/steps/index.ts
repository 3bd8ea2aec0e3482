/**
 * The steps a pipeline can run, with the options each accepts. The CLI commands call the same
 * functions, so a pipeline step and the command of the same name behave alike.
 *
 * A step's module (and what it imports: half a second for export's or import's) is loaded when
 * the step runs, not with this list: a pipeline step run in a process of its own
 * (pipeline/isolate.ts) loads its own code only.
 */
import type { Diagnostic } from '../../core/types.js';
import type { StepContext, StepResult } from '../context.js';
import { resolve } from 'node:path';
import { checkBuildOption } from './build-options.js';
import { EDITIONS_OUT, XLIFF_OUT } from './defaults.js';

/** `gate`: a percentage, `lang=percent` strings, or a mapping of language → percentage. */
export type OptionType = 'string' | 'string[]' | 'boolean' | 'number' | 'gate';

export interface StepSpec {
  description: string;
  /** Option name (kebab-case, as on the command line) → type. */
  options: Record<string, OptionType>;
  run(ctx: StepContext, options: Record<string, unknown>): StepResult | Promise<StepResult>;
  /** Checks one option's value when the pipeline is loaded, before anything runs. */
  check?(option: string, value: unknown): Diagnostic | undefined;
  /** V8 flags for the step when it runs in a process of its own (pipeline/isolate.ts). */
  v8Flags?: readonly string[];
  /**
   * What the step will look at besides the project's article files, for its process started
   * ahead of its turn to look at first (pipeline/ahead.ts); `root` is the project's, resolved.
   */
  ahead?(root: string, options: Record<string, unknown>): AheadPlan | Promise<AheadPlan>;
}

/** Files (absolute paths, as the step names them) and output folders (listed, with their subfolders). */
export interface AheadPlan {
  files?: string[];
  folders?: string[];
}

/**
 * A young generation of 2 × 2 MB instead of V8's 2 × 16 MB, for segment, which reads thousands
 * of small files and keeps little of each: the large one only holds more garbage between
 * scavenges, and the process keeps the pages. Measured on 10,000 articles × 3 languages, V8's
 * default → 2 MB, peak RSS and user CPU: segment (with translations to reconcile) 284 MB, 65 s
 * → 210 MB, 52 s. Not for the others: at 1,000 articles, in two rounds each, build took 12.0
 * and 12.9 s instead of 7.1 and 10.4 s, and import 27.5 and 25.8 s instead of 15.8 and 23.2 s,
 * for 25–30 MB less. Status had it too (237–244 MB, 10.4 s → 218–220 MB, 5.8–7.1 s) until it
 * counted on worker threads with a small young generation of their own (steps/status.ts): since
 * then it only slowed the main thread, which keeps little — after an import 4.8–5.2 s and
 * 194 MB with it, 4.4 s and 213 MB without; with nothing changed 2.7 s and 172 MB with it,
 * 2.0–2.2 s and 154 MB without. The flag is read when V8 starts, so a command run directly
 * keeps V8's default.
 */
const SMALL_YOUNG_GENERATION = ['--max-semi-space-size=2'];

/** Each step's module, loaded on first use. */
const modules = {
  segment: () => import('./segment.js'),
  export: () => import('./export.js'),
  import: () => import('./import.js'),
  status: () => import('./status.js'),
  check: () => import('./check.js'),
  build: () => import('./build.js'),
  tm: () => import('./tm.js'),
  pseudo: () => import('./pseudo.js'),
};

/**
 * Loads the named steps' code at once: a process that runs several steps loads them faster
 * together (the module loader reads and compiles them side by side) than one by one.
 */
export async function loadSteps(names: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(names)].map((name) => modules[name as keyof typeof modules]?.()));
}

export const STEPS: Record<string, StepSpec> = {
  segment: {
    description: 'split source articles into sentences and update locales/',
    options: { articles: 'string[]' },
    run: async (ctx, o) => (await modules.segment()).segmentStep(ctx, o),
    v8Flags: SMALL_YOUNG_GENERATION,
  },
  export: {
    description: 'write XLIFF files for translators',
    options: { articles: 'string[]', lang: 'string[]', format: 'string', out: 'string', all: 'boolean', prefill: 'boolean' },
    run: async (ctx, o) => (await modules.export()).exportStep(ctx, o),
    ahead: (root, o) => ({ folders: [resolve(root, typeof o.out === 'string' ? o.out : XLIFF_OUT)] }),
  },
  import: {
    description: "merge translators' XLIFF files into locales/",
    options: { files: 'string[]', force: 'boolean', strict: 'boolean', optional: 'boolean' },
    run: async (ctx, o) => (await modules.import()).importStep(ctx, o as { files: string[] }),
    ahead: async (root, o) => ({ files: await (await import('./files.js')).filesAhead(root, (o.files as string[] | undefined) ?? []) }),
  },
  status: {
    description: 'report progress per article and language; optional gates',
    options: { articles: 'string[]', lang: 'string[]', format: 'string', details: 'boolean', 'min-translated': 'gate', 'min-reviewed': 'gate', 'ui-lang': 'string' },
    run: async (ctx, o) => (await modules.status()).statusStep(ctx, o),
  },
  check: {
    description: 'QA checks on every translated segment; fails on an error (or a warning with fail-on: warning)',
    options: { articles: 'string[]', lang: 'string[]', json: 'boolean', junit: 'string', list: 'boolean', 'fail-on': 'string' },
    run: async (ctx, o) => (await modules.check()).checkStep(ctx, o),
  },
  build: {
    description: 'write the editions that meet the publish policy: HTML, Markdown, text',
    // min-translated: like status gates (default 100); stale: previous | source | block, per language as "previous,ar=block".
    options: { articles: 'string[]', lang: 'string[]', format: 'string[]', out: 'string', 'min-translated': 'gate', stale: 'string[]', json: 'boolean' },
    run: async (ctx, o) => (await modules.build()).buildStep(ctx, o),
    check: checkBuildOption,
    ahead: (root, o) => ({ folders: [resolve(root, typeof o.out === 'string' ? o.out : EDITIONS_OUT)] }),
  },
  tm: { description: 'write the translation memories (locales/<lang>/.tm.json) from locales/: run it after import', options: { lang: 'string[]' }, run: async (ctx, o) => (await modules.tm()).tmUpdateStep(ctx, o) },
  pseudo: {
    description: 'fill the pseudo-locales (qps-ploc, qps-plocm) through export and import, for layout testing',
    options: { articles: 'string[]', lang: 'string[]', force: 'boolean' },
    run: async (ctx, o) => (await modules.pseudo()).pseudoStep(ctx, o),
  },
};
