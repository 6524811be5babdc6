import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { createPersonWithAuth } from '../server/growth-record/create-person';
import { importGrowthRecord, parseGrowthRecordText } from '../server/growth-record/import-growth-record';
import { openRuntime } from '../server/runtime';
import { CliUsageError } from './export-command';

export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description('restore a growth record exported from any Corner (new ids, links kept)')
    .option('--as <email>', 'import into this person instead of the one named in the file')
    .action(async (file: string, options: { as?: string }) => {
      if (!fs.existsSync(file)) throw new CliUsageError(`There is no file ${file}.`);
      // Validate before opening the database, so a bad file never waits on (or locks) the data folder.
      const record = parseGrowthRecordText(fs.readFileSync(file, 'utf8'));
      const runtime = await openRuntime(loadConfig());
      try {
        const report = await importGrowthRecord(runtime.database.db, record, {
          asEmail: options.as,
          createPerson: createPersonWithAuth(runtime.auth),
          now: new Date(),
        });
        const counts = Object.entries(report.counts)
          .filter(([, count]) => count > 0)
          .map(([key, count]) => `${count} ${key}`)
          .join(', ');
        console.log(`Imported into ${report.email}: ${counts || 'nothing to import'}.`);
        if (report.temporaryPassword) {
          console.log(
            `Created ${report.email}; sign in with the password "${report.temporaryPassword}" and change it.`,
          );
        }
        for (const warning of report.warnings) console.log(`Note: ${warning}`);
      } finally {
        await runtime.close();
      }
    });
}
