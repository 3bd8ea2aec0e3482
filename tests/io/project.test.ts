import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLocale } from '../../src/core/reconcile.js';
import { FileTransaction } from '../../src/io/fs.js';
import { Project, parseLangs } from '../../src/io/project.js';
import { inputErrorOf } from '../helpers/errors.js';

const ARTICLE_PATH = resolve(process.cwd(), 'source/palermo-conference.md');

let root: string;
let project: Project;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'tessera-project-'));
  mkdirSync(join(root, 'source'));
  copyFileSync(ARTICLE_PATH, join(root, 'source', 'palermo-conference.md'));
  project = await new Project(root).ready();
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('Project', () => {
  it('loads the articles in source/, with paths relative to the root', () => {
    writeFileSync(join(root, 'source', 'another-one.md'), '---\nslug: another-one\nlang: en\nheadline: Another\ndate: 2018-11-14\n---\n\nText.\n');
    writeFileSync(join(root, 'source', 'notes.txt'), 'not an article');
    const articles = project.loadArticles();
    expect(articles.map((a) => [a.slug, a.file])).toEqual([
      ['another-one', join('source', 'another-one.md')],
      ['palermo-conference', join('source', 'palermo-conference.md')],
    ]);
    expect(project.loadArticles(['palermo-conference']).map((a) => a.slug)).toEqual(['palermo-conference']);
    expect(project.loadArticles(['source/palermo-conference.md']).map((a) => a.slug)).toEqual(['palermo-conference']);
  });

  it('refuses an unknown article, listing the known ones', () => {
    const err = inputErrorOf(() => project.loadArticles(['rome-summit']));
    expect(err.diagnostics[0]!.message).toContain('rome-summit');
    expect(err.diagnostics[0]!.hint).toContain('palermo-conference');
  });

  it('refuses an article whose slug is not its file name, naming the file and line', () => {
    copyFileSync(ARTICLE_PATH, join(root, 'source', 'palermo.md'));
    const err = inputErrorOf(() => project.loadArticles(['palermo']));
    expect(err.diagnostics[0]).toMatchObject({ file: join('source', 'palermo.md'), line: 2 });
    expect(err.diagnostics[0]!.hint).toContain('palermo-conference.md');
  });

  it('refuses a folder with no source/ or no articles', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tessera-empty-'));
    try {
      expect(inputErrorOf(() => new Project(empty).loadArticles()).diagnostics[0]!.message).toMatch(/no source\/ folder/);
      mkdirSync(join(empty, 'source'));
      expect(inputErrorOf(() => new Project(empty).loadArticles()).diagnostics[0]!.message).toMatch(/holds no articles/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stageEnglish + stageLocale write files that readLocale and readPreviousEnglish read back', () => {
    const [article] = project.loadArticles();
    const { doc } = article!;
    expect(project.readPreviousEnglish(article!.slug)).toBeUndefined();
    const data = emptyLocale();
    data.resources[doc.segments[0]!.id] = 'Titolo';
    data.units[doc.segments[0]!.id] = { state: 'reviewed', provenance: 'human' };
    data.units[doc.segments[1]!.id] = { state: 'stale', suggestion: 'Vecchia.', previousSource: 'Old.' };
    const tx = new FileTransaction();
    project.stageEnglish(tx, article!);
    project.stageLocale(tx, 'it', article!.slug, data);
    project.stageLocale(tx, 'fr', article!.slug, emptyLocale());
    const written = tx.commit().map((p) => project.rel(p));
    expect(written).toEqual([
      join('locales', 'en', 'palermo-conference.json'),
      join('locales', 'it', 'palermo-conference.json'),
      join('locales', 'it', 'palermo-conference.state.json'),
    ]);
    // An empty language creates no file.
    expect(existsSync(project.resourcesPath('fr', article!.slug))).toBe(false);
    const en = project.readPreviousEnglish(article!.slug)!;
    expect(Object.values(en)).toEqual(doc.segments.map((s) => s.source));
    expect(project.readLocale('it', article!.slug)).toEqual(data);
    expect(project.locale(article!, 'it')).toEqual(data);
  });

  it('locale() reconciles stored data against an edited article without writing', () => {
    const [article] = project.loadArticles();
    const later = article!.doc.segments.find((s) => s.source.startsWith('Later, UN Libyan envoy'))!;
    const data = emptyLocale();
    data.resources[later.id] = 'Più tardi…';
    data.units[later.id] = { state: 'translated', provenance: 'human' };
    const tx = new FileTransaction();
    project.stageEnglish(tx, article!);
    project.stageLocale(tx, 'it', article!.slug, data);
    tx.commit();
    const file = join(root, 'source', 'palermo-conference.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Later, UN Libyan envoy', 'Afterwards, UN Libyan envoy'));
    const edited = project.loadArticles()[0]!;
    const now = edited.doc.segments.find((s) => s.source.startsWith('Afterwards, UN Libyan envoy'))!;
    const before = readFileSync(project.statePath('it', article!.slug), 'utf8');
    const view = project.locale(edited, 'it');
    expect(view.units[now.id]).toMatchObject({ state: 'stale', suggestion: 'Più tardi…', previousSource: later.source });
    expect(readFileSync(project.statePath('it', article!.slug), 'utf8')).toBe(before);
  });

  it('rel() gives paths relative to the root', () => {
    expect(project.rel(join(root, 'locales', 'it', 'x.json'))).toBe(join('locales', 'it', 'x.json'));
    expect(project.rel(root)).toBe('.');
  });
});

