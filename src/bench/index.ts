/**
 * `npm run bench [-- --articles N] [--json] [--keep]`: generates a deterministic news-like
 * corpus (default 1,000 articles), runs segment, export, import, status and build over it —
 * each step in a fresh child process, so its time and peak memory are its own — and measures,
 * side by side in the same run: Intl.Segmenter (segmentation), a plain template-string XLIFF
 * writer (export), `xmllint --noout` and Translate Toolkit's `pocount` when installed (parsing
 * and status), and a plain read of the files (the I/O floor). Before each measurement, `sync`
 * writes back what the rows before it wrote (`flush`), and the files the measured command reads
 * are read once (`warm`, as hyperfine's --warmup fills the caches), both outside any row's time:
 * every row measures the work with its input in memory, whatever happened to the page cache
 * since the files were written. (This machine's memory reclaim — DAMON, pages untouched for a
 * minute written out — had evicted part of what the minute-long import wrote by the time the
 * status row read it, and part of the project's metadata by the rerun: status measured
 * 2.3-2.7 s where it takes 1.9-2.1 s with its files in memory.)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../segment/index.js';
import { article, bigArticle } from './corpus.js';
import { fakeTranslations, files } from './returned.js';
import { benchTm } from '../tm/bench.js';
import { treeMemory } from './tree-memory.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = resolve(here, '../../bin/tessera.js');

interface Row {
  step: string;
  ms: number;
  peakRssMB?: number;
  /** The peak of the combined resident memory of the processes the command started (pipeline rows, Linux; tree-memory.ts). */
  treeMB?: number;
  throughput?: string;
  compare?: string;
}

/**
 * --articles N (default 1,000): the corpus; --big-units N (default 100,000; 0 leaves the row
 * out): the units of the one-file import row; --json; --keep (the corpus is not deleted).
 */
function args(): { articles: number; bigUnits: number; json: boolean; keep: boolean } {
  const a = process.argv.slice(2);
  const int = (flag: string, fallback: number, min: number): number => {
    const i = a.indexOf(flag);
    const n = i >= 0 ? Number(a[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`bench: ${flag} needs an integer ≥ ${min}\n`);
      process.exit(2);
    }
    return n;
  };
  return { articles: int('--articles', 1000, 1), bigUnits: int('--big-units', 100_000, 0), json: a.includes('--json'), keep: a.includes('--keep') };
}

/**
 * Flushes what earlier rows wrote to the disk, before a row is measured: the kernel writes a
 * step's files back in the 30 s after it ends, and that work (a full run writes 1 GB) would be
 * charged to whatever runs next — a rerun measured right after a full run took 11–13 s instead
 * of 8–9 s. Not part of any row's time.
 */
function flush(): void {
  spawnSync('sync');
}

/** Wall time and peak RSS of a command, through GNU time when available. */
function timed(cmd: string, argv: string[], cwd?: string): { ms: number; rssMB: number; ok: boolean } {
  const useTime = has('/usr/bin/time');
  const t = process.hrtime.bigint();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...argv], { encoding: 'utf8', cwd, maxBuffer: 1 << 30 })
    : spawnSync(cmd, argv, { encoding: 'utf8', cwd, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const kb = useTime ? Number(r.stderr.trim().split('\n').pop()) : Number.NaN;
  return { ms, rssMB: kb / 1024, ok: r.status === 0 };
}

function has(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = join(dir, cmd);
    if (dir && has(p)) return p;
  }
  return undefined;
}

/** Runs a tool over many files in argv-sized batches. */
function batched(cmd: string, pre: string[], list: string[]): { ms: number; rssMB: number; ok: boolean } {
  flush();
  warm(list);
  let ms = 0;
  let rssMB = 0;
  let ok = true;
  for (let i = 0; i < list.length; i += 500) {
    const r = timed(cmd, [...pre, ...list.slice(i, i + 500)]);
    ms += r.ms;
    rssMB = Math.max(rssMB, r.rssMB);
    ok &&= r.ok;
  }
  return { ms, rssMB, ok };
}

const mb = (bytes: number): number => bytes / 1e6;
const fmt = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

