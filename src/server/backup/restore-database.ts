import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { rowsOf } from '../db/raw-rows';
import type { BackupProgress } from './backup-database';
import {
  appliedSchemaVersion,
  BACKUP_FORMAT,
  type BackupHeader,
  knownSchemaVersion,
  listTables,
  quoteIdent,
  writableColumns,
} from './tables';

const BATCH_ROWS = 2_000;

export class RestoreRefused extends Error {}

function parseHeader(line: string | undefined): BackupHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line ?? '');
  } catch {
    throw new RestoreRefused('This file is not a Corner backup (its first line is not a backup header).');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('format' in parsed) ||
    parsed.format !== BACKUP_FORMAT
  ) {
    throw new RestoreRefused('This file is not a Corner backup.');
  }
  return parsed as BackupHeader;
}

async function isEmpty(tx: Tx, tables: string[]): Promise<boolean> {
  for (const name of tables) {
    const [row] = rowsOf<{ e: boolean }>(
      await tx.execute(sql.raw(`select exists(select 1 from ${quoteIdent(name)}) as e`)),
    );
    if (row?.e) return false;
  }
  return true;
}

// Restores into a migrated database of this Corner's schema, in one transaction: a refused or broken
// restore leaves the target as it was. Triggers (dashboard roll-ups, the audit log's guard) are
// switched off for the transaction (session_replication_role = replica), because the rows they would
// derive are in the backup already. The same switch skips foreign-key checks (like pg_dump's
// --disable-triggers): the rows come from one consistent snapshot, so they hold together.
export async function restoreDatabase(
  db: Db,
  inFile: string,
  options: { force: boolean },
  progress: BackupProgress = { start: () => {}, advance: () => {}, stop: () => {} },
): Promise<BackupHeader> {
  const lines = readline.createInterface({
    input: fs.createReadStream(inFile).pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  let header: BackupHeader;
  try {
    header = parseHeader((await iterator.next()).value);
  } catch (error) {
    lines.close();
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused('This file is not a Corner backup (it is not gzip-compressed).');
  }
  const known = knownSchemaVersion();
  if (header.schemaVersion > known) {
    lines.close();
    throw new RestoreRefused(
      `This backup comes from a newer Corner (schema version ${header.schemaVersion}; this Corner knows ${known}). Upgrade Corner, then restore.`,
    );
  }
  if (header.schemaVersion < known) {
    lines.close();
    throw new RestoreRefused(
      `This backup comes from an older Corner (schema version ${header.schemaVersion}; this one is ${known}). Restore it with the Corner that made it; that Corner's next start migrates it.`,
    );
  }
  try {
    await db.transaction(async (tx) => {
      if ((await appliedSchemaVersion(tx)) !== known) {
        throw new RestoreRefused(
          'The target database is not migrated to this Corner’s schema; run `corner db migrate` first.',
        );
      }
      const tables = await listTables(tx);
      await tx.execute(sql`set local session_replication_role = replica`);
      if (!(await isEmpty(tx, tables))) {
        if (!options.force) {
          throw new RestoreRefused(
            'The target already holds data. Restore into an empty data folder or database, or pass --force to replace what is there.',
          );
        }
        await tx.execute(sql.raw(`truncate ${tables.map(quoteIdent).join(', ')}`));
      }
      progress.start(header.tables.reduce((sum, t) => sum + t.rows, 0));
      let table: string | null = null;
      let columns = '';
      let batch: string[] = [];
      const flush = async () => {
        if (!table || batch.length === 0) return;
        await tx.execute(
          sql`${sql.raw(`insert into ${quoteIdent(table)} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${quoteIdent(table)}, `)}${`[${batch.join(',')}]`}::json)`,
        );
        progress.advance(batch.length);
        batch = [];
      };
      for await (const line of lines) {
        if (line.startsWith('{"table":')) {
          await flush();
          const next = (JSON.parse(line) as { table: string }).table;
          if (!tables.includes(next))
            throw new RestoreRefused(`The backup holds a table this Corner does not know: ${next}.`);
          table = next;
          columns = (await writableColumns(tx, next)).map(quoteIdent).join(', ');
          continue;
        }
        if (line.length === 0) continue;
        batch.push(line);
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      // Identity columns continue after the restored rows.
      for (const name of tables) {
        const identities = rowsOf<{ col: string }>(
          await tx.execute(sql`select column_name as col from information_schema.columns
            where table_schema = 'public' and table_name = ${name} and is_identity = 'YES'`),
        );
        for (const { col } of identities) {
          await tx.execute(
            sql.raw(
              `select setval(pg_get_serial_sequence('${quoteIdent(name)}', '${col}'), coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(name)}), 0) + 1, false)`,
            ),
          );
        }
      }
    });
  } finally {
    lines.close();
    progress.stop();
  }
  return header;
}
