import type { CommandModule } from 'yargs';
import { formatDiagnostic, InputError } from '../../core/errors.js';
import { stableJson } from '../../core/json.js';
import type { Diagnostic } from '../../core/types.js';
import { readText } from '../../io/fs.js';
import type { Translate } from '../../i18n/index.js';
import { context, type Exit, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  files: string[];
  json: boolean;
}

interface FileResult {
  file: string;
  version: string | null;
  valid: boolean;
  problems: { line: number | null; column: number | null; rule: string; message: string }[];
}

export function validateCommand(exit: Exit, t: Translate): CommandModule<GlobalArgs, Args> {
  return {
    command: 'validate <files..>',
    describe: t('help.validate.describe'),
    builder: (y) =>
      y
        .positional('files', { type: 'string', array: true, describe: t('help.validate.files') })
        .option('json', { type: 'boolean', default: false, describe: t('help.validate.json') })
        .example('$0 validate out/xliff/it/palermo-conference.xlf', t('help.validate.example1'))
        .example("$0 validate 'returned/*/*.xlf'", t('help.validate.example2'))
        .example("$0 validate --json 'out/xliff/*/*.xlf' > report.json", t('help.validate.example3')) as never,
    handler: async (args) => {
      const { validateXliff } = await import('../../formats/xliff/validate.js');
      const { expandFiles } = await import('../../pipeline/steps/files.js');
      const ctx = context(args);
      const results: FileResult[] = [];
      const lines: string[] = [];
      for (const path of await expandFiles(ctx, args.files)) {
        const file = ctx.project.rel(path);
        let version: string | undefined;
        let problems: Diagnostic[];
        try {
          ({ version, problems } = validateXliff(readText(path, file), file));
        } catch (e) {
          // A file that cannot be read (not UTF-8…) is one more invalid file, not the end of the run.
          if (!(e instanceof InputError)) throw e;
          problems = e.diagnostics;
        }
        results.push({
          file,
          version: version ?? null,
          valid: problems.length === 0,
          problems: problems.map((p) => ({ line: p.line ?? null, column: p.column ?? null, rule: p.rule, message: p.message })),
        });
        lines.push(...problems.map((p) => formatDiagnostic(p, t)));
      }
      const invalid = results.filter((r) => !r.valid);
      if (args.json) ctx.output.out(stableJson({ files: results }));
      else if (lines.length) ctx.output.err(`${lines.join('\n')}\n`);
      if (!ctx.output.quiet) {
        const count = invalid.reduce((n, r) => n + r.problems.length, 0);
        ctx.output.err(`${t('validate.summary', { files: t('count.files', { count: results.length }), valid: results.length - invalid.length })}${invalid.length ? t('validate.invalid', { invalid: invalid.length, problems: t('count.problems', { count }) }) : ''}\n`);
      }
      if (invalid.length) exit.code = 2;
    },
  };
}