function segmentationBench(texts: string[]): Row[] {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const intl = new Intl.Segmenter('en', { granularity: 'sentence' });
  const runTessera = (): number => {
    let n = 0;
    for (const t of texts) n += splitSentences(t, 'en').length;
    return n;
  };
  const runIntl = (): number => {
    let n = 0;
    for (const t of texts) for (const _ of intl.segment(t)) n++;
    return n;
  };
  const best = (f: () => number): number => {
    f(); // warm-up
    let min = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      f();
      min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
    }
    return min;
  };
  const tms = best(runTessera);
  const ims = best(runIntl);
  const rows: Row[] = [
    {
      step: 'segmentation (in process)',
      ms: tms,
      throughput: `${fmt(mb(bytes) / (tms / 1000), 2)} MB/s`,
      compare: `Intl.Segmenter ${fmt(mb(bytes) / (ims / 1000), 2)} MB/s → ${fmt(ims / tms, 2)}×`,
    },
  ];
  // Linear time on hostile input: one 1 MB paragraph without punctuation, 100,000 dots.
  const hostile: [string, string][] = [
    ['1 MB paragraph, no punctuation', 'word '.repeat(200_000)],
    ['100,000 consecutive dots', '.'.repeat(100_000)],
    ['1 MB of "a. " (a break candidate every 3 chars)', 'a. '.repeat(333_333)],
  ];
  for (const [name, text] of hostile) {
    const t1 = best(() => splitSentences(text, 'en').length);
    const t2 = best(() => {
      let n = 0;
      for (const _ of intl.segment(text)) n++;
      return n;
    });
    rows.push({ step: `segmentation: ${name}`, ms: t1, throughput: `${fmt(mb(Buffer.byteLength(text)) / (t1 / 1000), 2)} MB/s`, compare: `Intl.Segmenter ${fmt(t2)} ms` });
  }
  return rows;
}

