/**
 * `tessera run` on a large project runs each step in its own process (pipeline/isolate.ts).
 * TESSERA_ISOLATE_FROM sets the size from which it does, so that the bundled one-article
 * project runs both ways here: the same files, output and exit codes either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { memoryOutput } from '../../src/pipeline/context.js';
import { runSteps, type StepOutcome } from '../../src/pipeline/run.js';
import { Project } from '../../src/io/project.js';
import { BIN, REPO, copyProject, snapshot, tessera, type Run } from '../helpers/project.js';

const ISOLATED = { TESSERA_ISOLATE_FROM: '1' };
const IN_PROCESS = { TESSERA_ISOLATE_FROM: '1000000' };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the bundled project, removed after the test. */
function project(): string {
  const dir = copyProject();
  dirs.push(dir);
  return dir;
}

/** `tessera --root <copy> …args` both ways, each on its own copy of the project. */
function bothWays(args: string[], prepare: (dir: string) => void = () => {}): { isolated: Run & { dir: string }; inProcess: Run & { dir: string } } {
  const run = (env: Record<string, string>): Run & { dir: string } => {
    const dir = project();
    prepare(dir);
    const r = tessera(['--root', dir, ...args], { env });
    // The copies' paths differ; what is printed about them must not otherwise.
    return { dir, code: r.code, stdout: r.stdout.replaceAll(dir, '<root>'), stderr: r.stderr.replaceAll(dir, '<root>') };
  };
  return { isolated: run(ISOLATED), inProcess: run(IN_PROCESS) };
}

/** A project of `n` generated articles and a pipeline `seg`: segment, then status. */
function corpus(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-isolate-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'source'));
  mkdirSync(join(dir, 'pipelines'));
  for (let i = 0; i < n; i++) {
    const a = article(i);
    writeFileSync(join(dir, 'source', `${a.slug}.md`), a.markdown);
  }
  writeFileSync(join(dir, 'pipelines', 'seg.yaml'), 'description: segment\nsteps:\n  - segment:\n  - status:\n');
  return dir;
}

/** The processes `pid` started (Linux). */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `tessera …args`, counting the processes that ran Tessera (and those that loaded yargs): a
 * module-loading hook, which step processes inherit with the parent's Node options, names each
 * process that loads the CLI's context.
 */
function withProcesses(args: string[], env: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Run & { processes: number; withYargs: number } {
  const hooks = mkdtempSync(join(tmpdir(), 'tessera-hooks-'));
  dirs.push(hooks);
  writeFileSync(join(hooks, 'hooks.mjs'), "export async function load(url, ctx, next) { if (url.endsWith('/dist/cli/context.js')) process.stderr.write(`CLI ${process.pid}\\n`); if (url.endsWith('/node_modules/yargs/index.mjs')) process.stderr.write(`YARGS ${process.pid}\\n`); return next(url, ctx); }\n");
  writeFileSync(join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hooks, 'hooks.mjs')).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', join(hooks, 'register.mjs'), BIN, ...args], { encoding: 'utf8', env: { ...base, NO_COLOR: '1', LC_ALL: 'C.UTF-8', ...env } });
  const lines = r.stderr.split('\n');
  const pids = (tag: string): number => new Set(lines.filter((l) => l.startsWith(tag))).size;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: lines.filter((l) => !/^(CLI|YARGS) /.test(l)).join('\n'), processes: pids('CLI '), withYargs: pids('YARGS ') };
}

