// Makes sure the CalDAV server the calendar-sync tests talk to (Debian's Radicale) exists, installing the
// Debian package when we may (root). The tests start it themselves on a free port with their own storage
// folder (test/support/radicale.ts); this only provides the binary, from the Debian mirrors this machine
// (and CI) can reach.
//
//   node scripts/ensure-radicale.mjs   -> prints the path, or explains why Radicale can't be had
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const RADICALE_PATH = '/usr/bin/radicale';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    // apt must never stop to ask a question: CI has no stdin.
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/**
 * Returns the path of a usable Radicale, installing it with apt-get if it is missing.
 * @returns {Promise<string>}
 */
export async function ensureRadicale() {
  if (existsSync(RADICALE_PATH)) return RADICALE_PATH;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `Radicale is not installed at ${RADICALE_PATH} and this process is not root, so it cannot install it. ` +
        'Install it with `sudo apt-get install -y radicale` and run the tests again.',
    );
  }

  console.log(`Radicale is missing at ${RADICALE_PATH}; installing the Debian package.`);
  const install = ['install', '-y', '--no-install-recommends', 'radicale'];
  // The first try uses whatever package lists exist; a fresh container often has none, and only then
  // is the slower `apt-get update` worth paying for.
  if (run('apt-get', install) !== 0 || !existsSync(RADICALE_PATH)) {
    console.log('apt-get install failed; refreshing the package lists and trying again.');
    if (run('apt-get', ['update']) !== 0) {
      throw new Error(
        '`apt-get update` failed, so Radicale cannot be installed (is the Debian mirror reachable?).',
      );
    }
    if (run('apt-get', install) !== 0) {
      throw new Error('`apt-get install -y radicale` failed; see the apt output above.');
    }
  }
  if (!existsSync(RADICALE_PATH)) {
    throw new Error(`apt-get reported success but ${RADICALE_PATH} still does not exist.`);
  }
  return RADICALE_PATH;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await ensureRadicale());
  } catch (error) {
    console.error(`ensure-radicale: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
