import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/free-port';

// Corner as an operator runs it: `node bin/corner.js serve` in a process of its own, so a crash is a
// real exit and SIGTERM is a real signal.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST = '127.0.0.1';
export const AUTH_SECRET = 'faults-test-secret-that-is-long-enough-0123456789';

export type CornerProcess = {
  url: string;
  dataDir: string;
  child: ChildProcess;
  alive: () => boolean;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  output: () => string;
  kill: () => void;
};

export async function startCorner(
  /** Empty for the embedded database in the data folder. */
  databaseUrl: string,
  env: Record<string, string> = {},
  /** A data folder the caller made and removes; otherwise a fresh one, removed at exit. */
  ownDataDir?: string,
): Promise<CornerProcess> {
  const port = await freePort();
  const dataDir = ownDataDir ?? mkdtempSync(join(tmpdir(), 'corner-faults-'));
  const child = spawn(process.execPath, ['bin/corner.js', 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST,
      CORNER_DATA_DIR: dataDir,
      CORNER_ROLES: 'web,worker',
      BETTER_AUTH_SECRET: AUTH_SECRET,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    url: `http://${HOST}:${port}`,
    dataDir,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    output: () => output,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` is true or `timeoutMs` passes; returns how long it took, or null on time-out. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await delay(everyMs);
  }
  return null;
}

export async function isReady(instance: CornerProcess): Promise<boolean> {
  const response = await fetch(`${instance.url}/api/ready`, { signal: AbortSignal.timeout(3_000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Signs a new person up through one instance; the session cookie works on all of them (one secret). */
export async function signUp(instance: CornerProcess, email: string): Promise<string> {
  const response = await fetch(`${instance.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: instance.url },
    body: JSON.stringify({ email, password: 'a-long-password-1', name: 'Fault Tester' }),
  });
  if (response.status !== 200)
    throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.includes('session_token='));
  if (!cookie) throw new Error('sign-up set no session cookie');
  return cookie;
}

export type Outcome =
  | { status: number; retryAfter: string | null; contentType: string | null }
  | { error: string };

/** One authenticated API call; a refused or reset connection is an outcome too, not a throw. */
export async function call(
  instance: CornerProcess,
  cookie: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<Outcome> {
  try {
    const response = await fetch(`${instance.url}${path}`, {
      method,
      headers: { cookie, origin: instance.url, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
    };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

/** Reads and writes against every instance, `perInstance` at a time, until stop() is called. */
export function steadyLoad(instances: CornerProcess[], cookie: string, perInstance = 2) {
  const outcomes: Outcome[] = [];
  let running = true;
  let counter = 0;
  const loops = instances.flatMap((instance) =>
    Array.from({ length: perInstance }, async (_, lane) => {
      while (running) {
        const outcome =
          lane % 2 === 0
            ? await call(instance, cookie, 'GET', '/api/v1/goals')
            : await call(instance, cookie, 'POST', '/api/v1/goals', {
                title: `load goal ${counter++}`,
                category: 'iq',
              });
        outcomes.push(outcome);
        if ('error' in outcome) await delay(50);
      }
    }),
  );
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Everything a client must never see from a Corner whose database falters: a 500, or a dead socket. */
export function unacceptable(outcomes: Outcome[]): Outcome[] {
  return outcomes.filter((outcome) => {
    if ('error' in outcome) return true;
    if (outcome.status >= 200 && outcome.status < 300) return false;
    return !(
      outcome.status === 503 &&
      outcome.retryAfter !== null &&
      outcome.contentType?.startsWith('application/problem+json')
    );
  });
}
