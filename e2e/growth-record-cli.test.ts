import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { startServer } from './support/start-server';

// `corner import` and `corner export` as a person runs them: the committed sample record (demo Maya)
// restored into an empty embedded Corner, exported again unchanged, and a broken file refused by path.
// Then Maya signs in to that Corner and reads her imported relationships on the web page.
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
let temporaryPassword = '';

describe('corner import / export', () => {
  it('restores a record into a new Corner, creating the person, and exports the same document', async () => {
    const imported = await corner(['import', SAMPLE]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported into maya@demo\.corner: .*2 goals/);
    expect(imported.stdout).toMatch(/sign in with the password/);
    temporaryPassword = /password "([^"]+)"/.exec(imported.stdout)?.[1] ?? '';

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

  it('shows the imported relationships, read-only, in the web app', async () => {
    expect(temporaryPassword).not.toBe('');
    const server = await startServer({ env: { CORNER_DATA_DIR: dataDir } });
    const browser = await launchBrowser();
    try {
      const { page, errors, context } = await newPage(browser, { baseURL: server.url });
      await page.goto('/sign-in');
      await page.getByLabel(/^Email/).fill('maya@demo.corner');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel(/^Password/).fill(temporaryPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Hello, Maya' }).waitFor();
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('link', { name: 'imported history' }).click();
      await page.getByRole('heading', { level: 1, name: 'Imported history' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Mentoring with Sam Rivera' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Peer exchange with Priya Raman' }).waitFor();
      expect(await page.getByRole('heading', { level: 4 }).count()).toBe(5);
      await page.getByText('I felt out of my depth at first, less so by the end.').waitFor();
      await page.getByText(/Sessions held: 3 of about 2 agreed/).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(page, 'imported history');

      // Someone who imported nothing sees the empty state.
      const other = await newPage(browser, { baseURL: server.url });
      await other.page.goto('/');
      await other.page.getByLabel('Your name').fill('Nia Newcomer');
      await other.page.getByLabel('Email', { exact: true }).fill('nia@example.test');
      await other.page.getByLabel('Password', { exact: true }).fill('a-long-password');
      await other.page.getByRole('button', { name: 'Create account' }).click();
      await other.page.getByRole('heading', { name: 'Hello, Nia' }).waitFor();
      await other.page.goto('/growth-record/history');
      await other.page.getByText('Nothing imported yet.').waitFor();
      await other.page.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(other.page, 'imported history (empty)');
      expect([...errors, ...other.errors]).toEqual([]);
      await Promise.all([context.close(), other.context.close()]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 180_000);
});
