/**
 * The benchmark's combined memory of the processes a command starts (src/bench/tree-memory.ts):
 * sampled on a worker thread while the main thread waits in spawnSync. Real processes holding
 * real memory: one that holds about 120 MB is seen at about its RSS, and a parent waiting on
 * such a child adds its own private pages but not the Node binary's pages they share.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

// The sampler is a worker thread started from the module's own file: the built one (Node does
// not run the TypeScript source in a worker).
const { treeMemory } = (await import(pathToFileURL(join(REPO, 'dist/bench/tree-memory.js')).href)) as typeof import('../../src/bench/tree-memory.js');

const LINUX = existsSync('/proc/self/status') && existsSync('/proc/self/task');
/** A Node process that fills ~120 MB of strings, holds them, and prints its peak RSS in MB. */
const HOLD = "const a=[]; for(let i=0;i<120;i++) a.push(Buffer.alloc(1<<20,1).toString('latin1')); setTimeout(()=>console.log(process.resourceUsage().maxRSS/1024),600)";

describe.skipIf(!LINUX)('treeMemory (Linux: /proc)', () => {
  it('one process: about its own peak RSS', () => {
    const { result, peakMB } = treeMemory(() => spawnSync(process.execPath, ['-e', HOLD], { encoding: 'utf8' }));
    const rss = Number(result.stdout.trim());
    expect(rss).toBeGreaterThan(120);
    // Sampled every 100 ms while the memory is held for 600 ms: the peak is seen. The process
    // reports its peak before it prints and exits, which can touch a few more pages (CI once saw
    // 16 kB more), so the bound leaves 2 MB: counting the binary's shared pages twice would add 30.
    expect(peakMB).toBeGreaterThan(rss * 0.9);
    expect(peakMB).toBeLessThanOrEqual(rss + 2);
  });

  it('a parent waiting on its child: the two together, the shared binary counted once', () => {
    const parent = `const r=require('child_process').spawnSync(process.execPath,['-e',${JSON.stringify(HOLD)}],{encoding:'utf8'}); console.log(r.stdout.trim(), process.resourceUsage().maxRSS/1024)`;
    const { result, peakMB } = treeMemory(() => spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8' }));
    const [child, self] = result.stdout.trim().split(' ').map(Number) as [number, number];
    expect(peakMB).toBeGreaterThan(child + 5); // the parent's own pages are added…
    expect(peakMB).toBeLessThan(child + self - 15); // …but not the pages both map from node
  });

  it('nothing started: zero', () => {
    expect(treeMemory(() => 42)).toEqual({ result: 42, peakMB: 0 });
  });
});

describe.skipIf(LINUX)('treeMemory elsewhere', () => {
  it('is undefined where /proc cannot be read', () => {
    expect(treeMemory(() => 42)).toEqual({ result: 42, peakMB: undefined });
  });
});
