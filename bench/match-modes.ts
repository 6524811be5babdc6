// Matching modes side by side: optimal, stable and fair on the open benchmark's instance families
// (`corner match generate`), each solved and then verified by the independent checker, in one run.
// Run with `npm run bench:match-modes`; it prints figures and does not pass or fail.
// HiGHS comparisons of the optimal mode are in `npm run bench:match`.
import { generateMatchingInstance, type InstanceRecipe } from '../src/domain/matching/generate';
import { runMode, verifyMode } from '../src/domain/matching/modes';
import { MATCHING_MODES } from '../src/domain/matching/problem-file';

const RECIPES: (InstanceRecipe & { title: string })[] = [
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
    title: 'popular 10,000 × 2,000, degree 50',
    mentees: 10_000,
    guides: 2_000,
    degree: 50,
    kind: 'popular',
    seed: 2,
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
    title: 'random 40,000 × 10,000, degree 50, guide scores',
    mentees: 40_000,
    guides: 10_000,
    degree: 50,
    kind: 'random',
    seed: 7,
    capacity: 5,
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

const only = process.env.BENCH_ONLY;
const fixed = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));

for (const recipe of RECIPES) {
  if (only !== undefined && !recipe.title.includes(only)) continue;
  const { input, guideScore } = generateMatchingInstance(recipe);
  const options = { guideScore: guideScore ?? undefined };
  console.log(`\n${recipe.title}: ${input.edgeMentee.length.toLocaleString('en-US')} pairs`);
  console.log('  mode      solve s  verify s  matched  total fit  worst fit  blocking  moved');
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
    console.log(
      `  ${mode.padEnd(8)} ${solveSeconds.toFixed(3).padStart(8)} ${verifySeconds.toFixed(3).padStart(9)} ${String(run.solution.matched).padStart(8)} ${fixed(run.solution.objective).padStart(10)} ${fixed(run.worstFit, 4).padStart(10)} ${String(run.blockingPairs).padStart(9)} ${String(moved).padStart(6)}${proof.ok ? '' : '  NOT PROVED'}`,
    );
  }
}
