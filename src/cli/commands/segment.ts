import type { CommandModule } from 'yargs';
import { readFileSync } from 'node:fs';
import { inputError, msg } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import { resolve } from 'node:path';
import { FileTransaction, decodeUtf8 } from '../../io/fs.js';
import { SEGMENT_LANGS } from '../../core/choices.js';
import type { SegmentLang } from '../../segment/index.js';

type Segmentation = typeof import('../../segment/index.js');
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string;
  json: boolean;
  srx?: string;
  writeSrx?: string;
}

/** The user's SRX rules for `lang`; errors name the file and line. */
function srxSegmenter({ SrxError, loadSrx }: Segmentation, path: string, lang: string): (text: string) => string[] {
  let xml: string;
  try {
    xml = decodeUtf8(readFileSync(path), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw inputError(msg('errors.noSuchFile'), { file: path }, msg('errors.segment.srxPath'), 'usage');
    throw e;
  }
  try {
    const seg = loadSrx(xml, lang);
    return (text) => seg.segment(text);
  } catch (e) {
    if (e instanceof SrxError) throw inputError(msg('errors.segment.badSrx', { detail: e.message.replace(/^SRX line \d+: /, '') }), { file: path, line: e.line }, msg('errors.segment.badSrxHint'), 'srx');
    throw e;
  }
}

/** Plain text (one paragraph per line) → [[sentence, …], …] on stdout. */
function segmentPlain(seg: Segmentation, args: Args): void {
  const lang = (args.lang ?? 'en').toLowerCase();
  if (!(SEGMENT_LANGS as readonly string[]).includes(lang)) {
    throw inputError(msg('errors.unsupportedLanguage', { lang: args.lang }), {}, msg('errors.supported', { list: [...SEGMENT_LANGS] }), 'usage');
  }
  if (args.articles.length > 1) throw inputError(msg('errors.segment.oneFile'), {}, undefined, 'usage');
  const name = args.articles[0] ?? '-';
  let text: string;
  if (name === '-') text = decodeUtf8(readFileSync(0), '<stdin>');
  else {
    try {
      text = decodeUtf8(readFileSync(name), name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw inputError(msg('errors.noSuchFile'), { file: name }, msg('errors.segment.stdinHint'), 'usage');
      throw e;
    }
  }
  const split = args.srx ? srxSegmenter(seg, args.srx, lang) : (l: string) => seg.segmentText(l, lang as SegmentLang);
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const result = text === '' ? [] : lines.map((l) => split(l));
  process.stdout.write(args.json ? stableJson(result) : result.map((p) => p.join('\n')).join('\n\n') + '\n');
}

export function segmentCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'segment [articles..]',
    describe: t('help.segment.describe'),
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: t('help.segment.articles') })
        .option('lang', { type: 'string', describe: t('help.segment.lang', { langs: SEGMENT_LANGS }) })
        .option('json', { type: 'boolean', default: false, describe: t('help.segment.json') })
        .option('srx', { type: 'string', describe: t('help.segment.srx') })
        .option('write-srx', { type: 'string', describe: t('help.segment.writeSrx') })
        .example('$0 segment', t('help.segment.example1'))
        .example('$0 segment palermo-conference', t('help.segment.example2'))
        .example('echo "Gen. Haftar spoke. He left." | $0 segment --lang en --json -', t('help.segment.example3'))
        .example('$0 segment --write-srx tessera.srx', t('help.segment.example4'))
        .example('$0 segment --lang it --srx my-rules.srx --json notes.txt', t('help.segment.example5')) as never,
    handler: async (args) => {
      if (args.writeSrx !== undefined) {
        const xml = (await import('../../segment/index.js')).toSrx();
        if (args.writeSrx === '-') process.stdout.write(xml);
        else {
          const tx = new FileTransaction();
          tx.write(resolve(args.writeSrx), xml);
          tx.commit();
          if (!args.quiet) process.stderr.write(`${t('segment.srxWritten', { file: args.writeSrx })}\n`);
        }
        return;
      }
      if (args.json || args.lang !== undefined || args.srx !== undefined) {
        segmentPlain(await import('../../segment/index.js'), args);
        return;
      }
      const { segmentStep } = await import('../../pipeline/steps/segment.js');
      const r = await segmentStep(context(args), { articles: args.articles });
      if (!r.ok) exit.code = 1;
    },
  };
}
