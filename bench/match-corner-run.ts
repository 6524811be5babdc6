// Child process of bench/match.ts: solves one instance with Corner and prints one JSON line.
// Runs alone in its process so that its peak memory is its own.
import { checkCertificate } from '../src/domain/matching/certificate';
import { solveMatching } from '../src/domain/matching/solve';
import { generateInstance, INSTANCES } from './match-instances';

const RUNS = 3;
const key = process.argv[2];
const spec = INSTANCES.find((instance) => instance.key === key);
if (spec === undefined) throw new Error(`unknown instance ${key}`);

const baselineMb = process.memoryUsage().rss / 2 ** 20;
const input = generateInstance(spec);
const times: number[] = [];
let solution = solveMatching(input);
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  solution = solveMatching(input);
  times.push((performance.now() - started) / 1000);
}
const peakMb = process.resourceUsage().maxRSS / 1024;
const certificate = checkCertificate(input, solution);
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    seconds: times[Math.floor(times.length / 2)],
    best: times[0],
    peakMb,
    baselineMb,
    objective: solution.objective,
    matched: solution.matched,
    certified: certificate.ok,
  }),
);
