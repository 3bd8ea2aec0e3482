/**
 * `pseudo`: fills the pseudo-locales (qps-ploc, qps-plocm; see src/pseudo/) through the same
 * path as a translator's work, so that what it writes is exactly what a returned file would give:
 *
 *   1. export: the article's XLIFF 1.2 for the pseudo-locale, every unit (exchangeFile, as
 *      `export --all`), written by the same writer as `export`;
 *   2. translate: each unit's target is its source pseudo-translated — the text runs only, the
 *      inline codes (links, URLs, @handles, #hashtags) kept — state translated, provenance
 *      pseudo (1.2 `state-qualifier="x-pseudo"`);
 *   3. import: the XLIFF text is checked as `import` checks a file (validateXliff), read back
 *      (readXliff: x-pseudo → provenance pseudo) and merged (mergeUnits: codes rebuilt from our
 *      copy, a code lost is a skipped unit), and the locale staged like an import's.
 *
 * The XLIFF lives in memory only: nothing but locales/<pseudo-locale>/<slug>.{json,state.json}
 * is written, and only when it changes — pseudo-translation is deterministic, so a second run
 * changes nothing. The English file is not rewritten (unlike `import`): the real languages are
 * left exactly as they are, to be reconciled by `segment`. Only pseudo-locales can be filled;
 * a real language is refused.
 */
import { InputError, diagnostic, formatDiagnostic, inputError, msg } from '../../core/errors.js';
import { mergeUnits } from '../../core/merge.js';
import { PSEUDO_LANGS, isPseudoLang, pseudoAsLang, type Diagnostic, type PseudoLang } from '../../core/types.js';
import { readXliff } from '../../formats/xliff/read.js';
import { validateXliff } from '../../formats/xliff/validate.js';
import { writeXliff12 } from '../../formats/xliff/write12.js';
import { pseudoTranslate } from '../../pseudo/transform.js';
import { uiOf, type StepContext, type StepResult } from '../context.js';
import { exchangeFile } from './export.js';

export interface PseudoOptions {
  articles?: string[];
  /** Pseudo-locales to fill (default: qps-ploc and qps-plocm). */
  lang?: string[];
  /** Replace a reviewed or final pseudo-translation that differs (as import --force). */
  force?: boolean;
}

/** `qps-ploc,qps-plocm` style lists; only pseudo-locales. */
export function parsePseudoLangs(values: readonly string[] | undefined): PseudoLang[] {
  const names = (values ?? []).flatMap((x) => String(x).split(/[\s,]+/)).filter(Boolean);
  if (names.length === 0) return [...PSEUDO_LANGS];
  const out: PseudoLang[] = [];
  for (const v of names) {
    const tag = v.toLowerCase().replace(/_/g, '-');
    if (!isPseudoLang(tag)) {
      throw inputError(msg('errors.pseudo.notPseudo', { lang: v }), {}, msg('errors.pseudo.notPseudoHint', { list: [...PSEUDO_LANGS] }), 'usage');
    }
    if (!out.includes(tag as PseudoLang)) out.push(tag as PseudoLang);
  }
  return out;
}

export async function pseudoStep(ctx: StepContext, options: PseudoOptions = {}): Promise<StepResult> {
  const { project, output } = ctx;
  await project.ready();
  const { t } = uiOf(ctx);
  const codes = parsePseudoLangs(options.lang);
  const articles = project.loadArticles(options.articles ?? []);
  const tx = project.transaction();
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let skipped = 0;
  for (const a of articles) {
    for (const code of codes) {
      const lang = pseudoAsLang(code);
      const data = project.locale(a, lang);
      // 1. export, as `export --all` would.
      const file = exchangeFile(a.doc, lang, data, true);
      // 2. the pseudo-translator's work.
      for (const u of file.units) {
        if (!u.translate) continue;
        u.target = pseudoTranslate(u.source, code);
        u.state = 'translated';
        u.provenance = 'pseudo';
      }
      const xml = writeXliff12(file);
      // 3. import, as `import` reads a returned file.
      const name = `${code}/${a.slug}.xlf (pseudo-translated)`;
      const problems = validateXliff(xml, name).problems.filter((p) => p.severity === 'error');
      if (problems.length > 0) throw new InputError([...problems, diagnostic('error', 'pseudo', msg('errors.pseudo.invalid', { article: a.slug, lang: code }))]);
      const read = readXliff(xml, name);
      const f = read[0];
      if (read.length !== 1 || !f || f.article !== a.slug || f.targetLang !== code) throw inputError(msg('errors.pseudo.readBack', { article: a.slug, lang: code }), { file: name }, undefined, 'pseudo');
      const merged = mergeUnits(a.doc, data, f.units, { force: options.force ?? false, file: name });
      project.stageLocale(tx, lang, a.slug, merged.data);
      const r = merged.report;
      skipped += r.skipped;
      diagnostics.push(...r.diagnostics);
      lines.push(`  ${t('pseudo.line', { article: a.slug, lang: code, applied: r.applied, unchanged: r.unchanged, skipped: r.skipped })}${r.ignored ? t('import.ignored', { count: r.ignored }) : ''}`);
    }
  }
  const written = tx.commit().map((p) => project.rel(p));
  for (const d of diagnostics) output.err(formatDiagnostic(d, t) + '\n');
  if (!output.quiet || skipped > 0) output.err(`${t('pseudo.summary', { articles: t('count.articles', { count: articles.length }), langs: codes, updated: t('count.projectFilesUpdated', { count: written.length }) })}\n${lines.join('\n')}\n`);
  return { ok: skipped === 0, written };
}
