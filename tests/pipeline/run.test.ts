import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { StatusReport } from '../../src/core/status.js';
import { parseArticle } from '../../src/formats/article.js';
import { parseState } from '../../src/formats/locale.js';
import { readXliff } from '../../src/formats/xliff/read.js';
import { Project } from '../../src/io/project.js';
import { memoryOutput, type StepContext } from '../../src/pipeline/context.js';
import { loadPipeline, pipelineNames, runPipeline } from '../../src/pipeline/run.js';
import { importStep } from '../../src/pipeline/steps/import.js';

const REPO = process.cwd();
const SLUG = 'palermo-conference';
const ARTICLE = readFileSync(resolve(REPO, 'source', `${SLUG}.md`), 'utf8');

let root: string;
let ctx: StepContext & { output: ReturnType<typeof memoryOutput> };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tessera-run-'));
  mkdirSync(join(root, 'source'));
  mkdirSync(join(root, 'pipelines'));
  writeFileSync(join(root, 'source', `${SLUG}.md`), ARTICLE);
  for (const f of readdirSync(resolve(REPO, 'pipelines'))) copyFileSync(resolve(REPO, 'pipelines', f), join(root, 'pipelines', f));
  ctx = { project: new Project(root), output: memoryOutput() };
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function pipeline(name: string, yaml: string): void {
  writeFileSync(join(root, 'pipelines', `${name}.yaml`), yaml);
}

const at = (...p: string[]): string => join(root, ...p);

/** What a translator does in a CAT tool: a target for every unit, marked translated. */
function translate(xlf: string, lang: string): string {
  return xlf.replace(/(<source xml:lang="en">)(.*?)(<\/source>)/g, `$1$2$3<target xml:lang="${lang}" state="translated">[${lang}] $2</target>`);
}

describe('loadPipeline', () => {
  it('loads a pipeline by name from pipelines/', () => {
    expect(pipelineNames(ctx.project)).toEqual(['daily-export', 'full-build', 'import-returns', 'newsroom', 'publish-gate']);
    const p = loadPipeline(ctx.project, 'publish-gate');
    expect(p.name).toBe('publish-gate');
    expect(p.steps.map((s) => s.name)).toEqual(['segment', 'status', 'build']);
  });

  it('refuses an unknown pipeline, listing the known ones', () => {
    try {
      loadPipeline(ctx.project, 'nightly');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).diagnostics[0]!.message).toContain('"nightly"');
      expect((e as InputError).diagnostics[0]!.hint).toBe('pipelines: daily-export, full-build, import-returns, newsroom, publish-gate');
    }
  });

  it('names the pipeline file relative to the project in its diagnostics', () => {
    pipeline('broken', 'description: x\nsteps:\n  - segmnet:\n');
    try {
      loadPipeline(ctx.project, 'broken');
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).diagnostics[0]).toMatchObject({ file: join('pipelines', 'broken.yaml'), line: 3 });
    }
  });
});

