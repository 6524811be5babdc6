import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';

export const BACKUP_FORMAT = 'corner-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  takenAt: string;
  tables: { name: string; rows: number }[];
};

import { rowsOf } from '../db/raw-rows';
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

// Corner's own tables; the job queue (pg-boss's schema) holds only work in flight and is not backed up.
export async function listTables(db: Db | Tx): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  return rows.map((r) => r.name);
}

// Columns a restore writes: generated columns (the guide search document) are left to the database.
export async function writableColumns(db: Db | Tx, table: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  );
  return rows.map((r) => r.name);
}

/** The number of migrations applied to this database (drizzle's journal of applied migrations). */
export async function appliedSchemaVersion(db: Db | Tx): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** The number of migrations this Corner ships. */
export function knownSchemaVersion(): number {
  const journal = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '../db/migrations/meta/_journal.json',
  );
  const parsed: unknown = JSON.parse(fs.readFileSync(journal, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'entries' in parsed && Array.isArray(parsed.entries)) {
    return parsed.entries.length;
  }
  throw new Error('migrations journal without entries');
}