/** The step processes (pipeline/step-main.ts) running for the project in `dir` (Linux). */
function stepProcessesOf(dir: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((f) => /^\d+$/.test(f))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('step-main.js') && cmd.includes(JSON.stringify(dir).slice(1, -1))) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function until(what: string, test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts `tessera run seg` on `dir` with its steps in their own processes; resolves once the first step's process runs. */
async function startIsolated(dir: string): Promise<{ pid: number; step: number; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> }> {
  const parent = spawn(process.execPath, [BIN, '--root', dir, '--force', 'run', 'seg'], { env: { ...process.env, ...ISOLATED, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  parent.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => parent.on('close', (code, signal) => resolve({ code, signal, stderr })));
  // The first step's process, once it runs step-main.js: not the next step's, started ahead
  // beside it (its last argument is `wait`), nor a child just forked that has not yet become
  // node with the step's flags (its command line is still the parent's).
  const firstStep = (): number | undefined =>
    children(parent.pid!).find((pid) => {
      const argv = commandLine(pid);
      return argv.some((a) => a.endsWith('step-main.js')) && argv.at(-1) !== 'wait';
    });
  await until("the first step's process", () => firstStep() !== undefined);
  return { pid: parent.pid!, step: firstStep()!, ended };
}

/** A process's arguments (Linux), none once it has ended. */
function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

describe('run: each step in its own process', () => {
  it('the newsroom pipeline writes the same files, prints the same and exits 0, as in one process', () => {
    const { isolated, inProcess } = bothWays(['run', 'newsroom'], (dir) => rmSync(join(dir, 'locales'), { recursive: true, force: true }));
    expect(inProcess.code, inProcess.stderr).toBe(0);
    expect(isolated.code, isolated.stderr).toBe(0);
    expect(isolated.stdout).toBe(inProcess.stdout);
    expect(isolated.stderr).toBe(inProcess.stderr);
    // Every step's files are counted, though they were written by other processes.
    expect(isolated.stderr).toMatch(/✔ pipeline newsroom: 6 steps done, \d{2} files written\n$/);
    expect(snapshot(isolated.dir)).toEqual(snapshot(inProcess.dir));
  });

  it('runs every step in a process of its own, with the global options', () => {
    const dir = project();
    pipeline(dir, 'two', 'description: x\nsteps:\n  - segment:\n  - status:\n      format: json\n');
    const r = withProcesses(['--root', dir, '--ui-lang', 'it', '--cache-dir', 'elsewhere', 'run', 'two'], ISOLATED);
    expect(r.code, r.stderr).toBe(0);
    expect(r.processes).toBe(3); // the pipeline's, and one per step
    // Only the pipeline's parses a command line: a step process starts without yargs.
    expect(r.withYargs).toBe(1);
    // The steps saw --ui-lang and --cache-dir.
    expect(r.stderr).toMatch(/segment: 1 articolo/);
    expect(readdirSync(join(dir, 'elsewhere')).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'out', '.cache'))).toBe(false);
    expect((JSON.parse(r.stdout) as { schema: string }).schema).toBe('tessera-status/1');
  });

  it('a project below the threshold (default 2,000 articles) keeps its steps in the calling process', () => {
    const dir = project();
    const env = { ...process.env };
    delete env.TESSERA_ISOLATE_FROM;
    const r = withProcesses(['--root', dir, '--quiet', 'run', 'full-build'], {}, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.processes).toBe(1);
  });

  it('the global options reach every step: the same run with --force, -j 1, --shard, --ui-lang and --no-color', () => {
    const { isolated, inProcess } = bothWays(['--force', '-j', '1', '--shard', '1/1', '--ui-lang', 'fr', '--no-color', 'run', 'full-build']);
    expect(isolated.code, isolated.stderr).toBe(0);
    expect(isolated.stderr).toContain('✔ pipeline full-build : 2 étapes terminées');
    expect(isolated.stderr).toMatch(/segment : 1 article, \d+ segments/);
    expect(isolated).toEqual({ ...inProcess, dir: isolated.dir });
    expect(snapshot(isolated.dir)).toEqual(snapshot(inProcess.dir));
  });

  it('a gate that fails: exit 1, the step named, the later steps not run — as in one process', () => {
    // Without the bundled translations, nothing is reviewed.
    const { isolated, inProcess } = bothWays(['run', 'publish-gate'], (dir) => rmSync(join(dir, 'locales'), { recursive: true, force: true }));
    expect(isolated.code).toBe(1);
    expect(isolated.stderr).toMatch(/gate failed: palermo-conference \(it\): \d+\.\d% of words reviewed, below 100/);
    expect(isolated.stderr).toMatch(/✖ pipeline publish-gate: step 2 \(status\) failed; 1 later step not run\n$/);
    expect(isolated.stdout).toMatch(/^### Translation status\n/);
    expect(existsSync(join(isolated.dir, 'out', 'editions'))).toBe(false);
    expect(isolated).toEqual({ ...inProcess, dir: isolated.dir });
  });

  it('a rerun: the steps after one that wrote nothing start ahead; the run prints, writes and exits as in one process', () => {
    const second = (env: Record<string, string>): Run & { dir: string; processes: number } => {
      const dir = project();
      expect(tessera(['--root', dir, 'run', 'newsroom'], { env }).code).toBe(0);
      const r = withProcesses(['--root', dir, 'run', 'newsroom'], env);
      return { ...r, dir, stdout: r.stdout.replaceAll(dir, '<root>'), stderr: r.stderr.replaceAll(dir, '<root>') };
    };
    const isolated = second(ISOLATED);
    const inProcess = second(IN_PROCESS);
    expect(isolated.code, isolated.stderr).toBe(0);
    expect(isolated.stderr).toMatch(/✔ pipeline newsroom: 6 steps done, 0 files written\n$/);
    expect(isolated.processes).toBe(7); // the pipeline's and one per step, started ahead or not
    expect(isolated.stdout).toBe(inProcess.stdout);
    expect(isolated.stderr).toBe(inProcess.stderr);
    expect(snapshot(isolated.dir)).toEqual(snapshot(inProcess.dir));
  });

  it('a gate that fails in a rerun: the step started ahead of it ends without running, and no process is left', async () => {
    const dir = project();
    rmSync(join(dir, 'locales'), { recursive: true, force: true });
    expect(tessera(['--root', dir, 'run', 'publish-gate'], { env: ISOLATED }).code).toBe(1);
    // segment now writes nothing, so build's process starts while status fails its gate.
    const r = tessera(['--root', dir, 'run', 'publish-gate'], { env: ISOLATED });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✖ pipeline publish-gate: step 2 \(status\) failed; 1 later step not run\n$/);
    expect(existsSync(join(dir, 'out', 'editions'))).toBe(false);
    await until('no step process left', () => stepProcessesOf(dir).length === 0, 5_000);
  });

  it('a step that cannot run: exit 2, its error naming the file, nothing written, the later steps not run — as in one process', () => {
    const bad = (dir: string): void => {
      mkdirSync(join(dir, 'returned'));
      writeFileSync(join(dir, 'returned', 'bad.xlf'), '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>\n');
      pipeline(dir, 'back', 'description: x\nsteps:\n  - segment:\n  - import:\n      files: returned/*.xlf\n  - status:\n');
    };
    const { isolated, inProcess } = bothWays(['run', 'back'], bad);
    expect(isolated.code).toBe(2);
    expect(isolated.stderr).toMatch(/^returned\/bad\.xlf:\d+(:\d+)?: error: /m);
    expect(isolated.stderr).toContain('▶ back 2/3: import');
    expect(isolated.stderr).not.toContain('▶ back 3/3');
    expect(snapshot(join(isolated.dir, 'locales'))).toEqual(snapshot(join(REPO, 'locales')));
    expect(isolated).toEqual({ ...inProcess, dir: isolated.dir });
  });

  it('stopping the run (SIGTERM) stops the step too; the run ends by the same signal and the next run finds nothing half-done', async () => {
    const dir = corpus(150);
    const run = await startIsolated(dir);
    process.kill(run.pid, 'SIGTERM');
    const end = await run.ended;
    expect(end.signal).toBe('SIGTERM');
    await until('the step process to end', () => !alive(run.step), 5_000);
    // The project is sound: a journal the step left, if any, is recovered by the next run.
    const again = tessera(['--root', dir, '--quiet', 'run', 'seg'], { env: ISOLATED });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tessera-journal'))).toEqual([]);
    expect(readdirSync(join(dir, 'locales', 'en'))).toHaveLength(150);
  });

  it('a step process killed from outside: the step and the signal named, exit 128 + signal', async () => {
    const dir = corpus(150);
    const run = await startIsolated(dir);
    process.kill(run.step, 'SIGKILL');
    const end = await run.ended;
    expect(end.code).toBe(137);
    expect(end.stderr).toContain('✖ pipeline seg: step 1 (segment) was stopped by SIGKILL');
    expect(end.stderr).not.toContain('▶ seg 2/2');
  });

  it("a step process starts with its step's V8 flags: segment's small young generation", async () => {
    const dir = corpus(150);
    const run = await startIsolated(dir);
    const argv = readFileSync(`/proc/${run.step}/cmdline`, 'utf8').split('\0');
    const end = await run.ended;
    expect(end.code, end.stderr).toBe(0);
    expect(argv.indexOf('--max-semi-space-size=2')).toBe(1); // right after node itself
  });

  it('a step process whose pipeline is killed (SIGKILL) ends too', async () => {
    const dir = corpus(150);
    const run = await startIsolated(dir);
    process.kill(run.pid, 'SIGKILL');
    await run.ended;
    // It ends when it next waits for I/O, at the latest with its step.
    await until('the orphaned step process to end', () => !alive(run.step), 40_000);
  });

});

describe('runSteps', () => {
  it('runs the steps in order, adds up what they wrote, and stops at the first that fails', async () => {
    const ctx = { project: new Project(tmpdir()), output: memoryOutput() };
    const steps = ['segment', 'export', 'status', 'build'].map((name, i) => ({ name, options: {}, line: i + 1 }));
    const ran: string[] = [];
    const outcome = (name: string): StepOutcome => ({ ok: name !== 'status', written: 10 });
    const r = await runSteps(ctx, { name: 'p', description: '', steps }, async (step, i) => {
      ran.push(`${i}:${step.name}`);
      return outcome(step.name);
    });
    expect(ran).toEqual(['0:segment', '1:export', '2:status']);
    expect(r).toEqual({ ok: false, failedStep: 'status' });
    expect(ctx.output.stderr).toBe('\n▶ p 1/4: segment\n\n▶ p 2/4: export\n\n▶ p 3/4: status\n\n✖ pipeline p: step 3 (status) failed; 1 later step not run\n');

    const done = memoryOutput();
    const all = await runSteps({ ...ctx, output: done }, { name: 'p', description: '', steps: steps.slice(0, 2) }, async () => ({ ok: true, written: 7 }));
    expect(all).toEqual({ ok: true });
    expect(done.stderr).toContain('✔ pipeline p: 2 steps done, 14 files written\n');
  });
});

function pipeline(dir: string, name: string, yaml: string): void {
  writeFileSync(join(dir, 'pipelines', `${name}.yaml`), yaml);
}
