// Builds the web app into dist/web. With --if-stale it only builds when a source file is newer than
// the last build, so `npm start` stays quick after the first time and never serves an old bundle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = [
  'src/web',
  'src/domain',
  'vite.config.ts',
  'lingui.config.ts',
  'scripts/vite-lingui-macro.ts',
  'package-lock.json',
];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const ifStale = process.argv.includes('--if-stale');
const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const sourceAt = Math.max(...sources.map(newestMtime));
if (ifStale && builtAt > sourceAt) process.exit(0);

console.log('Building the web app…');
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
