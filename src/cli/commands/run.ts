import type { CommandModule } from 'yargs';
import { inputError, msg } from '../../core/errors.js';
import type { Translate } from '../../i18n/index.js';
import type { StepContext } from '../../pipeline/context.js';
import type { Pipeline } from '../../pipeline/load.js';
import { context, globalArgs, type Exit, type GlobalArgs } from '../context.js';

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
      const ctx = context(args);
      const { loadPipeline, pipelineNames } = await import('../../pipeline/run.js');
      if (args.list) {
        const { STEPS } = await import('../../pipeline/steps/index.js');
        for (const name of pipelineNames(ctx.project)) {
          const p = loadPipeline(ctx.project, name);
          ctx.output.out(`${name}: ${p.description}\n  ${p.steps.map((s) => s.name).join(' → ')}\n`);
        }
        ctx.output.out(`\n${t('run.steps', { list: Object.keys(STEPS).map((n) => `${n} (${t(`steps.${n}`)})`).join('; ') })}\n`);
        return;
      }
      if (!args.pipeline) throw inputError(msg('errors.run.noPipelineName'), {}, msg('errors.run.pipelines', { list: pipelineNames(ctx.project) }), 'usage');
      exit.code = await runWhole(ctx, loadPipeline(ctx.project, args.pipeline), globalArgs(args));
    },
  };
}

/** The whole pipeline: in this process, or each step in its own on a large project. */
async function runWhole(ctx: StepContext, pipeline: Pipeline, globals: GlobalArgs): Promise<number> {
  const { runPipeline, runSteps } = await import('../../pipeline/run.js');
  const { StepProcessEnded, isolatesSteps, stepProcessRunner } = await import('../../pipeline/isolate.js');
  try {
    const r = isolatesSteps(ctx.project) ? await runSteps(ctx, pipeline, stepProcessRunner(ctx, pipeline, globals)) : await runPipeline(ctx, pipeline);
    return r.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof StepProcessEnded) return e.code;
    throw e;
  }
}
