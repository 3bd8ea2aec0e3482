/**
 * `build`: sets each article back together in each language and writes the editions to
 * OUT/<lang>/<slug>.{html,md,txt}. Article texts are read through i18next (one namespace per
 * article, `fallbackLng: 'en'`, `dir()` for direction). Missing translations fall back to
 * the English sentence, marked lang="en" in HTML. Files whose bytes would not change are not
 * rewritten.
 */
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { inputError } from '../../core/errors.js';
import { LANGS, SOURCE_LANG, type Lang } from '../../core/types.js';
import type { LocaleData } from '../../core/reconcile.js';
import { renderHtml, renderMarkdown, renderText, type EditionInput } from '../../formats/edition.js';
import { createUi } from '../../i18n/index.js';
import { FileTransaction } from '../../io/fs.js';
import { parseLangs, type Article } from '../../io/project.js';
import type { StepContext, StepResult } from '../context.js';

export const EDITION_FORMATS = ['html', 'md', 'txt'] as const;

export interface BuildOptions {
  articles?: string[];
  /** Languages to build (default: en and every target language). */
  lang?: string[];
  /** Formats (default: html, md, txt). */
  format?: string[];
  /** Output folder, relative to the project root (default out/editions). */
  out?: string;
}

function articleI18n(article: Article, lang: Lang, data: LocaleData | undefined): i18n {
  const en: Record<string, string> = {};
  for (const s of article.doc.segments) en[s.id] = s.source;
  const inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: SOURCE_LANG,
    ns: [article.slug],
    defaultNS: article.slug,
    // Segment ids hold no separators, and sentences are text, not templates.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnEmptyString: false,
    initAsync: false,
    resources: { [SOURCE_LANG]: { [article.slug]: en }, ...(data && lang !== SOURCE_LANG ? { [lang]: { [article.slug]: data.resources } } : {}) },
  });
  return inst;
}

export function editionInput(article: Article, lang: Lang, data: LocaleData | undefined): EditionInput {
  const t = articleI18n(article, lang, data);
  const ui = createUi(lang);
  const translated = (id: string): boolean => lang === SOURCE_LANG || t.exists(id, { lng: lang, fallbackLng: [] as string[] });
  // The published date in the edition's calendar format; the pattern (and, for Arabic, the
  // digits) is chrome in src/i18n/<lang>.json.
  const date = ui.t('edition.date', { date: new Date(`${article.doc.meta.date}T12:00:00Z`) });
  const input: EditionInput = {
    doc: article.doc,
    lang,
    dir: t.dir(lang) === 'rtl' ? 'rtl' : 'ltr',
    // skipInterpolation: a sentence such as "{{x}}" or "$t(y)" is text, never a template.
    text: (id) => ({ text: t.t(id, { skipInterpolation: true }), fallback: !translated(id) }),
    chrome: { date },
  };
  if (lang !== article.doc.meta.lang) {
    input.chrome.translatedFrom = ui.t('edition.translatedFrom', { language: ui.t(`language.${article.doc.meta.lang}`) });
  }
  return input;
}

export function buildStep(ctx: StepContext, options: BuildOptions = {}): StepResult {
  const { project, output } = ctx;
  const langs = parseLangs(options.lang, LANGS);
  const formats = (options.format && options.format.length ? options.format.flatMap((f) => f.split(/[\s,]+/)).filter(Boolean) : [...EDITION_FORMATS]) as string[];
  for (const f of formats) {
    if (!(EDITION_FORMATS as readonly string[]).includes(f)) throw inputError(`unknown edition format "${f}"`, {}, `formats: ${EDITION_FORMATS.join(', ')}`, 'usage');
  }
  const outDir = project.abs(options.out ?? 'out/editions');
  const articles = project.loadArticles(options.articles ?? []);
  const tx = new FileTransaction();
  const files: string[] = [];
  for (const a of articles) {
    for (const lang of langs) {
      const data = lang === SOURCE_LANG ? undefined : project.locale(a, lang);
      const input = editionInput(a, lang, data);
      for (const f of formats) {
        const path = join(outDir, lang, `${a.slug}.${f}`);
        tx.write(path, f === 'html' ? renderHtml(input) : f === 'md' ? renderMarkdown(input) : renderText(input));
        files.push(project.rel(path));
      }
    }
  }
  const written = tx.commit().map((p) => project.rel(p));
  if (!output.quiet) {
    output.err(`build: ${files.length} edition file(s) in ${project.rel(outDir)}/ (${written.length} changed)\n`);
    for (const f of files) output.err(`  ${f}\n`);
  }
  return { ok: true, written };
}
