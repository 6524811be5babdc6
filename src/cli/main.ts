import { Command } from 'commander';
import { ConfigError } from '../server/config';
import { DataDirInUseError } from '../server/db/data-dir-lock';
import { Problem } from '../server/http/problem';
import { registerDbCommand } from './db-command';
import { registerDemoCommand } from './demo-command';
import { registerProgramCommand } from './program-command';
import { registerServeCommand } from './serve-command';

const program = new Command()
  .name('corner')
  .description('Corner: goals, guides and growth for product people.')
  .showHelpAfterError();

registerServeCommand(program);
registerDbCommand(program);
registerDemoCommand(program);
registerProgramCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known set-up problems get their sentence alone; anything else keeps its stack for a bug report.
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof Problem) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
