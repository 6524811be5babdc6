import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { BackupProgress } from '../server/backup/backup-database';
import { backupDatabase } from '../server/backup/backup-database';
import { backupThroughServer } from '../server/backup/operator-channel';
import { RestoreRefused, restoreDatabase } from '../server/backup/restore-database';
import { loadConfig } from '../server/config';
import { openRuntime } from '../server/runtime';
import { CliUsageError } from './export-command';

function progressBar(label: string): BackupProgress {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {duration}s`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    advance: (rows) => bar.increment(rows),
    stop: () => bar.stop(),
  };
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent snapshot of the database (gzip-compressed) while the server runs')
    .requiredOption('--out <file>', 'where to write the backup')
    .action(async (options: { out: string }) => {
      const config = loadConfig();
      if (!config.databaseUrl) {
        // A `corner serve` holding the embedded database takes the backup itself (operator-channel.ts).
        const served = await backupThroughServer(config.dataDir, options.out, progressBar('Backup'));
        if (served) {
          console.log(
            `Backup written to ${options.out} by the running Corner: ${served.rows} rows, schema version ${served.schemaVersion}.`,
          );
          return;
        }
      }
      const runtime = await openRuntime(config);
      try {
        const header = await backupDatabase(
          runtime.database.db,
          options.out,
          new Date(),
          progressBar('Backup'),
        );
        const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `Backup written to ${options.out}: ${rows} rows, schema version ${header.schemaVersion}.`,
        );
      } finally {
        await runtime.close();
      }
    });
  program
    .command('restore')
    .description('restore a backup into an empty data folder or database')
    .argument('<file>', 'a file written by `corner backup`')
    .option('--force', 'replace the data already in the target')
    .action(async (file: string, options: { force?: boolean }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const header = await restoreDatabase(
          runtime.database.db,
          file,
          { force: options.force === true },
          progressBar('Restore'),
        );
        console.log(`Restored ${file} (taken ${header.takenAt}).`);
      } catch (error) {
        if (error instanceof RestoreRefused) throw new CliUsageError(error.message);
        throw error;
      } finally {
        await runtime.close();
      }
    });
}
