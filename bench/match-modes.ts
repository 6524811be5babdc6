// Matching modes side by side: optimal, stable and fair on the open benchmark's instance families
// (`corner match generate`), each solved and then verified by the independent checker, in one run.
// Run with `npm run bench:match-modes`; it prints figures and does not pass or fail.
// HiGHS comparisons of the optimal mode are in `npm run bench:match`.
//
// Each instance runs in its own child process, so the peak memory printed is that instance's alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateMatchingInstance, type InstanceRecipe } from '../src/domain/matching/generate';
import { runMode, verifyMode } from '../src/domain/matching/modes';
import { MATCHING_MODES } from '../src/domain/matching/problem-file';

type Recipe = InstanceRecipe & { title: string };

const RECIPES: Recipe[] = [
  {
    title: 'random 3,000 × 1,000, degree 50',
    mentees: 3_000,
    guides: 1_000,
    degree: 50,
    kind: 'random',
    seed: 3,
    capacity: 5,
  },
  {
    title: 'random 10,000 × 2,000, degree 50',
    mentees: 10_000,
    guides: 2_000,
    degree: 50,
    kind: 'random',
    seed: 1,
    capacity: 5,
  },
  {
    title: 'popular 10,000 × 2,000, degree 50',
    mentees: 10_000,
    guides: 2_000,
    degree: 50,
    kind: 'popular',
    seed: 2,
    capacity: 5,
  },
  {
    title: 'random 40,000 × 10,000, degree 50, capacity 1–7 (average 4), guide scores',
    mentees: 40_000,
    guides: 10_000,
    degree: 50,
    kind: 'random',
    seed: 7,
    capacity: [1, 7],
    guideScores: true,
  },
  {
    title: 'dense 3,000 × 1,000 (3 M pairs)',
    mentees: 3_000,
    guides: 1_000,
    degree: 1_000,
    kind: 'dense',
    seed: 4,
    capacity: 5,
  },
];

const fixed = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));
const megabytes = () => process.resourceUsage().maxRSS / 1024;

/** Runs one instance: all three modes, then the checker on each; one line per mode. */
function benchInstance(recipe: Recipe): void {
  const baseline = megabytes();
  const { input, guideScore } = generateMatchingInstance(recipe);
  const options = { guideScore: guideScore ?? undefined };
  const lines: string[] = [];
  let optimal: Int32Array | null = null;
  for (const mode of MATCHING_MODES) {
    const started = performance.now();
    const run = runMode(input, mode, options);
    const solveSeconds = (performance.now() - started) / 1000;
    const checkStarted = performance.now();
    const proof = verifyMode(input, mode, run.solution, run.certificate, options);
    const verifySeconds = (performance.now() - checkStarted) / 1000;
    optimal ??= run.solution.menteeMentor;
    let moved = 0;
    for (let i = 0; i < input.menteeCount; i++) if (run.solution.menteeMentor[i] !== optimal[i]) moved++;
    lines.push(
      `  ${mode.padEnd(8)} ${solveSeconds.toFixed(3).padStart(8)} ${verifySeconds.toFixed(3).padStart(9)} ${String(run.solution.matched).padStart(8)} ${fixed(run.solution.objective).padStart(10)} ${fixed(run.worstFit, 4).padStart(10)} ${String(run.blockingPairs).padStart(9)} ${String(moved).padStart(6)}${proof.ok ? '' : '  NOT PROVED'}`,
    );
  }
  console.log(`\n${recipe.title}: ${input.edgeMentee.length.toLocaleString('en-US')} pairs`);
  console.log('  mode      solve s  verify s  matched  total fit  worst fit  blocking  moved');
  for (const line of lines) console.log(line);
  console.log(`  peak ${megabytes().toFixed(0)} MB (process before the instance: ${baseline.toFixed(0)} MB)`);
}

/** Stable mode alone, for its memory target: the peak of a process that only builds and solves it. */
function stableOnly(recipe: Recipe): void {
  const baseline = megabytes();
  const { input, guideScore } = generateMatchingInstance(recipe);
  const started = performance.now();
  const run = runMode(input, 'stable', { guideScore: guideScore ?? undefined });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nstable alone, ${recipe.title}: ${seconds.toFixed(3)} s, ${run.solution.matched} matched, ${run.blockingPairs} blocking pairs, peak ${megabytes().toFixed(0)} MB (before the instance: ${baseline.toFixed(0)} MB)`,
  );
}

const child = process.env.BENCH_CHILD;
if (child !== undefined) {
  const [kind, index] = child.split(':');
  const recipe = RECIPES[Number(index)];
  if (recipe) (kind === 'stable' ? stableOnly : benchInstance)(recipe);
} else {
  console.log(`Matching modes benchmark: Node ${process.version}, ${new Date().toISOString()}`);
  const only = process.env.BENCH_ONLY;
  const self = fileURLToPath(import.meta.url);
  const runChild = (what: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', self], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_CHILD: what },
    });
  RECIPES.forEach((recipe, index) => {
    if (only === undefined || recipe.title.includes(only)) runChild(`all:${index}`);
  });
  const big = RECIPES.findIndex((recipe) => recipe.mentees === 40_000);
  if (only === undefined || RECIPES[big]?.title.includes(only)) runChild(`stable:${big}`);
}
