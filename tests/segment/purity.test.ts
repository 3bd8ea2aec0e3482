/** `src/segment` is pure: no file system, process, clock or randomness (bench.ts measures, so it may). */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(process.cwd(), 'src/segment');
const files = fs
  .readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && path.basename(f) !== 'bench.ts');

it.each(files)('%s does no I/O and reads no clock or randomness', (file) => {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  expect(src).not.toMatch(/from ['"](?:node:)?(?:fs|path|os|child_process|process)['"]/);
  expect(src).not.toMatch(/\b(?:Date\.now|new Date|Math\.random|performance\.now|process\.)/);
});
