import type { CommandModule } from 'yargs';
import { readFileSync } from 'node:fs';
import { inputError } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import { resolve } from 'node:path';
import { FileTransaction, decodeUtf8 } from '../../io/fs.js';
import { segmentStep } from '../../pipeline/steps/segment.js';
import { SEGMENT_LANGS, SrxError, loadSrx, segmentText, toSrx, type SegmentLang } from '../../segment/index.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string;
  json: boolean;
  srx?: string;
  writeSrx?: string;
}

/** The user's SRX rules for `lang`; errors name the file and line. */
function srxSegmenter(path: string, lang: string): (text: string) => string[] {
  let xml: string;
  try {
    xml = decodeUtf8(readFileSync(path), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('no such file', { file: path }, 'give the path of an SRX 2.0 file', 'usage');
    throw e;
  }
  try {
    const seg = loadSrx(xml, lang);
    return (text) => seg.segment(text);
  } catch (e) {
    if (e instanceof SrxError) throw inputError(`not a usable SRX file: ${e.message.replace(/^SRX line \d+: /, '')}`, { file: path, line: e.line }, 'fix the rules (SRX 2.0: <srx><body><languagerules>…), or export ours with --write-srx to start from', 'srx');
    throw e;
  }
}

/** Plain text (one paragraph per line) → [[sentence, …], …] on stdout. */
function segmentPlain(args: Args): void {
  const lang = (args.lang ?? 'en').toLowerCase();
  if (!(SEGMENT_LANGS as readonly string[]).includes(lang)) {
    throw inputError(`unsupported language "${args.lang}"`, {}, `supported: ${SEGMENT_LANGS.join(', ')}`, 'usage');
  }
  if (args.articles.length > 1) throw inputError('give one text file (or - for standard input)', {}, undefined, 'usage');
  const name = args.articles[0] ?? '-';
  let text: string;
  if (name === '-') text = decodeUtf8(readFileSync(0), '<stdin>');
  else {
    try {
      text = decodeUtf8(readFileSync(name), name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('no such file', { file: name }, 'check the path, or use - to read standard input', 'usage');
      throw e;
    }
  }
  const split = args.srx ? srxSegmenter(args.srx, lang) : (l: string) => segmentText(l, lang as SegmentLang);
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const result = text === '' ? [] : lines.map((l) => split(l));
  process.stdout.write(args.json ? stableJson(result) : result.map((p) => p.join('\n')).join('\n\n') + '\n');
}

export function segmentCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'segment [articles..]',
    describe: 'split source articles into sentences; update locales/ (or split plain text with --json)',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs or files (default: every article in source/); with --json or --lang: a text file, or - for stdin' })
        .option('lang', { type: 'string', describe: `language of a plain-text input (${SEGMENT_LANGS.join(', ')})` })
        .option('json', { type: 'boolean', default: false, describe: 'print a JSON array: one array of sentences per input line' })
        .option('srx', { type: 'string', describe: 'split plain text with the rules of this SRX 2.0 file (as OmegaT, Okapi and Trados use) instead of Tessera’s' })
        .option('write-srx', { type: 'string', describe: 'write Tessera’s own rules as SRX 2.0 to this file (- for stdout), for a CAT tool to segment the same way' })
        .example('$0 segment', 'segment every article in source/ and write locales/en/<slug>.json')
        .example('$0 segment palermo-conference', 'segment one article')
        .example('echo "Gen. Haftar spoke. He left." | $0 segment --lang en --json -', 'split plain text read from stdin')
        .example('$0 segment --write-srx tessera.srx', 'our rules as SRX, for OmegaT (Project properties → Segmentation)')
        .example('$0 segment --lang it --srx my-rules.srx --json notes.txt', 'split with your own SRX rules') as never,
    handler: async (args) => {
      if (args.writeSrx !== undefined) {
        const xml = toSrx();
        if (args.writeSrx === '-') process.stdout.write(xml);
        else {
          const tx = new FileTransaction();
          tx.write(resolve(args.writeSrx), xml);
          tx.commit();
          if (!args.quiet) process.stderr.write(`segment: Tessera's rules written as SRX 2.0 to ${args.writeSrx}\n`);
        }
        return;
      }
      if (args.json || args.lang !== undefined || args.srx !== undefined) {
        segmentPlain(args);
        return;
      }
      const r = await segmentStep(context(args), { articles: args.articles });
      if (!r.ok) exit.code = 1;
    },
  };
}
