import { Command } from 'commander';
import { ConfigError } from '../server/config';
import { DataDirInUseError } from '../server/db/data-dir-lock';
import { registerDbCommand } from './db-command';
import { registerDemoCommand } from './demo-command';
import { registerGuidesCommand } from './guides-command';
import { registerServeCommand } from './serve-command';

const program = new Command()
  .name('corner')
  .description('Corner: goals, guides and growth for product people.')
  .showHelpAfterError();

registerServeCommand(program);
registerDbCommand(program);
registerDemoCommand(program);
registerGuidesCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known set-up problems get their sentence alone; anything else keeps its stack for a bug report.
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
