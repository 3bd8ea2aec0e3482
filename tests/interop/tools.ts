import { encodeInline } from '../../src/formats/inline.js';
/**
 * Helpers for the interoperability tests: finding the real tools (Translate Toolkit, OmegaT),
 * running them, reading what they write, and writing what they read (TMX).
 *
 * A test file asks for its tools with `prerequisites()`: when one is missing the tests are
 * skipped with the reason, except under CI=true, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tessera } from '../helpers/project.js';

export const CI = process.env.CI === 'true';
export const OMEGAT_JAR = process.env.OMEGAT_JAR ?? '/usr/share/omegat/OmegaT.jar';
export const ARTICLE = 'palermo-conference';

/** The path of an executable found on PATH, or undefined. */
export function which(cmd: string): string | undefined {
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    if (d && existsSync(join(d, cmd))) return join(d, cmd);
  }
  return undefined;
}

/** A reason per missing command (with the Debian package that provides it). */
export function missingCommands(commands: Record<string, string>): string[] {
  return Object.entries(commands)
    .filter(([cmd]) => !which(cmd))
    .map(([cmd, pkg]) => `${cmd} is not installed (apt-get install ${pkg})`);
}

/** True when nothing is missing; otherwise registers a skipped test (a failing one under CI=true). */
export function prerequisites(suite: string, missing: string[]): boolean {
  if (missing.length === 0) return true;
  const why = missing.join('; ');
  describe(`${suite}: prerequisites`, () => {
    if (CI) {
      it(`${suite}: the tools are installed (required under CI=true)`, () => {
        expect.fail(`cannot run under CI: ${why}`);
      });
    } else {
      console.warn(`${suite}: skipped: ${why}`);
      it.skip(`${suite} skipped: ${why}`, () => {});
    }
  });
  return false;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Result {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: options.cwd, timeout: options.timeout ?? 300_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the built tessera binary on a project and fails the test (with its stderr) unless it exits 0. */
export function tesseraOk(dir: string, args: string[]): Result {
  const r = tessera(['--root', dir, ...args]);
  expect(r.code, `tessera ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

export const readJson = <T = Record<string, string>>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
export const writeJson = (path: string, value: unknown): void => writeFileSync(path, JSON.stringify(value, null, 2) + '\n');

// ---------- Translate Toolkit ----------

export interface PocountRow {
  translated: number;
  translatedWords: number;
  fuzzy: number;
  untranslated: number;
  untranslatedWords: number;
  total: number;
  totalWords: number;
}

/**
 * `pocount --csv FILE…`, by file path. The header names 12 columns, but the data rows of
 * Translate Toolkit 3.8 hold only the first 10 (no review columns), so cells are read by the
 * header's names, never by position from the end.
 */
export function pocount(files: string[]): Map<string, PocountRow> {
  const r = run('pocount', ['--csv', ...files]);
  expect(r.code, r.stderr).toBe(0);
  const [head, ...rows] = r.stdout.trim().split('\n');
  const names = head!.split(',').map((s) => s.trim());
  const out = new Map<string, PocountRow>();
  for (const line of rows) {
    const cells = line.split(',').map((s) => s.trim());
    const n = (name: string): number => {
      const i = names.indexOf(name);
      expect(i, `pocount --csv has no column "${name}"`).toBeGreaterThan(0);
      return Number(cells[i]);
    };
    out.set(cells[0]!, {
      translated: n('Translated Messages'),
      translatedWords: n('Translated Source Words'),
      fuzzy: n('Fuzzy Messages'),
      untranslated: n('Untranslated Messages'),
      untranslatedWords: n('Untranslated Source Words'),
      total: n('Total Message'),
      totalWords: n('Total Source Words'),
    });
  }
  return out;
}

export interface PoMessage {
  refs: string[];
  flags: string[];
  msgctxt?: string;
  msgid: string;
  msgstr: string;
}

/** A PO file's messages (the header, msgid "", left out). Enough of PO for xliff2po's output. */
export function parsePo(text: string): PoMessage[] {
  const out: PoMessage[] = [];
  let cur: Partial<PoMessage> & { refs: string[]; flags: string[] } = { refs: [], flags: [] };
  let field: 'msgctxt' | 'msgid' | 'msgstr' | undefined;
  const flush = (): void => {
    if (cur.msgid !== undefined && cur.msgid !== '') out.push({ ...cur, msgid: cur.msgid, msgstr: cur.msgstr ?? '' });
    cur = { refs: [], flags: [] };
    field = undefined;
  };
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if (line.trim() === '') flush();
    else if (line.startsWith('#:')) cur.refs.push(...line.slice(2).trim().split(/\s+/));
    else if (line.startsWith('#,')) cur.flags.push(...line.slice(2).split(',').map((s) => s.trim()));
    else if (line.startsWith('#')) continue;
    else if ((m = /^(msgctxt|msgid|msgstr) (".*")$/.exec(line))) cur[(field = m[1] as typeof field)!] = JSON.parse(m[2]!) as string;
    else if (/^".*"$/.test(line) && field) cur[field] += JSON.parse(line) as string;
    else throw new Error(`unexpected PO line: ${line}`);
  }
  flush();
  return out;
}

// ---------- TMX and OmegaT ----------

function xml(s: string): string {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s)) throw new Error(`not representable in XML 1.0: ${JSON.stringify(s)}`);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A sentence as OmegaT 3.6 shows it: each inline code of our XLIFF becomes one of its tag
 * shortcuts — a placeholder `<a0/>` named by the first letter or digit of the text it stands
 * for, pairs `<b1>`…`</b1>` — numbered in order (as its own project_save.tmx writes them, seen
 * with console-createpseudotranslatetmx). Its TMX matches on text with these shortcuts.
 */
export function omegatText(markdown: string): string {
  let n = 0;
  const names = new Map<string, string>();
  return encodeInline(markdown)
    .map((p) => {
      if (typeof p === 'string') return p;
      const letter = (/[\p{L}\p{N}]/u.exec(p.data)?.[0] ?? 'x').toLowerCase();
      if (p.kind === 'ph') return `<${letter}${n++}/>`;
      if (p.kind === 'open') {
        const name = `${letter}${n++}`;
        names.set(p.id, name);
        return `<${name}>`;
      }
      return `</${names.get(p.id) ?? 'x'}>`;
    })
    .join('');
}

/** A TMX 1.4b memory: one <tu> per pair, the source and target as plain text. */
export function tmx(srcLang: string, tgtLang: string, pairs: { id: string; source: string; target: string }[]): string {
  const tus = pairs.map(
    (p) =>
      `    <tu tuid="${xml(p.id)}">\n` +
      `      <tuv xml:lang="${xml(srcLang)}"><seg>${xml(p.source)}</seg></tuv>\n` +
      `      <tuv xml:lang="${xml(tgtLang)}"><seg>${xml(p.target)}</seg></tuv>\n` +
      '    </tu>\n',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<tmx version="1.4">\n' +
    `  <header creationtool="tessera-tests" creationtoolversion="1" segtype="sentence" o-tmf="tessera" adminlang="en" srclang="${xml(srcLang)}" datatype="plaintext"/>\n` +
    `  <body>\n${tus.join('')}  </body>\n</tmx>\n`
  );
}

/** An OmegaT 3.6 project (every folder must exist) with one source file and, in tm/auto/, a TMX. */
export function omegatProject(dir: string, srcLang: string, tgtLang: string, files: { name: string; xlf: string; tmx?: string }): void {
  for (const d of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'source', files.name), files.xlf);
  if (files.tmx !== undefined) writeFileSync(join(dir, 'tm/auto/memory.tmx'), files.tmx);
  writeFileSync(
    join(dir, 'omegat.project'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>${xml(srcLang)}</source_lang>
    <target_lang>${xml(tgtLang)}</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`,
  );
}

/** OmegaT headless: `console-translate` fills target/ from the memories in tm/auto/. */
export function omegatTranslate(dir: string): Result {
  return run('java', [
    '-Djava.awt.headless=true',
    '-Djava.library.path=/usr/lib/jni',
    '-jar',
    OMEGAT_JAR,
    dir,
    '--mode=console-translate',
    `--config-dir=${join(dir, '.omegat-config')}`,
    '--disable-project-locking',
    '--no-team',
    '--quiet',
  ]);
}
