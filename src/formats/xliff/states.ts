/**
 * Our one ordered scale ⇄ each XLIFF version's states (as Translate Toolkit's workflow.py
 * maps every format onto one scale).
 *
 * XLIFF 1.2 has `target/@state` and `trans-unit/@approved`. Translate Toolkit (pocount) counts
 * a unit translated only when approved="yes", so everything at or above `translated` is
 * written approved="yes" and the 1.2 state tells the stage apart.
 * XLIFF 2.x has `segment/@state` (initial, translated, reviewed, final) and `subState`, which
 * carries our provenance as `tessera:human|tm|mt|pseudo`.
 */
import { PROVENANCES, type Provenance, type State } from '../../core/types.js';

export function toXliff12State(state: State): { state?: string; approved?: 'yes' } {
  switch (state) {
    case 'new':
      return { state: 'new' };
    case 'stale':
      return { state: 'needs-translation' };
    case 'translated':
      return { state: 'translated', approved: 'yes' };
    case 'reviewed':
      return { state: 'signed-off', approved: 'yes' };
    case 'final':
      return { state: 'final', approved: 'yes' };
  }
}

/**
 * Reads a 1.2 unit's state. CAT tools differ: OmegaT never updates states, Trados and
 * memoQ use `needs-review-*` for work in progress. A non-empty target that differs from the
 * source is at least `translated`, whatever the tool left in `state` (OmegaT's case); a
 * target equal to the source counts only if the tool says so.
 */
export function fromXliff12State(
  attrs: { state?: string; approved?: string },
  source: string,
  target: string | undefined,
): State {
  if (target === undefined || target.trim() === '') return 'new';
  const s = attrs.state;
  const approved = attrs.approved === 'yes';
  if (s === 'final') return 'final';
  if (s === 'signed-off') return 'reviewed';
  if (s === 'translated' || approved) return 'translated';
  if (s === 'needs-review-translation' || s === 'needs-review-l10n' || s === 'needs-review-adaptation') return 'translated';
  if (s === 'needs-l10n' || s === 'needs-adaptation') return 'translated';
  // new, needs-translation, x-… or no state: infer from the text.
  return target !== source ? 'translated' : 'new';
}

export function toXliff2State(state: State): 'initial' | 'translated' | 'reviewed' | 'final' {
  switch (state) {
    case 'new':
    case 'stale':
      return 'initial';
    default:
      return state;
  }
}

export function fromXliff2State(state: string | undefined, source: string, target: string | undefined): State {
  if (target === undefined || target.trim() === '') return 'new';
  if (state === 'final' || state === 'reviewed' || state === 'translated') return state;
  // `initial` with a target that differs from the source: a tool that does not set states.
  return target !== source ? 'translated' : 'new';
}

export function toSubState(p: Provenance | undefined): string | undefined {
  return p ? `tessera:${p}` : undefined;
}

export function fromSubState(sub: string | undefined): Provenance | undefined {
  const m = /^tessera:(\w+)$/.exec(sub ?? '');
  return m && (PROVENANCES as readonly string[]).includes(m[1]!) ? (m[1] as Provenance) : undefined;
}
