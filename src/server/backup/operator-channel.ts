import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Db } from '../db/client';
import { writeBackup } from './backup-database';
import type { BackupHeader } from './tables';

// The embedded database can be open in one process only (db/data-dir-lock.ts), so while `corner
// serve` runs, `corner backup` cannot open it and asks the server instead. The server listens on a
// Unix socket inside a folder only the operator's own account may enter (0700), in the data folder,
// which holds the database itself: whoever can reach the socket could read every file anyway. It
// answers one request, POST /backup, with the backup file as a stream.

// sockaddr_un holds 108 bytes; a data folder deep in the file system gets its socket in the temp
// folder instead, under a name both processes derive from the data folder.
const MAX_SOCKET_PATH_BYTES = 100;

export function operatorSocketPath(dataDir: string): string {
  const inside = path.join(dataDir, 'operator', 'corner.sock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH_BYTES) return inside;
  const digest = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `corner-operator-${digest}`, 'corner.sock');
}

export type OperatorChannel = { close: () => Promise<void> };

export async function startOperatorChannel(
  db: Db,
  dataDir: string,
  clock: () => Date,
): Promise<OperatorChannel> {
  const socketPath = operatorSocketPath(dataDir);
  const folder = path.dirname(socketPath);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir keeps the mode of a folder that was already there (and the temp folder is shared).
  const owned = fs.statSync(folder);
  if (owned.uid !== process.getuid?.() || (owned.mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
  // This process holds the data folder's lock, so a socket left here is a dead server's.
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/backup') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Only POST /backup is here.\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/gzip' });
    writeBackup(db, response, clock()).catch((error: unknown) => {
      // writeBackup has cut the answer off, so the client sees a failed backup, never a short one.
      console.error('A backup asked for by `corner backup` failed:', error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          fs.rmSync(socketPath, { force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

export type ServedBackup = { rows: number; schemaVersion: number };

/**
 * Asks the server running on this data folder for a backup, written to `outFile`; null when no
 * server listens there (the caller then opens the database itself).
 */
export async function backupThroughServer(
  dataDir: string,
  outFile: string,
  progress: { start: (total: number) => void; advance: (rows: number) => void; stop: () => void },
): Promise<ServedBackup | null> {
  const socketPath = operatorSocketPath(dataDir);
  if (!fs.existsSync(socketPath)) return null;
  const response = await new Promise<http.IncomingMessage | null>((resolve, reject) => {
    const request = http.request({ socketPath, method: 'POST', path: '/backup' }, resolve);
    request.once('error', (error: NodeJS.ErrnoException) => {
      // A socket file with nobody behind it: the server was killed without removing it.
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(null);
      else reject(error);
    });
    request.end();
  });
  if (!response) return null;
  if (response.statusCode !== 200) {
    response.resume();
    throw new Error(`The running Corner refused the backup (HTTP ${response.statusCode}).`);
  }
  return receiveBackup(response, outFile, progress);
}

// The file goes to disk as it arrives; a second reader unzips the same bytes to count rows for the
// progress bar and to check, at the end, that every row the header announced arrived. Until then it
// is `<file>.partial`, so an interrupted backup never sits under the name of a good one.
async function receiveBackup(
  response: http.IncomingMessage,
  outFile: string,
  progress: { start: (total: number) => void; advance: (rows: number) => void; stop: () => void },
): Promise<ServedBackup> {
  const partial = `${outFile}.partial`;
  const file = fs.createWriteStream(partial);
  const gunzip = zlib.createGunzip();
  const state: { header: BackupHeader | null } = { header: null };
  let expected = 0;
  let seen = 0;
  let pending = '';
  const lines = (text: string) => {
    pending += text;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (!state.header) {
        state.header = JSON.parse(line) as BackupHeader;
        // Every row, and one line naming each table.
        expected = state.header.tables.reduce((sum, table) => sum + table.rows + 1, 0);
        progress.start(expected);
      } else {
        seen += 1;
        progress.advance(1);
      }
      newline = pending.indexOf('\n');
    }
  };
  gunzip.setEncoding('utf8');
  gunzip.on('data', lines);
  try {
    await Promise.all([
      pipeline(
        response,
        new PassThrough().on('data', (chunk: Buffer) => gunzip.write(chunk)),
        file,
      ),
      new Promise<void>((resolve, reject) => {
        response.once('end', () => gunzip.end());
        response.once('aborted', () => reject(new Error('the running Corner stopped sending')));
        gunzip.once('end', resolve);
        gunzip.once('error', reject);
      }),
    ]);
    const got = state.header;
    if (!got || seen !== expected) {
      throw new Error(`the backup arrived incomplete (${seen} of ${expected} lines)`);
    }
    fs.renameSync(partial, outFile);
    return { rows: got.tables.reduce((sum, table) => sum + table.rows, 0), schemaVersion: got.schemaVersion };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(
      `The backup from the running Corner failed: ${error instanceof Error ? error.message : String(error)}. ` +
        'Nothing was written; see the server’s output for the reason.',
    );
  } finally {
    progress.stop();
  }
}
