/**
 * "Returned" XLIFF files for the benchmark and the scale tests: what a translator would send
 * back, made from Tessera's own export by filling every target.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name ends with `ext`, sorted. */
export function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Turns exported files into "returned" ones: every target filled and approved. */
export function fakeTranslations(xliffDir: string, returned: string): void {
  for (const f of files(xliffDir, '.xlf')) {
    const lang = f.split('/').at(-2)!;
    const text = readFileSync(f, 'utf8')
      .replace(/ xml:space="preserve">/g, ' approved="yes" xml:space="preserve">')
      .replace(/(\s*)<source xml:lang="en">(.*)<\/source>/g, (_m, ws: string, s: string) => `${ws}<source xml:lang="en">${s}</source>${ws}<target xml:lang="${lang}" state="translated">[${lang}] ${s}</target>`);
    mkdirSync(join(returned, lang), { recursive: true });
    writeFileSync(join(returned, lang, f.split('/').at(-1)!), text);
  }
}
