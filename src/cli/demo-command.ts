import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { loadDemo } from '../server/demo/load-demo';
import { openRuntime } from '../server/runtime';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load a realistic demo dataset: members with readiness results, goals and check-ins')
    .action(async () => {
      const config = loadConfig();
      const runtime = await openRuntime(config);
      try {
        const report = await loadDemo(runtime.database.db, runtime.auth, new Date());
        for (const email of report.created) console.log(`Created ${email}`);
        for (const email of report.skipped) console.log(`Already there: ${email}`);
        console.log(
          `Sign in at ${config.publicUrl} with any of these and the password "${report.password}".`,
        );
      } finally {
        await runtime.close();
      }
    });
}
