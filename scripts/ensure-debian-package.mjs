// Makes sure a program the tests need exists, installing its Debian package when we may (root), from the
// Debian mirrors this machine (and CI) can reach. ensure-chromium.mjs and ensure-radicale.mjs name theirs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

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
 * Returns `path`, installing `packageName` with apt-get first if the file is missing.
 * @param {{ label: string; packageName: string; path: string }} wanted
 * @returns {Promise<string>}
 */
export async function ensureDebianPackage({ label, packageName, path }) {
  if (existsSync(path)) return path;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `${label} is not installed at ${path} and this process is not root, so it cannot install it. ` +
        `Install it with \`sudo apt-get install -y ${packageName}\` and run the tests again.`,
    );
  }

  console.log(`${label} is missing at ${path}; installing the Debian package.`);
  const install = ['install', '-y', '--no-install-recommends', packageName];
  // The first try uses whatever package lists exist; a fresh container often has none, and only then
  // is the slower `apt-get update` worth paying for.
  if (run('apt-get', install) !== 0 || !existsSync(path)) {
    console.log('apt-get install failed; refreshing the package lists and trying again.');
    if (run('apt-get', ['update']) !== 0) {
      throw new Error(
        `\`apt-get update\` failed, so ${label} cannot be installed (is the Debian mirror reachable?).`,
      );
    }
    if (run('apt-get', install) !== 0) {
      throw new Error(`\`apt-get install -y ${packageName}\` failed; see the apt output above.`);
    }
  }
  if (!existsSync(path)) {
    throw new Error(`apt-get reported success but ${path} still does not exist.`);
  }
  return path;
}

/**
 * When `moduleUrl` is the script node was started with: print what `ensure` returns, or why it failed.
 * @param {string} moduleUrl @param {string} name @param {() => Promise<string>} ensure
 */
export async function runIfMain(moduleUrl, name, ensure) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  try {
    console.log(await ensure());
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