/** The simplest XLIFF writer there is, for the export comparison. */
function templateExport(root: string, out: string): number {
  flush();
  const t = process.hrtime.bigint();
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const lang of ['it', 'fr', 'ar']) {
    mkdirSync(join(out, lang), { recursive: true });
    for (const f of readdirSync(join(root, 'locales/en')).filter((x) => x.endsWith('.json') && !x.endsWith('.state.json'))) {
      const res = JSON.parse(readFileSync(join(root, 'locales/en', f), 'utf8')) as Record<string, string>;
      const units = Object.entries(res)
        .map(([id, s]) => `<trans-unit id="${id}"><source>${esc(s)}</source></trans-unit>`)
        .join('\n');
      writeFileSync(join(out, lang, f.replace(/\.json$/, '.xlf')), `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="${f}" source-language="en" target-language="${lang}" datatype="plaintext"><body>\n${units}\n</body></file></xliff>\n`);
    }
  }
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function main(): void {
  const opt = args();
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  mkdirSync(join(root, 'source'));
  mkdirSync(join(root, 'pipelines'));
  const paragraphs: string[] = [];
  let sourceBytes = 0;
  for (let i = 0; i < opt.articles; i++) {
    const a = article(i);
    writeFileSync(join(root, 'source', `${a.slug}.md`), a.markdown);
    sourceBytes += Buffer.byteLength(a.markdown);
    paragraphs.push(...a.markdown.split('\n---\n')[1]!.split('\n\n').map((p) => p.trim()).filter(Boolean));
  }
  writeFileSync(
    join(root, 'pipelines/all.yaml'),
    'description: the whole flow\nsteps:\n  - segment:\n  - export:\n      out: out/xliff\n  - import:\n      files: returned/*/*.xlf\n  - status:\n      format: json\n  - build:\n      out: out/editions\n',
  );
  const rows: Row[] = [];
  rows.push(...segmentationBench(paragraphs));
  // Translation memory: fuzzy lookups in a memory of 100,000 entries, side by side with a scan.
  const tm = benchTm(100_000);
  rows.push({ step: 'tm: fuzzy lookup in 100,000 entries', ms: tm.buildMs, throughput: `${fmt(tm.lookupsPerSec, 0)} lookups/s`, compare: `full scan ${fmt(tm.bruteForceLookupsPerSec, 2)} lookups/s (time shown: building the index)` });

  const seg = timedCli(root, ['segment']);
  rows.push({ step: 'segment', ...seg, throughput: `${fmt(opt.articles / (seg.ms / 1000), 0)} articles/s` });
  const exp = timedCli(root, ['export', '--lang', 'it,fr,ar', '--out', 'out/xliff']);
  const xlf = files(join(root, 'out/xliff'), '.xlf');
  const tpl = templateExport(root, join(root, 'out/template'));
  rows.push({ step: 'export (XLIFF 1.2)', ...exp, throughput: `${fmt(xlf.length / (exp.ms / 1000), 0)} files/s`, compare: `template writer ${fmt(tpl, 0)} ms (in process) → ${fmt(exp.ms / tpl, 2)}× its time` });
  fakeTranslations(join(root, 'out/xliff'), join(root, 'returned'));
  const imp = timedCli(root, ['import', 'returned/*/*.xlf']);
  rows.push({ step: 'import', ...imp, throughput: `${fmt(xlf.length / (imp.ms / 1000), 0)} files/s` });
  if (opt.bigUnits > 0) rows.push(bigImport(opt.bigUnits));
  const st = timedCli(root, ['status', '--format', 'json']);
  const statusRow: Row = { step: 'status', ...st, throughput: `${fmt((opt.articles * 3) / (st.ms / 1000), 0)} article-languages/s` };
  const comparisons: string[] = [];
  if (which('xmllint')) {
    const x = batched('xmllint', ['--noout'], xlf);
    comparisons.push(`xmllint --noout ${fmt(x.ms, 0)} ms → ${fmt(st.ms / x.ms, 2)}× its time`);
  } else comparisons.push('xmllint not installed');
  if (which('pocount')) {
    const p = batched('pocount', ['--csv'], xlf);
    comparisons.push(`pocount ${fmt(p.ms, 0)} ms → ${fmt(p.ms / st.ms, 1)}× faster`);
  } else comparisons.push('pocount not installed');
  statusRow.compare = comparisons.join('; ');
  rows.push(statusRow);
  const bld = timedCli(root, ['build', '--out', 'out/editions']);
  rows.push({ step: 'build (12 editions per article)', ...bld, throughput: `${fmt((opt.articles * 12) / (bld.ms / 1000), 0)} files/s` });

  // The I/O floor: read every source and locale file once.
  flush();
  const plain = [...files(join(root, 'source'), '.md'), ...files(join(root, 'locales'), '.json')];
  warm(plain);
  const t = process.hrtime.bigint();
  let bytes = 0;
  for (const f of plain) bytes += readFileSync(f).length;
  const readMs = Number(process.hrtime.bigint() - t) / 1e6;
  rows.push({ step: 'plain read of source/ and locales/', ms: readMs, throughput: `${fmt(mb(bytes) / (readMs / 1000), 0)} MB/s` });

  // Full run from nothing, then a rerun with nothing changed, in a project of their own made of
  // copies of the articles, the pipeline and the returned files: nothing is deleted before a
  // measurement. (ext4 makes files several times more slowly for some seconds after many were
  // deleted — it passes over recently freed inodes — and deleting the steps' outputs here
  // made the full run look slower than it is.)
  const runRoot = mkdtempSync(join(tmpdir(), 'tessera-bench-run-'));
  for (const d of ['source', 'pipelines', 'returned']) cpSync(join(root, d), join(runRoot, d), { recursive: true });
  // Peak RSS is the largest process's; from ISOLATE_FROM articles each step has its own, beside
  // the coordinating one, so the processes' combined peak is given too (tree-memory.ts).
  const full = treeMemory(() => timedCli(runRoot, ['run', 'all']));
  const again = treeMemory(() => timedCli(runRoot, ['run', 'all']));
  const together = (peakMB: number | undefined): string => (peakMB === undefined ? '' : `all processes together ${fmt(peakMB, 0)} MB`);
  rows.push({ step: 'pipeline: full run', ...full.result, compare: together(full.peakMB), ...(full.peakMB !== undefined ? { treeMB: full.peakMB } : {}) });
  rows.push({
    step: 'pipeline: rerun, nothing changed',
    ...again.result,
    compare: [`${fmt((again.result.ms / full.result.ms) * 100, 1)}% of the full run`, together(again.peakMB)].filter(Boolean).join('; '),
    ...(again.peakMB !== undefined ? { treeMB: again.peakMB } : {}),
  });

  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memGB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const result = { articles: opt.articles, sourceMB: Number(fmt(mb(sourceBytes), 2)), xliffFiles: xlf.length, machine, rows };
  if (opt.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(`Tessera bench: ${opt.articles} articles (${fmt(mb(sourceBytes), 2)} MB of Markdown), ${xlf.length} XLIFF files; ${machine.cpus} × ${machine.cpu}, ${machine.memGB} GB, Node ${machine.node}\n\n`);
    const head = ['step', 'time', 'peak RSS', 'throughput', 'side by side'];
    const table = rows.map((r) => [r.step, `${fmt(r.ms, 0)} ms`, r.peakRssMB !== undefined ? `${fmt(r.peakRssMB, 0)} MB` : '', r.throughput ?? '', r.compare ?? '']);
    const w = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
    const line = (r: string[]): string => r.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd();
    process.stdout.write([line(head), line(w.map((n) => '-'.repeat(n))), ...table.map(line)].join('\n') + '\n');
  }
  if (opt.keep) process.stderr.write(`corpus kept in ${root} (and the pipeline's project in ${runRoot})\n`);
  else for (const r of [root, runRoot]) rmSync(r, { recursive: true, force: true });
}

