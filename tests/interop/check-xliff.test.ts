/**
 * The reference checker (../shared/tools/check-xliff.sh: xmllint schemas, Translate Toolkit,
 * an OmegaT 3.6 round trip) on a full XLIFF 1.2 export of the bundled project: nothing fails.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED, copyProject } from '../helpers/project.js';
import { ARTICLE, OMEGAT_JAR, missingCommands, prerequisites, run, tesseraOk } from './tools.js';

const SCRIPT = join(SHARED, 'tools/check-xliff.sh');
const missing = missingCommands({ xmllint: 'libxml2-utils', pocount: 'translate-toolkit', xliff2po: 'translate-toolkit', po2xliff: 'translate-toolkit', java: 'omegat' });
if (!existsSync(OMEGAT_JAR)) missing.push(`${OMEGAT_JAR} is missing (apt-get install omegat)`);
// The script uses Debian's python, which must have lxml (it would otherwise try to apt-get it).
if (!existsSync('/usr/bin/python3') || run('/usr/bin/python3', ['-c', 'import lxml']).code !== 0) missing.push('/usr/bin/python3 cannot import lxml (apt-get install python3-lxml)');
if (!existsSync(SCRIPT)) missing.push(`${SCRIPT} is missing (../shared is absent)`);
const READY = prerequisites('check-xliff.sh', missing);

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(READY)('check-xliff.sh on a full XLIFF 1.2 export', () => {
  it('reports 0 failed for it, fr and ar', { timeout: 600_000 }, () => {
    dir = copyProject();
    const out = join(dir, 'out/xliff-all');
    tesseraOk(dir, ['export', '--lang', 'it,fr,ar', '--all', '--out', out]);
    const r = run('bash', [SCRIPT, ...['it', 'fr', 'ar'].map((l) => join(out, l, `${ARTICLE}.xlf`))], { timeout: 600_000 });
    const lines = r.stdout.trimEnd().split('\n');
    const failures = lines.filter((l) => l.startsWith('FAIL'));
    expect(failures, r.stderr).toEqual([]);
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(r.code).toBe(0);
  });
});
