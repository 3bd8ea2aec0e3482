/**
 * Progress for long runs, on stderr. On a terminal: one line redrawn in place (a bar, items
 * done of total, rate, time left), at most ten times a second. Elsewhere (a pipe, CI): a plain
 * line every ten per cent, so logs show the run is alive without flooding. Nothing with --quiet,
 * and nothing for runs too short to need it: fewer than MIN_ITEMS items, or (plain lines) done
 * within QUIET_FOR_MS — a rerun's steps that find everything cached print their summaries alone.
 */
import type { Translate } from '../i18n/index.js';
import type { Progress } from '../pipeline/context.js';

const MIN_ITEMS = 50;
/** Plain lines only once a run has gone on this long (ms). */
const QUIET_FOR_MS = 1000;

/** `now`: the clock, in milliseconds (tests pass their own). */
export function createProgress(write: (s: string) => void, mode: 'tty' | 'lines' | 'off', t: Translate, now: () => number = Date.now): (label: string, total: number) => Progress {
  return (label, total) => {
    if (mode === 'off' || total < MIN_ITEMS) return { tick() {}, done() {} };
    const start = now();
    let n = 0;
    let lastDraw = 0;
    let lastDecile = 0;
    let shown = false;
    const draw = (final: boolean): void => {
      shown = true;
      const secs = Math.max(0.001, (now() - start) / 1000);
      const rate = n / secs;
      const eta = rate > 0 ? Math.ceil((total - n) / rate) : 0;
      if (mode === 'tty') {
        const width = 20;
        const full = Math.floor((n / total) * width);
        const time = final ? t('progress.elapsed', { seconds: secs.toFixed(1) }) : t('progress.left', { seconds: eta });
        write(`\r${label} ${'█'.repeat(full)}${'░'.repeat(width - full)} ${t('progress.tty', { done: n, total, rate: rate.toFixed(0), time })}\u001b[K${final ? '\n' : ''}`);
      } else {
        const time = final ? t('progress.elapsed', { seconds: secs.toFixed(1) }) : t('progress.about', { seconds: eta });
        write(`${label}: ${t('progress.line', { done: n, total, percent: Math.floor((n / total) * 100), rate: rate.toFixed(0), time })}\n`);
      }
    };
    return {
      tick(k = 1) {
        n += k;
        const at = now();
        if (mode === 'tty' && at - lastDraw >= 100) {
          lastDraw = at;
          draw(false);
        } else if (mode === 'lines') {
          const decile = Math.floor((n / total) * 10);
          if (decile > lastDecile && n < total) {
            lastDecile = decile;
            if (at - start >= QUIET_FOR_MS) draw(false);
          }
        }
      },
      done() {
        if (mode === 'lines' && !shown && now() - start < QUIET_FOR_MS) return;
        draw(true);
      },
    };
  };
}
