import { expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';

/** Runs `fn`, which must throw an InputError, and returns it. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
