import type { CommandModule } from 'yargs';
import { inputError, msg } from '../../core/errors.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  pipeline?: string;
  list: boolean;
}

export function runCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'run [pipeline]',
    describe: t('help.run.describe'),
    builder: (y) =>
      y
        .positional('pipeline', { type: 'string', describe: t('help.run.pipeline') })
        .option('list', { type: 'boolean', default: false, describe: t('help.run.list') })
        .example('$0 run newsroom', t('help.run.example1'))
        .example('$0 run --list', t('help.run.example2')) as never,
    handler: async (args) => {
      const { loadPipeline, pipelineNames, runPipeline } = await import('../../pipeline/run.js');
      const { STEPS } = await import('../../pipeline/steps/index.js');
      const ctx = context(args);
      if (args.list) {
        for (const name of pipelineNames(ctx.project)) {
          const p = loadPipeline(ctx.project, name);
          ctx.output.out(`${name}: ${p.description}\n  ${p.steps.map((s) => s.name).join(' → ')}\n`);
        }
        ctx.output.out(`\n${t('run.steps', { list: Object.keys(STEPS).map((n) => `${n} (${t(`steps.${n}`)})`).join('; ') })}\n`);
        return;
      }
      if (!args.pipeline) throw inputError(msg('errors.run.noPipelineName'), {}, msg('errors.run.pipelines', { list: pipelineNames(ctx.project) }), 'usage');
      const r = await runPipeline(ctx, loadPipeline(ctx.project, args.pipeline));
      if (!r.ok) exit.code = 1;
    },
  };
}
