// Finds a PostgreSQL server for the database test suite, in this order:
//   1. TEST_DATABASE_URL, when set (CI services, a developer's own server);
//   2. the local server on 127.0.0.1:5432 with trust auth and a database `test`;
//   3. a throwaway cluster made from the installed PostgreSQL binaries, removed again by stop().
// The suite must never skip PostgreSQL silently, so every dead end throws a sentence saying what to do.
//
//   node scripts/ensure-postgres.mjs   -> prints the URL and, for a throwaway cluster, keeps it
//                                         running until Ctrl-C (handy for running one test file by hand)
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/test';
const PROBE_TIMEOUT_MS = 2_000;

/**
 * @typedef {{ url: string; stop: () => Promise<void>; source: string }} PostgresHandle
 * @typedef {PostgresHandle & { port: number; stopServer: () => void; startServer: () => void }} ThrowawayCluster
 *   stopServer/startServer take the running cluster down (`pg_ctl stop -m fast`) and up again on the same
 *   port and data, for tests of what the app does while its database restarts.
 */

/**
 * @param {string} url
 * @returns {Promise<void>} resolves when `select 1` works, rejects with the driver's error otherwise
 */
async function probe(url) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  // A refused connection emits 'error' as well as rejecting connect(); without a listener it would
  // crash the process instead of letting us fall through to the next option.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @param {unknown} error
 * @returns {string}
 */
function describe(error) {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * @param {unknown} error
 * @returns {string | undefined}
 */
function errorCode(error) {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/**
 * @param {string} url server URL pointing at any database
 * @param {string} name
 */
async function createDatabase(url, name) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The local server answers but may lack the `test` database (a fresh `apt-get install postgresql`);
 * creating it is cheaper than starting a whole cluster.
 * @returns {Promise<boolean>}
 */
async function localServerAnswers() {
  try {
    await probe(LOCAL_URL);
    return true;
  } catch (error) {
    if (errorCode(error) !== '3D000') return false; // 3D000 = invalid_catalog_name: no such database
  }
  try {
    await createDatabase(LOCAL_URL, 'test');
    await probe(LOCAL_URL);
    return true;
  } catch {
    return false;
  }
}

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** @returns {string | undefined} the bin folder of the newest installed PostgreSQL */
function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' },
    stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit'],
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function installPostgres() {
  if (!isRoot()) {
    throw new Error(
      'PostgreSQL is not reachable on 127.0.0.1:5432, TEST_DATABASE_URL is not set, and no PostgreSQL binaries ' +
        'exist under /usr/lib/postgresql to start a throwaway server (not root, so not installing them). ' +
        'Install the `postgresql` package or set TEST_DATABASE_URL.',
    );
  }
  console.log('No PostgreSQL binaries under /usr/lib/postgresql; installing the Debian package.');
  const install = ['install', '-y', '--no-install-recommends', 'postgresql'];
  if (run('apt-get', install).status !== 0) {
    // A fresh container usually has no package lists; only then is `apt-get update` worth its time.
    if (run('apt-get', ['update']).status !== 0 || run('apt-get', install).status !== 0) {
      throw new Error('`apt-get install -y postgresql` failed, so no PostgreSQL server can be started.');
    }
  }
}

/**
 * Runs a PostgreSQL binary as the `postgres` system user when we are root, because initdb and postgres
 * refuse to run as root.
 * @param {string} binary
 * @param {string[]} args
 */
function runPg(binary, args) {
  return isRoot()
    ? run('runuser', ['-u', 'postgres', '--', binary, ...args], { quiet: true })
    : run(binary, args, { quiet: true });
}

/** @returns {{ uid: number; gid: number }} */
function postgresUser() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) {
    throw new Error('running as root but there is no `postgres` system user to run the throwaway server as.');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A PostgreSQL cluster of its own on a free port, with an empty database `test`; stop() removes it.
 * @returns {Promise<ThrowawayCluster>}
 */
export async function startThrowaway() {
  let bin = findPostgresBin();
  if (!bin) {
    installPostgres();
    bin = findPostgresBin();
    if (!bin)
      throw new Error('installed `postgresql` but still found no initdb/pg_ctl under /usr/lib/postgresql.');
  }

  // As root the cluster belongs to `postgres`, which must be able to reach the folder; a root-only TMPDIR
  // (some CI runners) would not do, while /tmp always does.
  const dir = mkdtempSync(join(isRoot() ? '/tmp' : tmpdir(), 'corner-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  let stopped = false;
  const remove = () => rmSync(dir, { recursive: true, force: true });

  // Safety net: if the caller dies without calling stop(), do not leave a server and its files behind.
  const onExit = () => {
    if (stopped) return;
    runPg(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    remove();
  };
  process.on('exit', onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    runPg(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    remove();
  };

  try {
    if (isRoot()) {
      const { uid, gid } = postgresUser();
      chownSync(dir, uid, gid);
    }
    // Trust auth and no fsync: a disposable server for tests, never for data anyone keeps.
    const init = runPg(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);

    const port = await freePort();
    const serverOptions = [
      `-k ${dir}`,
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const startServer = () => {
      const start = runPg(join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        '-o',
        serverOptions,
        'start',
      ]);
      if (start.status !== 0) {
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim() : '(no server log)';
        throw new Error(`pg_ctl start failed:\n${start.output}\n${log}`);
      }
    };
    const stopServer = () => {
      const result = runPg(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      if (result.status !== 0) throw new Error(`pg_ctl stop failed:\n${result.output}`);
    };
    startServer();

    const serverUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await createDatabase(serverUrl, 'test');
    const url = `postgres://postgres@127.0.0.1:${port}/test`;
    await probe(url);
    return {
      url,
      port,
      stop,
      stopServer,
      startServer,
      source: `throwaway cluster (${bin}, port ${port}, ${dir})`,
    };
  } catch (error) {
    await stop();
    throw new Error(`could not start a throwaway PostgreSQL server: ${describe(error)}`);
  }
}

/**
 * Returns a PostgreSQL database for tests and a stop() that undoes whatever this call started.
 * @returns {Promise<PostgresHandle>}
 */
export async function ensurePostgres() {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    try {
      await probe(given);
    } catch (error) {
      throw new Error(`TEST_DATABASE_URL is set but its server does not answer: ${describe(error)}`);
    }
    return { url: given, stop: async () => {}, source: 'TEST_DATABASE_URL' };
  }

  // Lets us exercise the throwaway path on a machine that does have a local server.
  const forceThrowaway = process.env.CORNER_TEST_FORCE_THROWAWAY_PG === '1';
  if (!forceThrowaway && (await localServerAnswers())) {
    return { url: LOCAL_URL, stop: async () => {}, source: 'local server on 127.0.0.1:5432' };
  }
  return startThrowaway();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const handle = await ensurePostgres();
    console.log(`${handle.url}  (${handle.source})`);
    if (handle.source.startsWith('throwaway')) {
      console.log('Press Ctrl-C to stop and remove it.');
      const shutdown = () => {
        void handle.stop().then(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      setInterval(() => {}, 1 << 30);
    }
  } catch (error) {
    console.error(`ensure-postgres: ${describe(error)}`);
    process.exit(1);
  }
}
