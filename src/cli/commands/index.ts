/** Every command, listed explicitly (yargs' commandDir does not suit ESM). */
import type { CommandModule } from 'yargs';
import type { Exit, GlobalArgs } from '../main.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { pseudoCommand } from './pseudo.js';
import { runCommand } from './run.js';
import { segmentCommand } from './segment.js';
import { statusCommand } from './status.js';
import { tmCommand } from './tm.js';
import { validateCommand } from './validate.js';

export function commands(exit: Exit): CommandModule<GlobalArgs, never>[] {
  return [segmentCommand(exit), exportCommand(exit), importCommand(exit), statusCommand(exit), checkCommand(exit), buildCommand(exit), runCommand(exit), validateCommand(exit), tmCommand(exit), pseudoCommand(exit)] as unknown as CommandModule<GlobalArgs, never>[];
}
