import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/raw-rows';
import {
  appliedSchemaVersion,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  listTables,
  quoteIdent,
} from './tables';

const PAGE_ROWS = 5_000;

export type BackupProgress = {
  start: (totalRows: number) => void;
  advance: (rows: number) => void;
  stop: () => void;
};
const silent: BackupProgress = { start: () => {}, advance: () => {}, stop: () => {} };

// One REPEATABLE READ, READ ONLY transaction reads every table, so the file is one consistent snapshot
// however many requests the running server answers meanwhile (the same on PGlite and PostgreSQL).
// Rows are written as PostgreSQL's own row_to_json text, so dates, instants and JSON come back exactly
// as they were. The file is gzip-compressed JSON lines: a header (schema version, row counts), then
// each table's name line followed by its rows.
export async function backupDatabase(
  db: Db,
  outFile: string,
  now: Date,
  progress: BackupProgress = silent,
): Promise<BackupHeader> {
  const file = fs.createWriteStream(outFile);
  const header = await writeBackup(db, file, now, progress);
  await finished(file);
  return header;
}

/** The backup as a gzip stream into `destination` (a file, or the operator channel's response). */
export async function writeBackup(
  db: Db,
  destination: Writable,
  now: Date,
  progress: BackupProgress = silent,
): Promise<BackupHeader> {
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(destination);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const header = await readSnapshot(db, write, now, progress).catch((error: unknown) => {
    // Nothing half-written looks finished: the file or the channel's answer is cut off, not closed.
    gzip.unpipe(destination);
    gzip.destroy();
    destination.destroy();
    throw error;
  });
  gzip.end();
  await once(gzip, 'end');
  progress.stop();
  return header;
}

function readSnapshot(
  db: Db,
  write: (line: string) => Promise<void>,
  now: Date,
  progress: BackupProgress,
): Promise<BackupHeader> {
  return db.transaction(
    async (tx) => {
      const tables = await listTables(tx);
      const counts: { name: string; rows: number }[] = [];
      for (const name of tables) {
        const [row] = rowsOf<{ n: number | string }>(
          await tx.execute(sql.raw(`select count(*) as n from ${quoteIdent(name)}`)),
        );
        counts.push({ name, rows: Number(row?.n ?? 0) });
      }
      const head: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schemaVersion: await appliedSchemaVersion(tx),
        takenAt: now.toISOString(),
        tables: counts,
      };
      progress.start(counts.reduce((sum, t) => sum + t.rows, 0));
      await write(JSON.stringify(head));
      for (const { name } of counts) {
        await write(JSON.stringify({ table: name }));
        // A cursor reads the table once, in pages, inside the snapshot. (Keyset paging on ctid made
        // PostgreSQL sort every remaining row for each page: quadratic, 567 s for 500,000 sessions.)
        await tx.execute(
          sql.raw(`declare corner_backup no scroll cursor for
            select row_to_json(t)::text as j from ${quoteIdent(name)} t`),
        );
        for (;;) {
          const page = rowsOf<{ j: string }>(
            await tx.execute(sql.raw(`fetch forward ${PAGE_ROWS} from corner_backup`)),
          );
          if (page.length > 0) await write(page.map((row) => row.j).join('\n'));
          progress.advance(page.length);
          if (page.length < PAGE_ROWS) break;
        }
        await tx.execute(sql.raw('close corner_backup'));
      }
      return head;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
