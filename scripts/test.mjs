// `npm test`: everything CI runs, in the order that fails fastest, stopping at the first red stage.
//
//   node scripts/test.mjs                  all stages
//   node scripts/test.mjs db               PGlite and PostgreSQL database suites
//   node scripts/test.mjs unit e2e ...     any of: typecheck lint unit pglite postgres faults e2e
//                                          (+ groups db, check)
//
// The last line is always `N passed, N failed` (totals over every vitest run); CI reads it.
// Plain Node with built-ins only, so it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensurePostgres } from './ensure-postgres.mjs';
import { ensureRadicale } from './ensure-radicale.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const reportDir = mkdtempSync(join(tmpdir(), 'corner-test-'));

/**
 * @typedef {{ passed: number; failed: number; skipped: number }} Counts
 * @typedef {{ name: string; ok: boolean; seconds: number; counts?: Counts; error?: string }} StageResult
 * @typedef {{ name: string; title: string; run: () => Promise<Counts | undefined> }} Stage
 */

/** A stage failure we can explain in one sentence; anything else is printed with its stack. */
class StageError extends Error {}

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
/** @type {(() => Promise<void>) | undefined} */
let stopPostgres;

/**
 * Local binaries only: `npx` would offer to download a missing tool, which CI must never do.
 * @param {string} name
 */
function bin(name) {
  const path = join(ROOT, 'node_modules', '.bin', name);
  if (!existsSync(path)) throw new StageError(`${path} is missing; run \`npm ci\` first.`);
  return path;
}

/**
 * @param {string} tool
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<number>} exit code
 */
function exec(tool, args, env = {}) {
  const shown = Object.entries(env)
    .map(([key, value]) => `${key}=${value} `)
    .join('');
  console.log(`$ ${shown}${tool} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    // stdin is closed on purpose: CI has none, and no tool may stop to ask a question.
    const child = spawn(bin(tool), args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    current = child;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * @param {string} tool
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
async function mustSucceed(tool, args, env) {
  const code = await exec(tool, args, env);
  if (code !== 0) throw new StageError(`\`${tool} ${args.join(' ')}\` exited with code ${code}.`);
}

/**
 * Runs one vitest project and reads its JSON report. Zero executed tests is a failure: a suite that
 * silently finds nothing (a moved folder, a bad include glob) must not look green.
 * @param {string} stage
 * @param {string} project
 * @param {Record<string, string>} env
 * @returns {Promise<Counts>}
 */
async function vitest(stage, project, env) {
  const reportFile = join(reportDir, `${stage}.json`);
  rmSync(reportFile, { force: true });
  const code = await exec(
    'vitest',
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
    env,
  );
  const counts = readCounts(reportFile);
  if (!counts) {
    throw Object.assign(
      new StageError(
        `vitest (project ${project}) exited with code ${code} and wrote no report: no tests ran.`,
      ),
      { counts: { passed: 0, failed: 0, skipped: 0 } },
    );
  }
  if (counts.passed + counts.failed === 0) {
    throw Object.assign(
      new StageError(`vitest (project ${project}) executed zero tests; a stage never passes empty.`),
      {
        counts,
      },
    );
  }
  if (code !== 0 || counts.failed > 0) {
    throw Object.assign(
      new StageError(`vitest (project ${project}) failed: ${counts.failed} failed, exit code ${code}.`),
      {
        counts,
      },
    );
  }
  return counts;
}

/**
 * @param {string} file
 * @returns {Counts | undefined}
 */
