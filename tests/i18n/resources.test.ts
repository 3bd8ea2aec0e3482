/**
 * The CLI's interface strings (src/i18n/cli/<lang>.json): every key the code uses exists, the
 * four languages hold the same keys with the plural forms their language needs (CLDR, as
 * i18next selects them), and every translation uses the same interpolation values.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

type Flat = Record<string, string>;
const LANGS = ['en', 'it', 'fr', 'ar'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(o: Record<string, unknown>, prefix = '', out: Flat = {}): Flat {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
}

const resources = Object.fromEntries(LANGS.map((l) => [l, flatten(JSON.parse(readFileSync(join(REPO, `src/i18n/cli/${l}.json`), 'utf8')))])) as Record<(typeof LANGS)[number], Flat>;

/** base key → plural suffixes present ('' for a key without one). */
function byBase(flat: Flat): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const k of Object.keys(flat)) {
    const m = PLURAL.exec(k);
    const base = m ? k.slice(0, m.index) : k;
    const set = out.get(base) ?? new Set<string>();
    set.add(m ? m[1]! : '');
    out.set(base, set);
  }
  return out;
}

/** The values a string interpolates ({{x}}) and how many %s it holds (yargs' own strings). */
function variables(text: string): string[] {
  const vars = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);
  const printf = text.match(/%s/g)?.length ?? 0;
  return [...new Set(vars), ...(printf ? [`%s×${printf}`] : [])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('CLI resources', () => {
  const bases = Object.fromEntries(LANGS.map((l) => [l, byBase(resources[l])])) as Record<(typeof LANGS)[number], Map<string, Set<string>>>;

  it('hold the same keys in every language', () => {
    const en = [...bases.en.keys()].sort();
    for (const l of LANGS) expect([...bases[l].keys()].sort(), l).toEqual(en);
  });

  it('give each plural key every form its language needs, and a non-plural key none', () => {
    for (const l of LANGS) {
      const needed = [...new Intl.PluralRules(l).resolvedOptions().pluralCategories].sort();
      for (const [base, forms] of bases[l]) {
        const plural = [...bases.en.get(base)!].some((f) => f !== '');
        if (plural) expect([...forms].sort(), `${l}: ${base}`).toEqual(needed);
        else expect([...forms], `${l}: ${base}`).toEqual(['']);
      }
    }
  });

  it('interpolate the same values in every language', () => {
    // Plural forms may leave out {{count}} ("ملف واحد", "one file"); the other values are the same.
    const valuesOf = (l: (typeof LANGS)[number], base: string): string[] =>
      [...new Set([...bases[l].get(base)!].flatMap((f) => variables(resources[l][f ? `${base}_${f}` : base]!)).filter((v) => v !== 'count'))].sort();
    for (const base of bases.en.keys()) {
      for (const l of LANGS) expect(valuesOf(l, base), `${l}: ${base}`).toEqual(valuesOf('en', base));
    }
  });

  it('hold every key the code uses', () => {
    const missing: string[] = [];
    // The edition chrome (namespace `tessera`, src/i18n/en.json) is looked up with the same t().
    const chrome = byBase(flatten(JSON.parse(readFileSync(join(REPO, 'src/i18n/en.json'), 'utf8'))));
    const has = (key: string): boolean => bases.en.has(key) || chrome.has(key);
    const hasPrefix = (prefix: string): boolean => [...bases.en.keys()].some((k) => k.startsWith(prefix));
    let seen = 0;
    for (const file of sourceFiles(join(REPO, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const where = relative(REPO, file);
      for (const m of text.matchAll(/\b(?:t|msg)\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        seen++;
        if (!has(m[1]!)) missing.push(`${where}: ${m[1]}`);
      }
      // Keys built at run time (`status.state.${s}`): their fixed part must name a group.
      for (const m of text.matchAll(/\b(?:t|msg)\(\s*`([a-zA-Z][\w.-]*)\$\{/g)) if (!hasPrefix(m[1]!) && ![...chrome.keys()].some((k) => k.startsWith(m[1]!))) missing.push(`${where}: ${m[1]}…`);
    }
    // yargs' strings, mapped in src/cli/main.ts.
    const main = readFileSync(join(REPO, 'src/cli/main.ts'), 'utf8');
    for (const m of main.matchAll(/^\s+(?:'[^']+'|\w+): '(\w+)',$/gm)) if (!has(`yargs.${m[1]}`)) missing.push(`src/cli/main.ts: yargs.${m[1]}`);
    expect(seen).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('have no key the code does not use (apart from groups looked up by a computed key)', () => {
    const code = sourceFiles(join(REPO, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const computed = ['status.state.', 'status.stateOne.', 'status.what.', 'steps.', 'merge.conflict.', 'errors.pipeline.type.', 'diagnostic.', 'yargs.', 'status.'];
    const unused = [...bases.en.keys()].filter((k) => !computed.some((p) => k.startsWith(p)) && !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });
});

/**
 * User-facing English written straight into the code instead of a key. Pragmatic patterns for
 * the ways Tessera builds messages: input errors, parse failures, diagnostics, stderr lines
 * and yargs descriptions.
 */
const LITERAL_MESSAGE = [
  /\binputError\(\s*['"`]/,
  /\b(?:fail|refuse)\(\s*['"`][^'"`]*[a-z]{3}/,
  /\bproblem\([^,()]+,\s*['"`]/,
  /\bskip\(u, '[^']*', ['"`]/,
  /\bmessage: ['"`][^'"`]*[a-z]{3}/,
  /\bhint: ['"`][^'"`]*[a-z]{3}/,
  /\.err\(\s*['"][^'"]*[a-z]{3}/,
  /\bdescribe: ['"`]/,
  /\.(?:example|epilogue|usage|demandCommand)\((?:'[^']*',\s*)?['"`][^'"`]*[a-z]{3}[^'"`]*['"`]\)/,
];

/** Where English messages remain on purpose, or are not yet translated (see README, "Interface language"). */
const NOT_YET = [/^src\/bench\//, /^src\/segment\//];

/** The literal text of a template literal starting at `from` (after the backtick), without its ${…} parts. */
function templateText(line: string, from: number): string {
  let out = '';
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (depth === 0 && c === '`') break;
    if (depth === 0 && c === '$' && line[i + 1] === '{') {
      depth = 1;
      i++;
    } else if (depth > 0) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    else out += c;
  }
  return out;
}

/** A stderr line written as a template literal with English words in its literal part. */
function englishTemplate(line: string): boolean {
  const m = /\.(?:err|write)\(`/.exec(line);
  return m !== null && /[a-z]{3,}/i.test(templateText(line, m.index + m[0].length).replace(/\\[nt]/g, ' '));
}

function literalMessages(text: string): string[] {
  return text.split('\n').filter((line) => !/^\s*(?:\/\/|\*|\/\*)/.test(line) && (LITERAL_MESSAGE.some((re) => re.test(line)) || englishTemplate(line)));
}

describe('no English message literal in the CLI path', () => {
  it('finds the literals it is meant to find', () => {
    expect(literalMessages("throw inputError('no such file', { file }, 'check the path');")).toHaveLength(1);
    expect(literalMessages("    ctx.output.err(`import: ${n} file(s) read\\n`);")).toHaveLength(1);
    expect(literalMessages("fail(`unexpected <${name}>`, 'the file is not TMX');")).toHaveLength(1);
    expect(literalMessages(".option('x', { type: 'string', describe: 'the folder' })")).toHaveLength(1);
    expect(literalMessages("throw inputError(msg('errors.noSuchFile'), { file }, msg('errors.checkPath'));")).toEqual([]);
    expect(literalMessages("output.err(`${t('import.summary', { files })}\\n${lines.join('\\n')}\\n`);")).toEqual([]);
  });

  it('src/ builds its messages from keys', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(REPO, 'src'))) {
      const where = relative(REPO, file).replaceAll('\\', '/');
      if (NOT_YET.some((re) => re.test(where))) continue;
      for (const line of literalMessages(readFileSync(file, 'utf8'))) found.push(`${where}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });
});
