// Makes sure the system Chromium used by the e2e journeys exists, installing the Debian package when
// we may (root). playwright-core drives it; we never download Playwright's own browser builds, because
// this machine (and CI) only reaches the npm registry and the Debian mirrors.
//
//   node scripts/ensure-chromium.mjs   -> prints the path, or explains why Chromium can't be had
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

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
 * Returns the path of a usable Chromium, installing it with apt-get if it is missing.
 * @returns {Promise<string>}
 */
export async function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH} and this process is not root, so it cannot install it. ` +
        'Install it with `sudo apt-get install -y chromium` and run the tests again.',
    );
  }

  console.log(`Chromium is missing at ${CHROMIUM_PATH}; installing the Debian package.`);
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  // The first try uses whatever package lists exist; a fresh container often has none, and only then
  // is the slower `apt-get update` worth paying for.
  if (run('apt-get', install) !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.log('apt-get install failed; refreshing the package lists and trying again.');
    if (run('apt-get', ['update']) !== 0) {
      throw new Error(
        '`apt-get update` failed, so Chromium cannot be installed (is the Debian mirror reachable?).',
      );
    }
    if (run('apt-get', install) !== 0) {
      throw new Error('`apt-get install -y chromium` failed; see the apt output above.');
    }
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get reported success but ${CHROMIUM_PATH} still does not exist.`);
  }
  return CHROMIUM_PATH;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(await ensureChromium());
  } catch (error) {
    console.error(`ensure-chromium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
