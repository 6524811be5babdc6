import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../../test/support/fresh-database';
import { json, localIn, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { exportGrowthRecord } from '../growth-record/export-growth-record';
import { backupDatabase } from './backup-database';
import { RestoreRefused, restoreDatabase } from './restore-database';
import { knownSchemaVersion } from './tables';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-backup-'));
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function memberWithHistory() {
  const { member, relationshipId } = await startPair(t);
  const session = await json<{ id: string }>(
    await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
      method: 'POST',
      body: { localStart: localIn(t.clock.now, 3, 9), timeZone: 'Europe/Berlin', allowShortNotice: true },
    }),
    201,
  );
  await json(
    await member.request(`/api/v1/sessions/${session.id}/shared-notes`, {
      method: 'PUT',
      body: { body: 'Notes with "quotes", commas, and ünïcödé.', version: 0 },
    }),
    200,
  );
  await json(
    await member.request('/api/v1/journal', { method: 'POST', body: { body: 'A line\nand another' } }),
    201,
  );
  return member;
}

describe('backup and restore', () => {
  it('a growth-record export is identical before and after a backup → restore round trip', async () => {
    const member = await memberWithHistory();
    const now = t.clock.now;
    const before = await exportGrowthRecord(t.database.db, member.userId, now);
    const file = path.join(dir, 'round-trip.corner.gz');
    const header = await backupDatabase(t.database.db, file, now);
    expect(header.schemaVersion).toBe(knownSchemaVersion());
    expect(header.tables.find((table) => table.name === 'user')?.rows).toBeGreaterThan(0);

    const target = await openFreshDatabase();
    try {
      await restoreDatabase(target.db, file, { force: false });
      const after = await exportGrowthRecord(target.db, member.userId, now);
      expect(after).toEqual(before);
      expect(JSON.stringify(after)).toContain('ünïcödé');
    } finally {
      await target.close();
    }
  });

  it('refuses a target that holds data unless forced, leaving it as it was', async () => {
    const member = await memberWithHistory();
    const now = t.clock.now;
    const file = path.join(dir, 'non-empty.corner.gz');
    await backupDatabase(t.database.db, file, now);
    const target = await openFreshDatabase();
    try {
      await restoreDatabase(target.db, file, { force: false });
      await expect(restoreDatabase(target.db, file, { force: false })).rejects.toThrow(
        /already holds data.*--force/,
      );
      const forced = await restoreDatabase(target.db, file, { force: true });
      expect(forced.schemaVersion).toBe(knownSchemaVersion());
      expect(await exportGrowthRecord(target.db, member.userId, now)).toEqual(
        await exportGrowthRecord(t.database.db, member.userId, now),
      );
    } finally {
      await target.close();
    }
  });

  it('refuses a backup from a newer schema with a sentence, and a file that is not a backup', async () => {
    const file = path.join(dir, 'current.corner.gz');
    await backupDatabase(t.database.db, file, t.clock.now);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { schemaVersion: number };
    header.schemaVersion += 1;
    const newer = path.join(dir, 'newer.corner.gz');
    fs.writeFileSync(newer, zlib.gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    const notBackup = path.join(dir, 'not-a-backup.gz');
    fs.writeFileSync(notBackup, zlib.gzipSync('hello'));
    const target = await openFreshDatabase();
    try {
      const refusal = await restoreDatabase(target.db, newer, { force: true }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(RestoreRefused);
      expect(String(refusal)).toMatch(
        /newer Corner \(schema version \d+; this Corner knows \d+\)\. Upgrade Corner/,
      );
      await expect(restoreDatabase(target.db, notBackup, { force: false })).rejects.toThrow(
        /not a Corner backup/,
      );
    } finally {
      await target.close();
    }
  });
});
