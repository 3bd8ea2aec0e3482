import type { CommandModule } from 'yargs';
import { PSEUDO_LANGS } from '../../core/types.js';
import { PSEUDO_LOCALES } from '../../pseudo/transform.js';
import { pseudoStep } from '../../pipeline/steps/pseudo.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  articles: string[];
  lang?: string[];
  force: boolean;
}

export function pseudoCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'pseudo [articles..]',
    describe: 'fill the pseudo-locales (qps-ploc accented and longer, qps-plocm right to left) through export and import, for layout testing',
    builder: (y) =>
      y
        .positional('articles', { type: 'string', array: true, default: [], describe: 'article slugs (default: all)' })
        .option('lang', { type: 'string', array: true, describe: `pseudo-locales (default: both) — ${PSEUDO_LANGS.map((c) => `${c}: ${PSEUDO_LOCALES[c].description}`).join('; ')}` })
        .option('force', { type: 'boolean', default: false, describe: 'replace a reviewed or final pseudo-translation that differs' })
        .example('$0 pseudo', 'locales/qps-ploc/ and locales/qps-plocm/ for every article')
        .example('$0 pseudo palermo-conference --lang qps-ploc && $0 status --lang qps-ploc', 'one article, one pseudo-locale, and its status')
        .epilogue(
          'qps-ploc: "[Ţĥé çåţ šåţ öñ ţĥé ɱåţ. !!! !!]" — accented letters, about 35% longer, in brackets so a cut-off shows. qps-plocm: each word laid out ' +
            'right to left (RLM RLO … PDF RLM), same brackets. Links, URLs, @handles, #hashtags and digits stay exactly as they are. Provenance ' +
            'is "pseudo": in a real language such a segment counts as not translated and is never published. Pseudo-locales appear in status, ' +
            'export and build only when named with --lang.',
        ) as never,
    handler: (args) => {
      const r = pseudoStep(context(args), { articles: args.articles, lang: args.lang, force: args.force });
      if (!r.ok) exit.code = 1;
    },
  };
}
