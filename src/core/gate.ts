/**
 * Gates: the minimum percentages status (and build's policy) hold a project to, in the forms the
 * command line and pipelines accept. A module of its own: validating a pipeline's options needs
 * the parser, not the status step.
 */
import { inputError, msg } from './errors.js';
import { isLang, type Lang } from './types.js';

/** A gate: a minimum percent for every language, and per-language overrides. */
export interface Gate {
  all?: number;
  perLang: Partial<Record<Lang, number>>;
}

function percent(v: unknown, what: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) throw inputError(msg('errors.gate.notPercent', { name: what, value: String(v) }), {}, msg('errors.gate.notPercentHint'), 'usage');
  return n;
}

/** Parses the gate forms accepted on the command line and in pipelines. */
export function parseGate(value: unknown, name: string): Gate | undefined {
  if (value === undefined || value === null) return undefined;
  const gate: Gate = { perLang: {} };
  const add = (key: string | undefined, v: unknown): void => {
    if (key === undefined || key === 'all' || key === '*') gate.all = percent(v, name);
    else {
      const lang = key.toLowerCase();
      if (!isLang(lang)) throw inputError(msg('errors.optionUnknownLanguage', { name, lang: key }), {}, msg('errors.supported', { list: ['en', 'it', 'fr', 'ar'] }), 'usage');
      gate.perLang[lang] = percent(v, name);
    }
  };
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (typeof item === 'number') add(undefined, item);
    else if (typeof item === 'string') {
      for (const part of item.split(/[\s,]+/).filter(Boolean)) {
        const m = /^([A-Za-z*]+)=(.*)$/.exec(part);
        if (m) add(m[1], m[2]);
        else add(undefined, part);
      }
    } else if (item && typeof item === 'object') {
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) add(k, v);
    } else throw inputError(msg('errors.gate.notGate', { name, value: String(item) }), {}, msg('errors.gate.notGateHint'), 'usage');
  }
  return gate;
}
