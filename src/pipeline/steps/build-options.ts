/**
 * The build step's option checks, apart from the step: a pipeline is checked before anything
 * runs, and checking it should not load the build's code (steps/index.ts).
 */
import { InputError } from '../../core/errors.js';
import { parseStalePolicy } from '../../core/policy.js';
import type { Diagnostic } from '../../core/types.js';
import { parseGate } from '../../core/gate.js';

/**
 * Checks one policy option's value as a pipeline declares it (kebab-case name), without running
 * anything: the problem and the valid choices, or undefined when the value is good. For a
 * loader that reports bad values at their line and column.
 */
export function checkBuildOption(option: string, value: unknown): Diagnostic | undefined {
  try {
    if (option === 'min-translated') parseGate(value, option);
    else if (option === 'stale') parseStalePolicy(value, option);
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const d = e.diagnostics[0]!;
    return d;
  }
}
