import fs from 'node:fs';
import path from 'node:path';

// PGlite has no lock of its own, and two processes on one data folder silently lose each other's writes.
// The lock is a file holding the owner's pid, created with O_EXCL. A lock whose pid is no longer alive
// (the server was killed with -9) is taken over at once, so a crash never needs manual clean-up.
export class DataDirInUseError extends Error {}

export type DataDirLock = { release: () => void };

const LOCK_FILE = 'corner.lock';

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return { release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const owner = readOwner(lockPath);
      if (owner !== null && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(
          `The data folder ${dataDir} is in use by another Corner process (pid ${owner}). ` +
            'Stop that one first, or point CORNER_DATA_DIR at another folder.',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the data folder ${dataDir}: another process keeps taking it.`);
}

function releaseIfOurs(lockPath: string): void {
  if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}
