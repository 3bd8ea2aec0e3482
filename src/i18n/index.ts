/**
 * Tessera's own interface strings, as i18next resources: `tessera` (edition chrome,
 * src/i18n/<lang>.json) and `cli` (labels, reports and messages, src/i18n/cli/<lang>.json).
 * They live in src/, apart from the articles' namespaces in locales/, so an article slug can
 * never collide with them. Instances come from createInstance(), never the global singleton.
 */
import i18next, { type i18n, type Resource } from 'i18next';
import type { Message } from '../core/types.js';
import { isolateLatin } from '../formats/bidi.js';
import ar from './ar.json' with { type: 'json' };
import cliAr from './cli/ar.json' with { type: 'json' };
import cliEn from './cli/en.json' with { type: 'json' };
import cliFr from './cli/fr.json' with { type: 'json' };
import cliIt from './cli/it.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };

export const UI_NAMESPACE = 'tessera';
export const CLI_NAMESPACE = 'cli';
export const UI_LANGS = ['en', 'it', 'fr', 'ar'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export function uiResources(): Resource {
  return {
    en: { [UI_NAMESPACE]: en, [CLI_NAMESPACE]: cliEn },
    it: { [UI_NAMESPACE]: it, [CLI_NAMESPACE]: cliIt },
    fr: { [UI_NAMESPACE]: fr, [CLI_NAMESPACE]: cliFr },
    ar: { [UI_NAMESPACE]: ar, [CLI_NAMESPACE]: cliAr },
  };
}

const instances = new Map<string, i18n>();

/** One instance per language and default namespace, created once (resources never change). */
export function createUi(lng: string, defaultNS: string = UI_NAMESPACE): i18n {
  const key = `${lng}\u0000${defaultNS}`;
  const cached = instances.get(key);
  if (cached) return cached;
  const inst = i18next.createInstance();
  instances.set(key, inst);
  void inst.init({
    lng,
    fallbackLng: 'en',
    ns: [UI_NAMESPACE, CLI_NAMESPACE],
    defaultNS,
    resources: uiResources(),
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return inst;
}

/**
 * The interface language: the flag if given, else the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG: "it_IT.UTF-8" → it), else English.
 */
export function resolveUiLang(flag?: string, env: NodeJS.ProcessEnv = process.env): UiLang {
  // POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set decides, even "C".
  const v = flag || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const base = v.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return (UI_LANGS as readonly string[]).includes(base) ? (base as UiLang) : 'en';
}

/** A translate function bound to the `cli` namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type { Message };

export function msg(key: string, params?: Record<string, unknown>): Message {
  return params ? { key, params } : { key };
}

export interface CliTranslator {
  t: Translate;
  lang: UiLang;
  dir: 'ltr' | 'rtl';
}

const translators = new Map<UiLang, CliTranslator>();

/**
 * The `cli` strings of one language. List values (arrays) are joined with the language's list
 * separator; Message values (nested messages) are rendered first. In a right-to-left language every Latin run of the result (paths, --options, ids)
 * is isolated (FSI … PDI) so that the terminal's bidi algorithm cannot reorder it.
 */
export function cliTranslator(lang: UiLang): CliTranslator {
  const cached = translators.get(lang);
  if (cached) return cached;
  const inst = createUi(lang, CLI_NAMESPACE);
  const dir = inst.dir(lang) === 'rtl' ? 'rtl' : 'ltr';
  const separator = inst.t('list.separator');
  const t: Translate = (key, options) => {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options ?? {})) values[k] = Array.isArray(v) ? v.join(separator) : isMessage(v) ? t(v.key, v.params) : v;
    const text = inst.t(key, values) as string;
    return dir === 'rtl' ? isolateLatin(text) : text;
  };
  const made: CliTranslator = { t, lang, dir };
  translators.set(lang, made);
  return made;
}

/** English text of a message: what Diagnostics carry in `message` and `--json` prints. */
function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as Message).key === 'string' && Object.keys(v).every((k) => k === 'key' || k === 'params');
}

export function english(m: Message): string {
  return cliTranslator('en').t(m.key, m.params);
}

/** The early look at argv for --ui-lang, before yargs builds (and translates) the commands. */
export function uiLangFlag(args: readonly string[]): string | undefined {
  for (const [i, a] of args.entries()) {
    if (a === '--') break;
    if (a === '--ui-lang') return args[i + 1];
    if (a.startsWith('--ui-lang=')) return a.slice('--ui-lang='.length);
  }
  return undefined;
}
