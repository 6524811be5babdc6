import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { pauseQuietGuides } from '../server/guide-profiles/pause-quiet-guides';
import { createOutboxMailer } from '../server/mail/mailer';
import { openRuntime } from '../server/runtime';

// The manual trigger for the reliability check; the job queue will run the same operation daily.
export function registerGuidesCommand(program: Command): void {
  program
    .command('pause-quiet-guides')
    .description('pause guides who left intro requests unanswered too long, and mail each of them')
    .action(async () => {
      const runtime = await openRuntime(loadConfig());
      try {
        const paused = await pauseQuietGuides(
          runtime.database.db,
          createOutboxMailer(runtime.database.db),
          new Date(),
        );
        for (const guide of paused) console.log(`Paused ${guide.email} (${guide.waitingRequests} waiting)`);
        console.log(`${paused.length} guide${paused.length === 1 ? '' : 's'} paused.`);
      } finally {
        await runtime.close();
      }
    });
}
