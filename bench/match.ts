// Matching benchmark: Corner's exact solver against HiGHS on fixed-seed instances (bench/match-instances.ts).
// Run with `npx tsx bench/match.ts`; it prints figures and does not pass or fail.
//
// Each measurement runs in its own child process, so one run's memory never shows up in another's peak.
// The children are bundled to plain JavaScript first: under tsx the loader alone would add ~40 MB.
// HiGHS runs with a time limit and a memory guard and is skipped on instances it cannot hold.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { INSTANCES, type InstanceSpec } from './match-instances';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'node_modules', '.cache', 'corner-bench');
/** HiGHS needs roughly 1 KB per pair; beyond this many pairs it cannot fit its 2 GiB WebAssembly memory. */
const HIGHS_MAX_PAIRS = 5_000_000;
const HIGHS_SECONDS = 240;
const MEMORY_GUARD_MB = 4096;

type Outcome = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

async function bundle(entry: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(here, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['highs'],
    logLevel: 'error',
  });
  return outfile;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a bundled child and parses its last output line, killing it past the time or memory limit. */
function runChild(file: string, args: string[], limitSeconds: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killedFor: string | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const guard = setInterval(() => {
      if (child.pid !== undefined && rssMb(child.pid) > MEMORY_GUARD_MB) {
        killedFor = 'out of memory (guard)';
        child.kill('SIGKILL');
      }
    }, 200);
    const timer = setTimeout(() => {
      killedFor = `timed out after ${limitSeconds} s`;
      child.kill('SIGKILL');
    }, limitSeconds * 1000);
    child.on('close', (code) => {
      clearInterval(guard);
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (killedFor !== null) return resolve({ ok: false, reason: killedFor });
      if (code === 0 && last.startsWith('{')) return resolve({ ok: true, value: JSON.parse(last) });
      const memory = /out of memory|allocation failed|RangeError: WebAssembly|Cannot enlarge memory/i.test(
        err,
      );
      resolve({
        ok: false,
        reason: memory ? 'out of memory' : `failed (exit ${code}): ${err.trim().split('\n')[0] ?? ''}`,
      });
    });
  });
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);
const seconds = (value: number): string =>
  value < 1 ? `${(value * 1000).toFixed(0)} ms` : `${value.toFixed(2)} s`;

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const cornerRun = await bundle('match-corner-run.ts');
  const highsRun = await bundle('match-highs-run.ts');
  const only = process.argv[2];
  const instances = INSTANCES.filter((instance) => only === undefined || only.includes(instance.key));
  console.log(`Matching benchmark: Node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    'Corner: median of 3 solves after a warm-up, in a fresh process; peak = that process’s max RSS.\n',
  );
  for (const spec of instances) await benchInstance(spec, cornerRun, highsRun);
}

async function benchInstance(spec: InstanceSpec, cornerRun: string, highsRun: string): Promise<void> {
  const pairs = spec.mentees * spec.perMentee;
  console.log(`(${spec.key}) ${spec.title} — ${pairs.toLocaleString('en')} pairs, capacity ${spec.capacity}`);
  const corner = await runChild(cornerRun, [spec.key], 600);
  if (!corner.ok) {
    console.log(`  Corner: ${corner.reason}\n`);
    return;
  }
  const c = corner.value;
  console.log(
    `  Corner: ${seconds(num(c.seconds))} (best ${seconds(num(c.best))}), peak ${num(c.peakMb).toFixed(0)} MB ` +
      `(process baseline ${num(c.baselineMb).toFixed(0)} MB), objective ${num(c.objective).toFixed(6)}, ` +
      `matched ${c.matched}, certificate ${c.certified ? 'valid' : 'INVALID'}`,
  );
  if (pairs > HIGHS_MAX_PAIRS) {
    console.log(`  HiGHS:  skipped: too large (${pairs.toLocaleString('en')} pairs)\n`);
    return;
  }
  const highs = await runChild(highsRun, [spec.key, String(HIGHS_SECONDS)], HIGHS_SECONDS + 60);
  if (!highs.ok) {
    console.log(`  HiGHS:  ${highs.reason}\n`);
    return;
  }
  const h = highs.value;
  if (h.status !== 'optimal') {
    console.log(
      `  HiGHS:  ${h.status} after ${seconds(num(h.seconds))}, peak ${num(h.peakMb).toFixed(0)} MB\n`,
    );
    return;
  }
  const gap = Math.abs(num(h.objective) - num(c.objective));
  const same = h.matched === c.matched && gap <= 1e-6 * Math.max(1, Math.abs(num(c.objective)));
  console.log(
    `  HiGHS:  ${seconds(num(h.seconds))}, peak ${num(h.peakMb).toFixed(0)} MB, objective ${num(h.objective).toFixed(6)}, ` +
      `matched ${h.matched} — ${same ? 'same optimum' : `DIFFERENT (|Δ| = ${gap.toExponential(2)})`}`,
  );
  console.log(`  Ratio:  Corner is ${(num(h.seconds) / num(c.seconds)).toFixed(0)}× faster\n`);
}

await main();
