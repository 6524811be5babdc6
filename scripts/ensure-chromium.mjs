// Makes sure the system Chromium used by the e2e journeys exists, installing the Debian package when
// we may (root). playwright-core drives it; we never download Playwright's own browser builds, because
// this machine (and CI) only reaches the npm registry and the Debian mirrors.
//
//   node scripts/ensure-chromium.mjs   -> prints the path, or explains why Chromium can't be had
import { ensureDebianPackage, runIfMain } from './ensure-debian-package.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** @returns {Promise<string>} the path of a usable Chromium */
export const ensureChromium = () =>
  ensureDebianPackage({ label: 'Chromium', packageName: 'chromium', path: CHROMIUM_PATH });

await runIfMain(import.meta.url, 'ensure-chromium', ensureChromium);
