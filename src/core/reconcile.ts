/**
 * Keeps each language's translations attached to the right sentences when the source
 * article changes. Pure: takes the previous English sentences (id → text, in document order,
 * as `segment` last wrote them) and the current Doc.
 *
 * Ids are content hashes, so an unchanged sentence keeps its id wherever it moves. An edited
 * sentence gets a new id: the two id sequences are aligned (longest common subsequence) and,
 * inside each changed stretch, removed and inserted sentences are paired in order. A paired
 * sentence becomes `stale` in every language that had translated it, with the old translation
 * kept as a suggestion. Translations of sentences deleted outright are kept as `retired`
 * entries (never silently dropped; translation memory draws on them).
 */
import type { Unit } from './types.js';

export interface LocaleData {
  /** i18next resources: segment id → translation, for segments at least translated. */
  resources: Record<string, string>;
  /** Per-segment state; a segment absent here is `new`. */
  units: Record<string, Unit>;
  /** Translations whose source sentence left the article. */
  retired: Record<string, { source: string; target: string }>;
}

export function emptyLocale(): LocaleData {
  return { resources: {}, units: {}, retired: {} };
}

/** Whether `data` holds nothing: no translation, no state, nothing retired (`reconcile` keeps it so). */
export function isEmptyLocale(data: LocaleData): boolean {
  for (const _ in data.resources) return false;
  for (const _ in data.units) return false;
  for (const _ in data.retired) return false;
  return true;
}

/** Pairs of (old id, new id) for sentences that were edited in place. */
export function pairEdits(oldIds: readonly string[], newIds: readonly string[]): { pairs: [string, string][]; removed: string[] } {
  const n = oldIds.length;
  const m = newIds.length;
  // Trim the common head and tail first: the usual edit touches one spot.
  let head = 0;
  while (head < n && head < m && oldIds[head] === newIds[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && oldIds[n - 1 - tail] === newIds[m - 1 - tail]) tail++;
  const a = oldIds.slice(head, n - tail);
  const b = newIds.slice(head, m - tail);
  // LCS table over the middle.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const pairs: [string, string][] = [];
  const removed: string[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = (): void => {
    const k = Math.min(del.length, ins.length);
    for (let x = 0; x < k; x++) pairs.push([del[x]!, ins[x]!]);
    removed.push(...del.slice(k));
    del = [];
    ins = [];
  };
  let i = 0;
  let j = 0;
  const bSet = new Set(b);
  const aSet = new Set(a);
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      if (!aSet.has(b[j]!)) ins.push(b[j]!);
      j++;
    } else {
      if (!bSet.has(a[i]!)) del.push(a[i]!);
      i++;
    }
  }
  flush();
  return { pairs, removed };
}

/**
 * Brings one language's data in line with the current Doc. `previousEn` is undefined when
 * the article was never segmented before.
 */
export function reconcile(doc: { segments: readonly { id: string }[] }, previousEn: Record<string, string> | undefined, data: LocaleData): LocaleData {
  const current = new Set(doc.segments.map((s) => s.id));
  const resources: Record<string, string> = {};
  const units: Record<string, Unit> = {};
  const retired: Record<string, { source: string; target: string }> = { ...data.retired };

  if (previousEn) {
    const { pairs, removed } = pairEdits(Object.keys(previousEn), doc.segments.map((s) => s.id));
    for (const [oldId, newId] of pairs) {
      const old = data.units[oldId];
      const translation = data.resources[oldId];
      if (translation !== undefined) {
        units[newId] = {
          state: 'stale',
          provenance: old?.provenance ?? 'human',
          suggestion: translation,
          previousSource: previousEn[oldId] ?? '',
        };
      } else if (old?.state === 'stale') {
        units[newId] = { ...old };
      }
    }
    for (const oldId of removed) {
      const translation = data.resources[oldId];
      if (translation !== undefined) retired[oldId] = { source: previousEn[oldId] ?? '', target: translation };
    }
  }
  // Everything still in the article keeps its translation and state; the rest is dropped
  // from the live data (retired above when it held a translation).
  for (const seg of doc.segments) {
    if (units[seg.id]) continue;
    const t = data.resources[seg.id];
    const u = liveUnit(t, data.units[seg.id]);
    if (t !== undefined) resources[seg.id] = t;
    if (u) units[seg.id] = u;
  }
  for (const id of Object.keys(data.resources)) {
    if (!current.has(id) && !(id in retired) && !previousEn) {
      // Never segmented before, yet translated ids that are not in the article: keep them.
      retired[id] = { source: '', target: data.resources[id]! };
    }
  }
  return { resources: ordered(doc, resources), units: ordered(doc, units), retired: sortKeys(retired) };
}

/**
 * The state a sentence still in the article keeps, from its translation and stored unit (no
 * edit paired with it): a translation keeps its state (new or stale with a translation means
 * translated); without one only a stale suggestion survives. Undefined means `new`.
 */
export function liveUnit(translation: string | undefined, unit: Unit | undefined): Unit | undefined {
  if (translation !== undefined) return unit && unit.state !== 'new' && unit.state !== 'stale' ? unit : { state: 'translated', provenance: unit?.provenance ?? 'human' };
  return unit && unit.state === 'stale' ? unit : undefined;
}

function ordered<T>(doc: { segments: readonly { id: string }[] }, rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const s of doc.segments) if (rec[s.id] !== undefined) out[s.id] = rec[s.id]!;
  return out;
}

export function sortKeys<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k]!;
  return out;
}