/** One article of `units` segments, exported as one XLIFF 1.2 file, filled and imported. */
function bigImport(units: number): Row {
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-big-'));
  try {
    mkdirSync(join(root, 'source'));
    const split = (p: string): string[] => splitSentences(p, 'en').map((s) => p.slice(s.start, s.end).trim()).filter(Boolean);
    const a = bigArticle(units, split);
    writeFileSync(join(root, 'source', `${a.slug}.md`), a.markdown);
    timedCli(root, ['segment']);
    timedCli(root, ['export', '--lang', 'it', '--out', 'out/xliff']);
    fakeTranslations(join(root, 'out/xliff'), join(root, 'returned'));
    const xlf = join(root, 'returned/it/big.xlf');
    const bytes = statSync(xlf).size;
    const n = (readFileSync(xlf, 'utf8').match(/<trans-unit /g) ?? []).length;
    const imp = timedCli(root, ['import', 'returned/it/big.xlf']);
    return { step: `import: one file of ${n.toLocaleString('en')} units`, ...imp, throughput: `${fmt(mb(bytes), 0)} MB at ${fmt(mb(bytes) / (imp.ms / 1000), 1)} MB/s` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Reads every file of `list` once (see the head of this file); not part of any row's time.
 * Into one buffer, over and over: reading them with readFileSync left a gigabyte of garbage
 * (the outputs a rerun is warmed with) that V8 freed on its background threads while the row
 * ran, on the measured command's cores — the no-change rerun measured 3.7–3.85 s after such a
 * warm-up, 3.4 s after none, 3.5–3.6 s after this one (10,000 articles).
 */
const WARM_BUFFER = Buffer.allocUnsafe(1 << 20);
function warm(list: readonly string[]): void {
  for (const f of list) {
    const fd = openSync(f, 'r');
    try {
      while (readSync(fd, WARM_BUFFER, 0, WARM_BUFFER.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

function timedCli(root: string, argv: string[]): { ms: number; peakRssMB: number } {
  flush();
  warm(files(root, ''));
  const useTime = has('/usr/bin/time');
  const t = process.hrtime.bigint();
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-f', '%M', process.execPath, BIN, '--root', root, '--quiet', ...argv] : [BIN, '--root', root, '--quiet', ...argv];
  const r = spawnSync(cmd, full, { encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`tessera ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const kb = useTime ? Number(r.stderr.trim().split('\n').pop()) : Number.NaN;
  return { ms, peakRssMB: kb / 1024 };
}

main();
