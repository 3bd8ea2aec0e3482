/** Locating `../shared` (beside the project) for tests that score against shared data. */
import fs from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(process.cwd(), '../shared');
export const IN_CI = process.env.CI === 'true';

/** Reads a file under `../shared`, or `undefined` when it is absent (an error in CI). */
export function readShared(relative: string): string | undefined {
  const file = path.join(SHARED, relative);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  if (IN_CI) throw new Error(`${file} is missing: CI must have ../shared beside the project`);
  console.warn(`skipping: ${file} not found (shared/ is not beside the project)`);
  return undefined;
}
