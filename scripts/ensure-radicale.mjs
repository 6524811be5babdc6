// Makes sure the CalDAV server the calendar-sync tests talk to (Debian's Radicale) exists, installing the
// Debian package when we may (root). The tests start it themselves on a free port with their own storage
// folder (test/support/radicale.ts); this only provides the binary.
//
//   node scripts/ensure-radicale.mjs   -> prints the path, or explains why Radicale can't be had
import { ensureDebianPackage, runIfMain } from './ensure-debian-package.mjs';

export const RADICALE_PATH = '/usr/bin/radicale';

/** @returns {Promise<string>} the path of a usable Radicale */
export const ensureRadicale = () =>
  ensureDebianPackage({ label: 'Radicale', packageName: 'radicale', path: RADICALE_PATH });

await runIfMain(import.meta.url, 'ensure-radicale', ensureRadicale);