function readCounts(file) {
  if (!existsSync(file)) return undefined;
  /** @type {{ numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number; testResults?: { status?: string; assertionResults?: { status?: string }[] }[] }} */
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load has no failed test in it; count it as one failure so a red run can
  // never end with "0 failed".
  const brokenFiles = (report.testResults ?? []).filter(
    (result) =>
      result.status === 'failed' && !(result.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @type {Stage[]} */
const STAGES = [
  {
    name: 'typecheck',
    title: 'Typecheck (tsc --noEmit)',
    run: async () => {
      await mustSucceed('tsc', ['--noEmit']);
      return undefined;
    },
  },
  {
    name: 'lint',
    title: 'Lint and format (biome ci)',
    run: async () => {
      await mustSucceed('biome', ['ci', '.']);
      return undefined;
    },
  },
  {
    name: 'unit',
    title: 'Unit tests',
    run: () => vitest('unit', 'unit', {}),
  },
  {
    name: 'pglite',
    title: 'Database tests on PGlite',
    run: async () => {
      await needRadicale();
      return vitest('pglite', 'db', { CORNER_TEST_DB: 'pglite' });
    },
  },
  {
    name: 'postgres',
    title: 'Database tests on PostgreSQL',
    run: async () => {
      await needRadicale();
      let handle;
      try {
        handle = await ensurePostgres();
      } catch (error) {
        throw new StageError(`PostgreSQL is required and could not be had: ${message(error)}`);
      }
      stopPostgres = handle.stop;
      console.log(`PostgreSQL: ${handle.source}`);
      try {
        return await vitest('postgres', 'db', { CORNER_TEST_DB: 'postgres', TEST_DATABASE_URL: handle.url });
      } finally {
        stopPostgres = undefined;
        await handle.stop();
      }
    },
  },
  {
    // Once, not per engine: real `corner serve` processes on a PostgreSQL cluster the tests start and
    // restart themselves, so it never touches the server the other stages use.
    name: 'faults',
    title: 'Database faults and graceful shutdown (own PostgreSQL cluster, real processes)',
    run: () => vitest('faults', 'faults', {}),
  },
  {
    name: 'e2e',
    title: 'Browser journeys (e2e)',
    run: async () => {
      let chromium;
      try {
        chromium = await ensureChromium();
      } catch (error) {
        throw new StageError(`Chromium is required and could not be had: ${message(error)}`);
      }
      console.log(`Chromium: ${chromium}`);
      await mustSucceed('vite', ['build']);
      return vitest('e2e', 'e2e', { CHROMIUM_PATH: chromium });
    },
  },
];

const GROUPS = /** @type {Record<string, string[]>} */ ({
  db: ['pglite', 'postgres', 'faults'],
  check: ['typecheck', 'lint'],
});

// The calendar-sync db tests run a real CalDAV server (test/support/radicale.ts starts it per file).
async function needRadicale() {
  try {
    console.log(`Radicale: ${await ensureRadicale()}`);
  } catch (error) {
    throw new StageError(
      `Radicale (the CalDAV server of the calendar tests) could not be had: ${message(error)}`,
    );
  }
}

/** @param {unknown} error */
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {string[]} args
 * @returns {Stage[]}
 */
function selectStages(args) {
  if (args.length === 0) return STAGES;
  const wanted = new Set();
  for (const arg of args) {
    const names = GROUPS[arg] ?? (STAGES.some((stage) => stage.name === arg) ? [arg] : undefined);
    if (!names) {
      const known = [...STAGES.map((stage) => stage.name), ...Object.keys(GROUPS)].join(', ');
      console.error(`Unknown stage "${arg}". Known stages: ${known}.`);
      cleanup();
      process.exit(2);
    }
    for (const name of names) wanted.add(name);
  }
  // Keep the canonical order whatever order the arguments came in: cheap checks first.
  return STAGES.filter((stage) => wanted.has(stage.name));
}

/** @param {number} seconds */
function formatSeconds(seconds) {
  return seconds.toFixed(1);
}

/** @param {StageResult[]} results */
function printSummary(results, notRun = /** @type {string[]} */ ([])) {
  const rows = [
    ['stage', 'result', 'passed', 'failed', 'skipped', 'seconds'],
    ...results.map((result) => [
      result.name,
      result.ok ? 'ok' : 'FAILED',
      result.counts ? String(result.counts.passed) : '-',
      result.counts ? String(result.counts.failed) : '-',
      result.counts ? String(result.counts.skipped) : '-',
      formatSeconds(result.seconds),
    ]),
    ...notRun.map((name) => [name, 'not run', '-', '-', '-', '-']),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(`\n== Summary ${'='.repeat(Math.max(0, widths.reduce((a, b) => a + b + 2, -2) - 11))}`);
  console.log(line(rows[0]));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');

  for (const result of results.filter((entry) => !entry.ok)) {
    console.log(`Failed: ${result.name}: ${result.error ?? 'unknown error'}`);
  }

  const pglite = results.find((result) => result.name === 'pglite')?.counts;
  const postgres = results.find((result) => result.name === 'postgres')?.counts;
  if (pglite && postgres) {
    const pgliteRan = pglite.passed + pglite.failed;
    const postgresRan = postgres.passed + postgres.failed;
    console.log(`Database tests ran on PGlite (${pgliteRan} tests) and PostgreSQL (${postgresRan} tests).`);
    if (pgliteRan !== postgresRan) {
      console.log(
        'Warning: the two database runs executed different numbers of tests; the suite should be the same.',
      );
    }
  }

  const totals = results.reduce(
    (sum, result) => ({
      passed: sum.passed + (result.counts?.passed ?? 0),
      failed: sum.failed + (result.counts?.failed ?? 0),
    }),
    { passed: 0, failed: 0 },
  );
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
}

function cleanup() {
  rmSync(reportDir, { recursive: true, force: true });
}

// On Ctrl-C or a CI cancel, stop the child and a throwaway PostgreSQL rather than orphaning them.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    console.error(`\nInterrupted by ${signal}; cleaning up.`);
    current?.kill(signal);
    const stop = stopPostgres ?? (async () => {});
    void stop()
      .catch(() => {})
      .finally(() => {
        cleanup();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
  });
}

async function main() {
  const stages = selectStages(process.argv.slice(2));
  /** @type {StageResult[]} */
  const results = [];
  let failed = false;

  for (const [index, stage] of stages.entries()) {
    console.log(`\n==> [${index + 1}/${stages.length}] ${stage.name}: ${stage.title}`);
    const started = performance.now();
    /** @type {StageResult} */
    let result;
    try {
      const counts = await stage.run();
      result = { name: stage.name, ok: true, seconds: (performance.now() - started) / 1000, counts };
      console.log(`<== ${stage.name} passed in ${formatSeconds(result.seconds)} s`);
    } catch (error) {
      const counts =
        error && typeof error === 'object' && 'counts' in error
          ? /** @type {Counts} */ (error.counts)
          : undefined;
      result = {
        name: stage.name,
        ok: false,
        seconds: (performance.now() - started) / 1000,
        counts,
        error: message(error),
      };
      const detail =
        error instanceof StageError ? result.error : error instanceof Error ? error.stack : result.error;
      console.error(`<== ${stage.name} FAILED after ${formatSeconds(result.seconds)} s: ${detail}`);
      failed = true;
    }
    results.push(result);
    if (failed) break;
  }

  const notRun = stages.slice(results.length).map((stage) => stage.name);
  printSummary(results, notRun);
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  console.log('0 passed, 0 failed');
} finally {
  cleanup();
}
process.exit(exitCode);