describe('parseLangs', () => {
  it('defaults to every target language', () => {
    expect(parseLangs(undefined)).toEqual(['it', 'fr', 'ar']);
    expect(parseLangs([])).toEqual(['it', 'fr', 'ar']);
  });

  it('accepts comma and space separated lists, regions and case, without duplicates', () => {
    expect(parseLangs(['it,fr', 'AR', 'it-IT', 'fr_CA'])).toEqual(['it', 'fr', 'ar']);
  });

  it('refuses unknown languages and the source language, listing the supported ones', () => {
    const err = inputErrorOf(() => parseLangs(['de']));
    expect(err.diagnostics[0]!.message).toContain('"de"');
    expect(err.diagnostics[0]!.hint).toBe('supported: it, fr, ar');
    inputErrorOf(() => parseLangs(['en']));
    expect(parseLangs(['en'], ['en', 'it', 'fr', 'ar'])).toEqual(['en']);
  });
});

describe('opening a project recovers a killed commit (io/fs.ts journal)', () => {
  const leave = (pid: number): string => {
    mkdirSync(join(root, 'locales/it'), { recursive: true });
    const tmp = `locales/it/.a.json.${pid}.tmp`;
    writeFileSync(join(root, tmp), '{}\n');
    writeFileSync(join(root, `.tessera-journal.${pid}`), JSON.stringify({ committed: false, renames: [[tmp, 'locales/it/a.json']] }));
    return join(root, tmp);
  };

  it("undoes a dead process's uncommitted journal", async () => {
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const tmp = leave(Number(dead.stdout));
    new Project(root);
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(join(root, `.tessera-journal.${dead.stdout}`))).toBe(false);
  });

  it("undoes a dead process's spill log when it was killed before writing a journal", async () => {
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(join(root, 'out/editions/it'), { recursive: true });
    const tmp = `out/editions/it/.a.html.${dead.stdout}.tmp`;
    writeFileSync(join(root, tmp), '<!DOCTYPE html>\n');
    writeFileSync(join(root, `.tessera-journal.${dead.stdout}.spill`), `${tmp}\tout/editions/it/a.html\n`);
    new Project(root);
    expect(existsSync(join(root, tmp))).toBe(false);
    expect(existsSync(join(root, 'out/editions/it/a.html'))).toBe(false);
    expect(existsSync(join(root, `.tessera-journal.${dead.stdout}.spill`))).toBe(false);
  });

  it('leaves alone the journal of a process still running (a shard committing beside us)', () => {
    const tmp = leave(process.ppid);
    new Project(root);
    expect(existsSync(tmp)).toBe(true);
    expect(existsSync(join(root, `.tessera-journal.${process.ppid}`))).toBe(true);
  });
});
