/**
 * At newsroom scale: the same bytes for any concurrency, shards that cover the corpus with no
 * overlap and no gap, and reruns that redo only what changed. Drives the built binary on a
 * generated corpus (src/bench/corpus.ts), no timing.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../src/bench/corpus.js';
import { shardOf } from '../../src/io/project.js';
import { snapshot, tessera } from '../helpers/project.js';

const N = 40;
let base: string;

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-scale-'));
  mkdirSync(join(dir, 'source'));
  for (let i = 0; i < N; i++) {
    const a = article(i);
    writeFileSync(join(dir, 'source', `${a.slug}.md`), a.markdown);
  }
  return dir;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tessera-scale-root-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('concurrency', () => {
  it('segment, export, status and build write identical bytes with -j 1 and -j 4', () => {
    const results: Record<string, string>[] = [];
    const outputs: string[] = [];
    for (const j of ['1', '4']) {
      const dir = corpus();
      for (const args of [['segment'], ['export', '--all'], ['build', '--lang', 'en']]) {
        const r = tessera(['--root', dir, '-j', j, '--quiet', ...args]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      const st = tessera(['--root', dir, '-j', j, 'status', '--json', '--details']);
      outputs.push(st.stdout);
      rmSync(join(dir, 'out/.cache'), { recursive: true, force: true });
      results.push(snapshot(dir));
      rmSync(dir, { recursive: true, force: true });
    }
    expect(Object.keys(results[0]!).length).toBeGreaterThan(N * 3);
    expect(results[1]).toEqual(results[0]);
    expect(outputs[1]).toBe(outputs[0]);
  });
});

describe('shards', () => {
  it('K/N shards partition the articles: every article in exactly one shard', () => {
    const dir = corpus();
    const seen: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const r = tessera(['--root', dir, '--shard', `${k}/3`, 'status', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const slugs = (JSON.parse(r.stdout) as { articles: { article: string }[] }).articles.map((a) => a.article);
      for (const s of slugs) expect(shardOf(s, 3)).toBe(k);
      seen.push(...slugs);
    }
    expect(seen.sort()).toEqual(readdirSync(join(dir, 'source')).map((f) => f.replace(/\.md$/, '')).sort());
    expect(tessera(['--root', dir, '--shard', '4/3', 'status']).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('incremental', () => {
  it('a rerun with no change skips every article; changing one redoes only that one; --force redoes all', () => {
    const dir = corpus();
    expect(tessera(['--root', dir, 'segment']).code).toBe(0);
    const again = tessera(['--root', dir, 'segment']);
    expect(again.stderr).toContain(`${N} articles, ${N} unchanged`);
    const before = snapshot(dir);
    const p = join(dir, 'source', readdirSync(join(dir, 'source')).sort()[3]!);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n\n([^\n]+)\n$/, '\n\nA new closing sentence was added.\n'));
    const one = tessera(['--root', dir, 'segment']);
    expect(one.stderr).toContain(`${N} articles, ${N - 1} unchanged`);
    const after = snapshot(dir);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual([`locales/en/${p.replace(/^.*\//, '').replace(/\.md$/, '')}.json`, `source/${p.replace(/^.*\//, '')}`].sort());
    const forced = tessera(['--root', dir, '--force', 'segment']);
    expect(forced.stderr).not.toContain('unchanged');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('status from cached source profiles', () => {
  it('after translations change (as after an import) and after a source edit, equals a status that reads everything', () => {
    const dir = corpus();
    expect(tessera(['--root', dir, 'segment']).code).toBe(0);
    // segment leaves a profile per article for status.
    const profiles = JSON.parse(readFileSync(join(dir, 'out/.cache/status-source.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(profiles.entries)).toHaveLength(N);
    const status = (force: boolean): string => {
      const r = tessera(['--root', dir, ...(force ? ['--force'] : []), 'status', '--json', '--details']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const cold = status(false);
    expect(status(true)).toBe(cold);
    // Translations arrive for two articles, in Italian and Arabic, as an import would write them,
    // and a pseudo-translation lands in French (it must count as not translated).
    const slugs = readdirSync(join(dir, 'source')).sort().map((f) => f.replace(/\.md$/, ''));
    for (const [slug, lang, state, provenance] of [[slugs[0]!, 'it', 'reviewed', 'human'], [slugs[5]!, 'ar', 'translated', 'human'], [slugs[7]!, 'fr', 'translated', 'pseudo']] as const) {
      const en = JSON.parse(readFileSync(join(dir, 'locales/en', `${slug}.json`), 'utf8')) as Record<string, string>;
      const ids = Object.keys(en).slice(0, 3);
      mkdirSync(join(dir, 'locales', lang), { recursive: true });
      writeFileSync(join(dir, 'locales', lang, `${slug}.json`), JSON.stringify(Object.fromEntries(ids.map((id) => [id, `[${lang}] ${en[id]}`]))));
      writeFileSync(join(dir, 'locales', lang, `${slug}.state.json`), JSON.stringify({ format: 'tessera-state/1', segments: Object.fromEntries(ids.map((id) => [id, { state, provenance }])) }));
    }
    const afterImport = status(false);
    expect(afterImport).not.toBe(cold);
    expect(status(true)).toBe(afterImport);
    // The same counted on worker threads (the path a large corpus takes), from a cold row cache.
    rmSync(join(dir, 'out/.cache/status.json'));
    const shared = tessera(['--root', dir, '-j', '3', 'status', '--json'], { env: { TESSERA_STATUS_SHARE_MIN: '1' } });
    expect(shared.code, shared.stderr).toBe(0);
    const plain = tessera(['--root', dir, '--force', 'status', '--json']);
    expect(shared.stdout).toBe(plain.stdout);
    // The profiles' cache in the layout of earlier versions (all on one line): the main thread
    // parses it instead of splitting it, and the report is the same.
    const profilesFile = join(dir, 'out/.cache/status-source.json');
    expect(readFileSync(profilesFile, 'utf8').split('\n').length).toBeGreaterThan(10);
    writeFileSync(profilesFile, JSON.stringify(JSON.parse(readFileSync(profilesFile, 'utf8'))));
    rmSync(join(dir, 'out/.cache/status.json'));
    const oldLayout = tessera(['--root', dir, '-j', '2', 'status', '--json'], { env: { TESSERA_STATUS_SHARE_MIN: '1' } });
    expect(oldLayout.code, oldLayout.stderr).toBe(0);
    expect(oldLayout.stdout).toBe(plain.stdout);
    // Rows cached, one article's Italian changed: the threads reuse the rest and count that one.
    const shareStatus = (): ReturnType<typeof tessera> => tessera(['--root', dir, '-j', '2', 'status', '--json'], { env: { TESSERA_STATUS_SHARE_MIN: '1' } });
    const itState = join(dir, 'locales/it', `${slugs[0]}.state.json`);
    const reviewed = readFileSync(itState, 'utf8');
    writeFileSync(itState, reviewed.replaceAll('"reviewed"', '"final"'));
    const oneChanged = shareStatus();
    expect(oneChanged.code, oneChanged.stderr).toBe(0);
    expect(oneChanged.stdout).not.toBe(shared.stdout);
    expect(oneChanged.stdout).toBe(tessera(['--root', dir, '--force', 'status', '--json']).stdout);
    // Nothing changed since: every row reused, on this thread alone, the same report.
    expect(shareStatus().stdout).toBe(oneChanged.stdout);
    // A broken locale file found on a thread: named in the message, exit 2, no report.
    writeFileSync(itState, '{"format": "tessera-state/1", "segments": {');
    const broken = shareStatus();
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain(`locales/it/${slugs[0]}.state.json`);
    writeFileSync(itState, reviewed);
    // An article edited but not segmented again: its profile no longer applies.
    const p = join(dir, 'source', `${slugs[0]}.md`);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n\n([^\n]+)\n$/, '\n\nA new closing sentence was added.\n'));
    const edited = status(false);
    expect(edited).not.toBe(afterImport);
    expect(status(true)).toBe(edited);
    rmSync(dir, { recursive: true, force: true });
  });
});
