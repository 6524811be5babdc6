import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/support/free-port';

export type StartServerOptions = {
  /** Extra environment for the server, e.g. DATABASE_URL to run against PostgreSQL. */
  env?: Record<string, string>;
  /** The script run as `node <entry> serve`; only the harness's own test replaces it. */
  entry?: string;
};

export type RunningServer = {
  url: string;
  dataDir: string;
  /** Stops the server gracefully and removes its data folder (set CORNER_E2E_KEEP_DATA=1 to keep it). */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash or power cut would; the data folder stays for restart(). */
  kill9(): Promise<void>;
  /** Starts the server again on the same port and data folder (stopping it gracefully first if running). */
  restart(): Promise<void>;
  /** Everything the server printed so far, across restarts. */
  output(): string;
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOST = '127.0.0.1';
// A fresh PGlite data folder needs ~5 s to initialise and migrate; 60 s leaves room for a loaded CI machine.
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 200;
const OUTPUT_LIMIT = 256 * 1024;

const running = new Set<ChildProcess>();

// If the test process exits without stop() (a failed beforeAll, an uncaught error), do not leave servers
// holding ports and data folders behind.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

// The server runs in its own process group so that kill9 also takes down anything it spawned (workers),
// exactly as a crash of the machine would.
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts `node bin/corner.js serve` on a free port with a fresh data folder and resolves once
 * GET /api/health answers 200. Failures include the server's output, which is usually the real cause.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const entry = options.entry ?? join(ROOT, 'bin', 'corner.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'corner-e2e-'));
  const port = await freePort();
  const url = `http://${HOST}:${port}`;
  let log = '';
  let child: ChildProcess | undefined;

  const append = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    // Keep the tail: the last lines explain a failure, and a chatty server must not eat the memory.
    if (log.length > OUTPUT_LIMIT) log = log.slice(-OUTPUT_LIMIT);
  };

  const env: NodeJS.ProcessEnv = { ...process.env };
  // An inherited DATABASE_URL (a developer's shell, the db test stage) would point every journey at one
  // shared database; journeys get their own embedded database unless they ask for one explicitly.
  delete env.DATABASE_URL;
  Object.assign(env, { PORT: String(port), HOST, CORNER_DATA_DIR: dataDir, NO_COLOR: '1' }, options.env);

  const launch = async () => {
    log += `\n--- ${new Date().toISOString()} starting node ${entry} serve on ${url}\n`;
    const spawned = spawn(process.execPath, [entry, 'serve'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    running.add(spawned);
    spawned.stdout?.on('data', append);
    spawned.stderr?.on('data', append);
    spawned.on('exit', (code, signal) => {
      running.delete(spawned);
      log += `\n--- server exited (${signal ?? `code ${code}`})\n`;
    });
    spawned.on('error', (error) => {
      log += `\n--- could not spawn the server: ${error.message}\n`;
    });

    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (spawned.exitCode !== null || spawned.signalCode !== null) {
        throw new Error(`The server exited before it was ready.\n${log}`);
      }
      if (await healthy(url)) return;
      await delay(POLL_INTERVAL_MS);
    }
    killGroup(spawned, 'SIGKILL');
    throw new Error(
      `The server did not answer GET ${url}/api/health with 200 within ${READY_TIMEOUT_MS} ms.\n${log}`,
    );
  };

  const terminate = async () => {
    if (!child) return;
    killGroup(child, 'SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      log += `\n--- server ignored SIGTERM for ${STOP_TIMEOUT_MS} ms; killing it\n`;
      killGroup(child, 'SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  };

  const removeData = async () => {
    if (process.env.CORNER_E2E_KEEP_DATA !== '1') await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (error) {
    await terminate();
    await removeData();
    throw error;
  }

  return {
    url,
    dataDir,
    output: () => log,
    stop: async () => {
      await terminate();
      await removeData();
    },
    kill9: async () => {
      if (!child) return;
      killGroup(child, 'SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    },
    restart: async () => {
      await terminate();
      await launch();
    },
  };
}
