import type { CommandModule } from 'yargs';
import { readFileSync } from 'node:fs';
import { inputError } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import { decodeUtf8 } from '../../io/fs.js';
import { segmentStep } from '../../pipeline/steps/segment.js';
import { SEGMENT_LANGS, segmentText, type SegmentLang } from '../../segment/index.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string;
  json: boolean;
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
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const result = text === '' ? [] : lines.map((l) => segmentText(l, lang as SegmentLang));
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
        .example('$0 segment', 'segment every article in source/ and write locales/en/<slug>.json')
        .example('$0 segment palermo-conference', 'segment one article')
        .example('echo "Gen. Haftar spoke. He left." | $0 segment --lang en --json -', 'split plain text read from stdin') as never,
    handler: (args) => {
      if (args.json || args.lang !== undefined) {
        segmentPlain(args);
        return;
      }
      const r = segmentStep(context(args), { articles: args.articles });
      if (!r.ok) exit.code = 1;
    },
  };
}
