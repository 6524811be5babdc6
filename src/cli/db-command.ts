import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { openRuntime } from '../server/runtime';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (the server also does this at start)')
    .action(async () => {
      const runtime = await openRuntime(loadConfig());
      console.log(`Migrations applied (${runtime.database.kind}).`);
      await runtime.close();
    });
}
