import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../server/config';
import { user } from '../server/db/schema';
import { exportGrowthRecord } from '../server/growth-record/export-growth-record';
import { renderGrowthRecordMarkdown } from '../server/growth-record/render-markdown';
import { openRuntime } from '../server/runtime';

export class CliUsageError extends Error {}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export a person’s complete growth record (JSON, plus Markdown beside it with --out)')
    .requiredOption('--user <email>', 'whose record to export')
    .option('--out <file>', 'write the JSON here and the Markdown next to it (.md); default: JSON to stdout')
    .option('--markdown', 'print the Markdown rendering to stdout instead of JSON')
    .action(async (options: { user: string; out?: string; markdown?: boolean }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const db = runtime.database.db;
        const [person] = await db
          .select({ id: user.id })
          .from(user)
          .where(eq(user.email, options.user.toLowerCase()));
        if (!person) throw new CliUsageError(`No person with the email ${options.user} in this Corner.`);
        const record = await exportGrowthRecord(db, person.id, new Date());
        const json = `${JSON.stringify(record, null, 2)}\n`;
        const markdown = renderGrowthRecordMarkdown(record);
        if (!options.out) {
          process.stdout.write(options.markdown ? markdown : json);
          return;
        }
        const out = path.resolve(options.out);
        const markdownPath = out.replace(/(\.json)?$/i, '.md');
        fs.writeFileSync(out, json);
        fs.writeFileSync(markdownPath, markdown);
        console.log(`Wrote ${out} and ${markdownPath}.`);
      } finally {
        await runtime.close();
      }
    });
}
