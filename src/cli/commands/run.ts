import type { CommandModule } from 'yargs';
import { inputError } from '../../core/errors.js';
import { loadPipeline, pipelineNames, runPipeline } from '../../pipeline/run.js';
import { STEPS } from '../../pipeline/steps/index.js';
import { context, type Exit, type GlobalArgs } from '../main.js';

interface Args extends GlobalArgs {
  pipeline?: string;
  list: boolean;
}

export function runCommand(exit: Exit): CommandModule<GlobalArgs, Args> {
  return {
    command: 'run [pipeline]',
    describe: 'run a pipeline declared in pipelines/<name>.yaml',
    builder: (y) =>
      y
        .positional('pipeline', { type: 'string', describe: 'pipeline name (file name without .yaml) or path' })
        .option('list', { type: 'boolean', default: false, describe: 'list the pipelines and their steps' })
        .example('$0 run newsroom', 'segment → export → import → status → build on the project')
        .example('$0 run --list', 'what pipelines there are') as never,
    handler: async (args) => {
      const ctx = context(args);
      if (args.list) {
        for (const name of pipelineNames(ctx.project)) {
          const p = loadPipeline(ctx.project, name);
          ctx.output.out(`${name}: ${p.description}\n  ${p.steps.map((s) => s.name).join(' → ')}\n`);
        }
        ctx.output.out(`\nSteps: ${Object.entries(STEPS).map(([n, s]) => `${n} (${s.description})`).join('; ')}\n`);
        return;
      }
      if (!args.pipeline) throw inputError('name a pipeline to run', {}, `pipelines: ${pipelineNames(ctx.project).join(', ') || '(none)'}`, 'usage');
      const r = await runPipeline(ctx, loadPipeline(ctx.project, args.pipeline));
      if (!r.ok) exit.code = 1;
    },
  };
}
