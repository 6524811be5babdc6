import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/server/db/data-dir-lock';

const folders: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-lock-'));
  folders.push(dir);
  return path.join(dir, 'nested', 'data');
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('creates the folder (and its parents) and refuses a second holder while a live process has it', async () => {
    const dataDir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'corner.lock'), String(holder.pid));
      expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dataDir)).toThrow(/in use by another Corner process/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died (kill -9), and releases it', async () => {
    const dataDir = tempDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'corner.lock'), String(dead.pid));
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'corner.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dataDir, 'corner.lock'))).toBe(false);
  });

  it('makes the data folder when its parents do not exist yet', () => {
    const dataDir = tempDir();
    const lock = lockDataDir(dataDir);
    expect(fs.existsSync(dataDir)).toBe(true);
    lock.release();
  });
});
