/** Every command, listed explicitly (yargs' commandDir does not suit ESM). */
import type { CommandModule } from 'yargs';
import type { Translate } from '../../i18n/index.js';
import type { Exit, GlobalArgs } from '../context.js';
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

export function commands(exit: Exit, t: Translate): CommandModule<GlobalArgs, never>[] {
  return [segmentCommand(exit, t), exportCommand(exit, t), importCommand(exit, t), statusCommand(exit, t), checkCommand(exit, t), buildCommand(exit, t), runCommand(exit, t), validateCommand(exit, t), tmCommand(exit, t), pseudoCommand(exit, t)] as unknown as CommandModule<GlobalArgs, never>[];
}
