/**
 * A pipeline step's own process (pipeline/isolate.ts): `node step-main.js <global options as
 * JSON> <step as JSON> [wait]`, both as the parent checked them. Exit code: the step's verdict
 * (0 its gate held, 1 it failed), or 2 when it could not run — told on stderr as the CLI tells
 * it. With `wait`, started ahead of its turn: it loads its code and looks at the project's files
 * (ahead.ts), then waits for the parent's word before it opens the project, and ends quietly if
 * the parent goes first.
 */
import type { GlobalArgs } from '../cli/context.js';

const [globalsJson = '{}', stepJson = '{}', mode] = process.argv.slice(2);
/** The parent's word, once it has come: whether the step before wrote nothing. */
let word: { unchanged: boolean } | undefined;
let settled = false;
// Listened for before anything loads: a word sent while the code loads is not lost.
const turn =
  mode === 'wait'
    ? new Promise<boolean>((resolve) => {
        process.once('message', (m: { unchanged?: boolean } | null) => {
          settled = true;
          word = { unchanged: m?.unchanged === true };
          resolve(true);
        });
        process.once('disconnect', () => {
          settled = true;
          resolve(false);
        });
      })
    : undefined;
const [{ context, reportError }, { cliTranslator, resolveUiLang }, { runStepProcess }, { loadSteps }] = await Promise.all([
  import('../cli/context.js'),
  import('../i18n/index.js'),
  import('./isolate.js'),
  import('./steps/index.js'),
]);
const globals = JSON.parse(globalsJson) as GlobalArgs;
if (turn) {
  await loadSteps([(JSON.parse(stepJson) as { name: string }).name]);
  if (!(await waitLookingAhead(turn))) process.exit(0); // the run ended before this step's turn
}

/**
 * Looks at what the step will check while it waits (ahead.ts), tells the parent how much it
 * has seen (tests wait for that), and waits for its turn; resolves to whether it came. What
 * was seen is kept (io/fs.ts) only if the step before wrote nothing, and held nowhere else: a
 * step after one that wrote does not carry it through its run.
 */
async function waitLookingAhead(turn: Promise<boolean>): Promise<boolean> {
  const [{ LooksAhead, lookAhead }, { setSeenAhead }] = await Promise.all([import('./ahead.js'), import('../io/fs.js')]);
  let seen = new LooksAhead();
  try {
    seen = await lookAhead(globals, JSON.parse(stepJson) as { name: string; options: Record<string, unknown> }, () => !settled);
  } catch {
    // nothing seen: the step looks for itself
  }
  process.send?.({ looked: seen.size }, undefined, undefined, () => {});
  if (!(await turn)) return false;
  if (word?.unchanged) setSeenAhead(seen);
  return true;
}
try {
  process.exitCode = await runStepProcess(context(globals), stepJson);
} catch (e) {
  process.exitCode = reportError(e, cliTranslator(resolveUiLang(globals.uiLang)).t);
}
