import { Command } from 'commander';
import { ConfigError } from '../server/config';
import { DataDirInUseError } from '../server/db/data-dir-lock';
import { GrowthRecordError } from '../server/growth-record/sections/section';
import { Problem } from '../server/http/problem';
import { registerBackupCommand } from './backup-command';
import { registerDbCommand } from './db-command';
import { registerDemoCommand } from './demo-command';
import { CliUsageError, registerExportCommand } from './export-command';
import { registerGuidesCommand } from './guides-command';
import { registerImportCommand } from './import-command';
import { CheckFailedError, registerMatchCommand } from './match-command';
import { registerMcpCommand } from './mcp-command';
import { registerOrgCommand } from './org-command';
import { registerProgramCommand } from './program-command';
import { registerScimCommand } from './scim-command';
import { registerServeCommand } from './serve-command';
import { registerSsoCommand } from './sso-command';
import { registerTokenCommand } from './token-command';

const program = new Command()
  .name('corner')
  .description('Corner: goals, guides and growth for product people.')
  .showHelpAfterError();

registerServeCommand(program);
registerDbCommand(program);
registerDemoCommand(program);
registerProgramCommand(program);
registerExportCommand(program);
registerImportCommand(program);
registerMatchCommand(program);
registerMcpCommand(program);
registerTokenCommand(program);
registerGuidesCommand(program);
registerBackupCommand(program);
registerOrgCommand(program);
registerSsoCommand(program);
registerScimCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Known set-up problems get their sentence alone; anything else keeps its stack for a bug report.
  if (
    error instanceof ConfigError ||
    error instanceof DataDirInUseError ||
    error instanceof Problem ||
    error instanceof CliUsageError ||
    error instanceof CheckFailedError ||
    error instanceof GrowthRecordError
  ) {
    console.error(error.message);
    // Bad input (a usage error) exits 2, so scripts can tell it from a check that ran and failed (1).
    process.exit(error instanceof CliUsageError ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
}
