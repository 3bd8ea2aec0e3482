/**
 * A pipeline step's own process (pipeline/isolate.ts): `node step-main.js <global options as
 * JSON> <step as JSON>`, both as the parent checked them. Exit code: the step's verdict (0 its
 * gate held, 1 it failed), or 2 when it could not run — told on stderr as the CLI tells it.
 */
import { context, reportError, type GlobalArgs } from '../cli/context.js';
import { cliTranslator, resolveUiLang } from '../i18n/index.js';
import { runStepProcess } from './isolate.js';

const [globalsJson = '{}', stepJson = '{}'] = process.argv.slice(2);
const globals = JSON.parse(globalsJson) as GlobalArgs;
try {
  process.exitCode = await runStepProcess(context(globals), stepJson);
} catch (e) {
  process.exitCode = reportError(e, cliTranslator(resolveUiLang(globals.uiLang)).t);
}
