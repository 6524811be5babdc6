import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `corner import` and `corner export` as a person runs them: the committed sample record (demo Maya)
// restored into an empty embedded Corner, exported again unchanged, and a broken file refused by path.
const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'docs/growth-record-sample.json');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-record-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function corner(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/corner.js', ...args],
      { cwd: ROOT, env: { ...process.env, CORNER_DATA_DIR: dataDir, DATABASE_URL: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const withoutStamp = (record: Record<string, unknown>) => ({ ...record, exportedAt: 'aside' });

describe('corner import / export', () => {
  it('restores a record into a new Corner, creating the person, and exports the same document', async () => {
    const imported = await corner(['import', SAMPLE]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported into maya@demo\.corner: .*2 goals/);
    expect(imported.stdout).toMatch(/sign in with the password/);

    const out = path.join(dataDir, 'maya.json');
    const exported = await corner(['export', '--user', 'maya@demo.corner', '--out', out]);
    expect(exported.code).toBe(0);
    const original = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;
    const again = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(withoutStamp(again)).toEqual(withoutStamp(original));
    expect(fs.readFileSync(path.join(dataDir, 'maya.md'), 'utf8')).toContain('# Growth record of Maya Chen');
  }, 180_000);

  it('refuses a malformed file with the path of the problem and a non-zero exit', async () => {
    const record = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as { goals: { title: unknown }[] };
    const first = record.goals[0];
    if (!first) throw new Error('the sample has goals');
    first.title = '';
    const broken = path.join(dataDir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify(record));
    const result = await corner(['import', broken]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not a valid Corner growth record: goals\.0\.title/);
  }, 60_000);
});