describe('runPipeline', () => {
  it('publish-gate: segment runs, the status gate fails, build does not run', async () => {
    const result = await runPipeline(ctx, loadPipeline(ctx.project, 'publish-gate'));
    expect(result.ok).toBe(false);
    expect(result.failedStep).toBe('status');
    expect(result.written).toEqual([join('locales', 'en', `${SLUG}.json`)]);
    expect(existsSync(at('out', 'editions'))).toBe(false); // (out/.cache holds the steps' caches)
    expect(ctx.output.stderr).toMatch(/gate failed: palermo-conference \(it\): 0\.0% of words reviewed, below 100/);
    expect(ctx.output.stderr).toMatch(/step 2 \(status\) failed; 1 later step not run/);
    // The Markdown report went to stdout.
    expect(ctx.output.stdout).toMatch(/^### Translation status\n/);
  });

  it('segment → export → (translator) → import → status → build, then an edit makes one segment stale', async () => {
    const doc = parseArticle(ARTICLE, 'a.md');
    const translatable = doc.segments.filter((s) => s.translate);

    pipeline('out', 'description: send\nsteps:\n  - segment:\n  - export:\n      lang: [it, ar]\n      format: xliff12\n');
    const sent = await runPipeline(ctx, loadPipeline(ctx.project, 'out'));
    expect(sent.ok).toBe(true);
    expect(sent.written).toEqual([join('locales', 'en', `${SLUG}.json`), join('out', 'xliff', 'ar', `${SLUG}.xlf`), join('out', 'xliff', 'it', `${SLUG}.xlf`)]);
    const en = JSON.parse(readFileSync(at('locales', 'en', `${SLUG}.json`), 'utf8')) as Record<string, string>;
    expect(en).toEqual(Object.fromEntries(doc.segments.map((s) => [s.id, s.source])));
    const exported = readFileSync(at('out', 'xliff', 'it', `${SLUG}.xlf`), 'utf8');
    expect(readXliff(exported, 'it.xlf')[0]!.units.map((u) => u.id)).toEqual(translatable.map((s) => s.id));

    // The translators send their files back.
    mkdirSync(at('returned'));
    writeFileSync(at('returned', 'it.xlf'), translate(exported, 'it'));
    writeFileSync(at('returned', 'ar.xlf'), translate(readFileSync(at('out', 'xliff', 'ar', `${SLUG}.xlf`), 'utf8'), 'ar'));
    pipeline('back', 'description: receive\nsteps:\n  - import:\n      files: returned/*.xlf\n  - status:\n      format: json\n      lang: [it, fr, ar]\n  - build:\n      lang: [en, it]\n      format: [md, html]\n');
    const back = await runPipeline(ctx, loadPipeline(ctx.project, 'back'));
    expect(back.ok, ctx.output.stderr).toBe(true);

    const it = JSON.parse(readFileSync(at('locales', 'it', `${SLUG}.json`), 'utf8')) as Record<string, string>;
    expect(it).toEqual(Object.fromEntries(translatable.map((s) => [s.id, `[it] ${s.source}`])));
    const state = parseState(readFileSync(at('locales', 'it', `${SLUG}.state.json`), 'utf8'), 'state.json');
    expect(Object.values(state.units).every((u) => u.state === 'translated')).toBe(true);
    expect(Object.keys(state.units)).toEqual(translatable.map((s) => s.id));
    expect(existsSync(at('locales', 'fr'))).toBe(false);

    const report = JSON.parse(ctx.output.stdout) as StatusReport;
    expect(report.schema).toBe('tessera-status/1');
    expect(report.articles[0]!.languages.it!.translatedWords).toBe(100);
    expect(report.articles[0]!.languages.ar!.translatedWords).toBe(100);
    expect(report.articles[0]!.languages.fr!.translatedWords).toBe(0);

    // The English Markdown edition is the source article, byte for byte.
    expect(readFileSync(at('out', 'editions', 'en', `${SLUG}.md`), 'utf8')).toBe(ARTICLE);
    const itMd = readFileSync(at('out', 'editions', 'it', `${SLUG}.md`), 'utf8');
    expect(itMd).toMatch(/^---\nslug: palermo-conference\nlang: it\n/);
    expect(itMd).toContain(`[it] ${translatable[1]!.source}`);
    const itHtml = readFileSync(at('out', 'editions', 'it', `${SLUG}.html`), 'utf8');
    expect(itHtml).toContain('<html lang="it" dir="ltr">');
    expect(existsSync(at('out', 'editions', 'ar'))).toBe(false);

    // Running segment again changes nothing.
    pipeline('seg', 'description: segment only\nsteps:\n  - segment:\n');
    expect((await runPipeline(ctx, loadPipeline(ctx.project, 'seg'))).written).toEqual([]);

    // The editor changes one sentence: its translations become stale suggestions.
    const later = doc.segments.find((s) => s.source.startsWith('Later, UN Libyan envoy'))!;
    writeFileSync(at('source', `${SLUG}.md`), ARTICLE.replace('Later, UN Libyan envoy', 'Afterwards, UN Libyan envoy'));
    const edited = parseArticle(readFileSync(at('source', `${SLUG}.md`), 'utf8'), 'a.md');
    const changed = edited.segments.find((s) => s.source.startsWith('Afterwards, UN Libyan envoy'))!;
    const again = await runPipeline(ctx, loadPipeline(ctx.project, 'seg'));
    expect(again.written.sort()).toEqual(
      [join('locales', 'ar', `${SLUG}.json`), join('locales', 'ar', `${SLUG}.state.json`), join('locales', 'en', `${SLUG}.json`), join('locales', 'it', `${SLUG}.json`), join('locales', 'it', `${SLUG}.state.json`)].sort(),
    );
    const after = parseState(readFileSync(at('locales', 'it', `${SLUG}.state.json`), 'utf8'), 'state.json');
    expect(after.units[changed.id]).toEqual({ state: 'stale', provenance: 'human', suggestion: `[it] ${later.source}`, previousSource: later.source });
    const stale = Object.entries(after.units).filter(([, u]) => u.state !== 'translated');
    expect(stale.map(([id]) => id)).toEqual([changed.id]);
    const itAfter = JSON.parse(readFileSync(at('locales', 'it', `${SLUG}.json`), 'utf8')) as Record<string, string>;
    expect(itAfter[later.id]).toBeUndefined();
    expect(Object.keys(itAfter)).toHaveLength(translatable.length - 1);
  });

  it('import writes nothing when one of its files cannot be read', async () => {
    await runPipeline(ctx, { name: 'seg', description: '', steps: [{ name: 'segment', options: {}, line: 1 }] });
    pipeline('out', 'description: send\nsteps:\n  - export:\n      lang: it\n');
    await runPipeline(ctx, loadPipeline(ctx.project, 'out'));
    mkdirSync(at('returned'));
    writeFileSync(at('returned', 'a-good.xlf'), translate(readFileSync(at('out', 'xliff', 'it', `${SLUG}.xlf`), 'utf8'), 'it'));
    writeFileSync(at('returned', 'b-bad.xlf'), '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>\n');
    await expect(importStep(ctx, { files: ['returned/*.xlf'] })).rejects.toBeInstanceOf(InputError);
    expect(existsSync(at('locales', 'it'))).toBe(false);
  });

  it('import reports a conflict with a reviewed translation and fails the step, keeping the reviewed text', async () => {
    await runPipeline(ctx, { name: 'seg', description: '', steps: [{ name: 'segment', options: {}, line: 1 }] });
    pipeline('out', 'description: send\nsteps:\n  - export:\n      lang: it\n');
    await runPipeline(ctx, loadPipeline(ctx.project, 'out'));
    const xlf = readFileSync(at('out', 'xliff', 'it', `${SLUG}.xlf`), 'utf8');
    mkdirSync(at('returned'));
    writeFileSync(at('returned', 'it.xlf'), translate(xlf, 'it').replace(/state="translated"/g, 'state="signed-off"'));
    expect((await importStep(ctx, { files: ['returned/it.xlf'] })).ok).toBe(true);
    writeFileSync(at('returned', 'it2.xlf'), translate(xlf, 'it').replace(/\[it\] /g, '[it, again] '));
    const second = await importStep(ctx, { files: ['returned/it2.xlf'] });
    expect(second.ok).toBe(false);
    expect(ctx.output.stderr).toMatch(/returned\/it2\.xlf:\d+:\d+: error: unit s[0-9a-f]{10}\S*: a reviewed translation exists/);
    const it = JSON.parse(readFileSync(at('locales', 'it', `${SLUG}.json`), 'utf8')) as Record<string, string>;
    expect(Object.values(it).every((t) => t.startsWith('[it] '))).toBe(true);
  });
});
