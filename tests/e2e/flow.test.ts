/**
 * End to end: a copy of the bundled project driven through the built `tessera` binary.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionSentence } from '../../src/formats/edition.js';
import { SHARED, copyProject, snapshot, tessera } from '../helpers/project.js';

const LANGS = ['en', 'it', 'fr', 'ar'] as const;
let dir: string;
let first: ReturnType<typeof tessera>;

const read = (p: string): string => readFileSync(join(dir, p), 'utf8');
const resources = (lang: string): Record<string, string> => JSON.parse(read(`locales/${lang}/palermo-conference.json`)) as Record<string, string>;

beforeAll(() => {
  dir = copyProject();
  // Start from nothing but the source and the translators' returned files.
  rmSync(join(dir, 'locales'), { recursive: true, force: true });
  first = tessera(['--root', dir, 'run', 'newsroom']);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the newsroom pipeline on the bundled article', () => {
  it('runs to the end and exits 0', () => {
    expect(first.stderr).toContain('✔ pipeline newsroom');
    expect(first.code).toBe(0);
  });

  it('prints the status matrix on stdout: every language fully reviewed', () => {
    for (const lang of ['it', 'fr', 'ar']) {
      expect(first.stdout).toMatch(new RegExp(`palermo-conference\\s+${lang}\\s+█{10} 100\\.0%\\s+100\\.0%`));
    }
  });

  it('writes 12 editions: html, md and txt for en, it, fr, ar', () => {
    for (const lang of LANGS) for (const ext of ['html', 'md', 'txt']) expect(existsSync(join(dir, `out/editions/${lang}/palermo-conference.${ext}`))).toBe(true);
    expect(first.stderr).toContain('12 edition files');
  });

  it('every edition holds every sentence of its language, in order', () => {
    const en = resources('en');
    for (const lang of LANGS) {
      const res = lang === 'en' ? en : resources(lang);
      for (const ext of ['txt', 'md']) {
        const text = read(`out/editions/${lang}/palermo-conference.${ext}`);
        let at = 0;
        for (const id of Object.keys(en)) {
          const raw = res[id] ?? en[id]!; // untranslatable segments (links) stay as they are
          // As the build sets it: locale typography, and Latin runs isolated in Arabic.
          const sentence = lang === 'en' ? raw : editionSentence(raw, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr', fallback: res[id] === undefined, format: ext as 'md' | 'txt' });
          const found = text.indexOf(sentence, at);
          expect(found, `${lang}.${ext}: "${sentence.slice(0, 50)}…" missing or out of order`).toBeGreaterThanOrEqual(at);
          at = found + sentence.length;
        }
      }
    }
  });

  it('the translations are complete: every translatable sentence in it, fr and ar', () => {
    const en = resources('en');
    for (const lang of ['it', 'fr', 'ar']) {
      const res = resources(lang);
      const missing = Object.keys(en).filter((id) => res[id] === undefined && !/^pic\.twitter\.com\//.test(en[id]!));
      expect(missing, lang).toEqual([]);
      const state = JSON.parse(read(`locales/${lang}/palermo-conference.state.json`)) as { segments: Record<string, { state: string }> };
      for (const id of Object.keys(res)) expect(state.segments[id]?.state, `${lang} ${id}`).toBe('reviewed');
    }
  });

  it("the English Markdown edition is the source article, byte for byte", () => {
    expect(read('out/editions/en/palermo-conference.md')).toBe(read('source/palermo-conference.md'));
  });

  it("the English text edition's paragraphs are the original article's", () => {
    const seed = join(SHARED, 'seed/000_4fd8b39f1b3f6dd2.txt');
    if (!existsSync(seed)) {
      if (process.env.CI === 'true') throw new Error(`${seed} is missing`);
      console.warn(`skipped: ${seed} not found`);
      return;
    }
    const original = readFileSync(seed, 'utf8').split('\n').filter((l) => l !== '');
    const txt = read('out/editions/en/palermo-conference.txt').split('\n\n');
    expect(txt[0]).toBe('Italy brings Libya’s rival leaders together in Palermo as Turkey walks out');
    expect(txt.slice(1).join('\n\n').trimEnd().split('\n\n')).toEqual(original);
  });

  it('the Arabic HTML edition is right-to-left, the others left-to-right', () => {
    expect(read('out/editions/ar/palermo-conference.html')).toContain('<html lang="ar" dir="rtl">');
    for (const lang of ['en', 'it', 'fr']) expect(read(`out/editions/${lang}/palermo-conference.html`)).toContain(`<html lang="${lang}" dir="ltr">`);
  });

  it('the embedded post is a blockquote with its attribution', () => {
    const html = read('out/editions/en/palermo-conference.html');
    expect(html).toMatch(/<blockquote>\n<p>Welcome today’s conference for #Libya in Palermo\. [^\n]*pic\.twitter\.com\/g5bbaN5LzK<\/p>\n<footer>— Alistair Burt \(@AlistairBurtUK\) November 13, 2018<\/footer>\n<\/blockquote>/);
  });

  it('a second run changes no file', () => {
    const before = snapshot(dir);
    const again = tessera(['--root', dir, 'run', 'newsroom']);
    expect(again.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(again.stderr).toContain('(0 changed)');
  });

  it('exporting everything and importing it back unchanged changes no byte in locales/', () => {
    const before = snapshot(join(dir, 'locales'));
    for (const format of ['xliff12', 'xliff20', 'xliff21']) {
      const out = join(dir, `out/all-${format}`);
      const ex = tessera(['--root', dir, 'export', '--lang', 'it,fr,ar', '--all', '--format', format, '--out', out]);
      expect(ex.code).toBe(0);
      const im = tessera(['--root', dir, 'import', join(out, 'it/palermo-conference.xlf'), join(out, 'fr/palermo-conference.xlf'), join(out, 'ar/palermo-conference.xlf')]);
      expect(im.stderr).toContain('0 project files updated');
      expect(im.code).toBe(0);
      expect(snapshot(join(dir, 'locales'))).toEqual(before);
    }
  });

  it('with everything translated, the default export has nothing left to send', () => {
    const r = tessera(['--root', dir, 'export', '--out', join(dir, 'out/todo')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('nothing to translate');
    expect(existsSync(join(dir, 'out/todo'))).toBe(false);
  });
});

describe('bad input: a clear message, exit 2, nothing written', () => {
  const expectRefused = (args: string[], message: RegExp, root = dir): void => {
    const before = snapshot(root);
    const r = tessera(['--root', root, ...args]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  };

  it('an unknown language', () => {
    expectRefused(['export', '--lang', 'de'], /unknown language "de"[^]*supported: it, fr, ar/);
    expectRefused(['status', '--lang', 'xx'], /unknown language "xx"/);
    expectRefused(['segment', '--lang', 'de', '--json', '-'], /unsupported language "de"[^]*en, it, fr, ar/);
  });

  it('a folder without source/', () => {
    const empty = join(dir, 'out/empty-project');
    writeFileSync(join(dir, 'out/placeholder'), '');
    rmSync(empty, { recursive: true, force: true });
    expectRefused(['status'], /no source\/ folder[^]*--root/, join(dir, 'out'));
  });

  it('an article without front matter names the file', () => {
    const p = join(dir, 'source/bare.md');
    writeFileSync(p, 'Just a paragraph. No front matter.\n');
    try {
      expectRefused(['segment'], /source\/bare\.md:1:1: error: the article has no front matter/);
      expectRefused(['build'], /source\/bare\.md:1:1/);
    } finally {
      rmSync(p);
    }
  });

  it('a malformed XLIFF file names file, line and column', () => {
    const p = join(dir, 'out/broken.xlf');
    const good = tessera(['--root', dir, 'export', '--lang', 'it', '--all', '--out', join(dir, 'out/b')]);
    expect(good.code).toBe(0);
    const xml = read('out/b/it/palermo-conference.xlf').replace('</target>', '</targt>');
    writeFileSync(p, xml);
    const line = xml.slice(0, xml.indexOf('</targt>')).split('\n').length;
    expectRefused(['import', p], new RegExp(`out/broken\\.xlf:${line}:\\d+: error: not well-formed XML`));
  });

  it('an XLIFF file with a DOCTYPE (entity expansion) is refused', () => {
    const p = join(dir, 'out/xxe.xlf');
    const xml = read('out/b/it/palermo-conference.xlf').replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>');
    writeFileSync(p, xml);
    expectRefused(['import', p], /xxe\.xlf:2:\d+: error: the file declares a DOCTYPE/);
  });

  it('an XLIFF file for another language or article', () => {
    const p = join(dir, 'out/de.xlf');
    writeFileSync(p, read('out/b/it/palermo-conference.xlf').replace('target-language="it"', 'target-language="de"'));
    expectRefused(['import', p], /target language "de" is not one of this project's/);
    writeFileSync(p, read('out/b/it/palermo-conference.xlf').replace('original="palermo-conference"', 'original="rome-summit"'));
    expectRefused(['import', p], /article "rome-summit", which this project does not have/);
  });

  it('a unit whose inline code was lost is reported and skipped; the rest of the file applies (exit 1)', () => {
    const p = join(dir, 'out/lost-code.xlf');
    const xml = read('out/b/it/palermo-conference.xlf');
    // The translator typed the hashtag instead of keeping the tag, and changed another sentence.
    const broken = xml
      .replace(/(<target[^>]*>[^\n]*?)<ph id="1" ctype="x-hashtag">#Libya<\/ph>/, '$1#Libya')
      .replace('Né Haftar né al-Sisi hanno posato', 'Né Haftar né al-Sisi si sono fatti fotografare');
    expect(broken).not.toBe(xml);
    writeFileSync(p, broken);
    const resPath = join(dir, 'locales/it/palermo-conference.json');
    const saved = readFileSync(resPath, 'utf8');
    const r = tessera(['--root', dir, 'import', '--force', p]);
    try {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/lost-code\.xlf:\d+:\d+: warning: unit s[0-9a-f]{10}: the target lost the code "#Libya"/);
      expect(r.stderr).toContain('1 applied, 23 unchanged, 1 skipped');
      expect(readFileSync(resPath, 'utf8')).toContain('si sono fatti fotografare');
    } finally {
      writeFileSync(resPath, saved);
    }
  });

  it('usage errors', () => {
    expectRefused(['frobnicate'], /Unknown argument|Unknown command|Did you mean/i);
    expectRefused(['run', 'nope'], /no pipeline "nope"[^]*newsroom/);
    expectRefused(['import', 'out/missing.xlf'], /out\/missing\.xlf: error: no such file/);
  });
});

describe('interface', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = tessera(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('every command has --help with examples', () => {
    for (const cmd of ['segment', 'export', 'import', 'status', 'build', 'run']) {
      const r = tessera([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain('Examples:');
      expect(r.stdout, cmd).toContain(`tessera ${cmd}`);
    }
    expect(tessera(['--help']).stdout).toContain('Examples:');
  });

  it('segment --json splits plain text from stdin, one array per line', () => {
    const r = tessera(['segment', '--lang', 'en', '--json', '-'], { input: 'Gen. Khalifa Haftar met Conte. He left early.\nSecond paragraph here.\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([['Gen. Khalifa Haftar met Conte.', 'He left early.'], ['Second paragraph here.']]);
  });

  it('segment --write-srx writes our rules as SRX 2.0; --srx splits with a user’s rules; a broken SRX names file and line', () => {
    const srx = join(dir, 'out/tessera.srx');
    expect(tessera(['segment', '--write-srx', srx]).code).toBe(0);
    expect(readFileSync(srx, 'utf8')).toMatch(/^<\?xml[^]*<srx xmlns="http:\/\/www\.lisa\.org\/srx20" version="2\.0">/);
    const r = tessera(['segment', '--lang', 'it', '--srx', srx, '--json', '-'], { input: 'Il Sig. Rossi è arrivato. Poi è partito.\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([['Il Sig. Rossi è arrivato.', 'Poi è partito.']]);
    const bad = join(dir, 'out/bad.srx');
    writeFileSync(bad, '<srx version="2.0">\n<body><oops/></body></srx>\n');
    const b = tessera(['segment', '--lang', 'en', '--srx', bad, '--json', '-'], { input: 'A. B.\n' });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad\.srx:2: error: not a usable SRX file: unexpected <oops>/);
  });

  it('status --format json follows the documented schema', () => {
    const r = tessera(['--root', dir, 'status', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { schema: string; languages: string[]; articles: { article: string; languages: Record<string, { segments: { total: number; reviewed: number } }> }[] };
    expect(j.schema).toBe('tessera-status/1');
    expect(j.languages).toEqual(['it', 'fr', 'ar']);
    const it_ = j.articles[0]!.languages.it!;
    expect(it_.segments.reviewed).toBe(it_.segments.total);
  });

  it('a status gate that is not met exits 1 and names the article and language', () => {
    const p = join(dir, 'locales/fr/palermo-conference.json');
    const saved = readFileSync(p, 'utf8');
    const res = JSON.parse(saved) as Record<string, string>;
    const first = Object.keys(res)[0]!;
    delete res[first];
    writeFileSync(p, JSON.stringify(res, null, 2) + '\n');
    try {
      const r = tessera(['--root', dir, 'status', '--min-translated', '100']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^gate failed: palermo-conference \(fr\): \d+\.\d% of words translated, below 100\.0% — 1 segment, \d+ words to go$/m);
      expect(r.stderr).not.toMatch(/\(it\)|\(ar\)/);
      // A per-language gate: French may be at 95%, the others must be complete.
      const lenient = tessera(['--root', dir, 'status', '--min-translated', '100,fr=95']);
      expect(lenient.code, lenient.stderr).toBe(0);
    } finally {
      writeFileSync(p, saved);
    }
  });
});
