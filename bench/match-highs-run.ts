// Child process of bench/match.ts: solves one instance with HiGHS (the LP relaxation, which is
// integral for bipartite b-matching) and prints one JSON line. It runs in its own process because a
// HiGHS solve blocks its thread and its WebAssembly memory cannot be given back.
import highsLoader from 'highs';
import { generateInstance, INSTANCES } from './match-instances';

const key = process.argv[2];
const timeLimit = Number(process.argv[3] ?? '120');
const spec = INSTANCES.find((instance) => instance.key === key);
if (spec === undefined) throw new Error(`unknown instance ${key}`);

const input = generateInstance(spec);
const highs = await highsLoader();
const n = input.menteeCount;
const edges = input.edgeMentee.length;
let low = Number.POSITIVE_INFINITY;
let high = Number.NEGATIVE_INFINITY;
for (const score of input.edgeScore) {
  low = Math.min(low, score);
  high = Math.max(high, score);
}
// One LP for both levels of the objective: a bonus per match. A bonus above n × spread provably puts
// matches first but slows the simplex down several times over; the default bonus (spread + 1, every
// pair then worth 1 to 2 × any other) reaches the same optimum on these instances, and bench/match.ts
// checks that it does against Corner's certified result.
const safe = process.argv[4] === 'safe';
const bonus = safe ? (n + 1) * Math.max(high - low, 1e-9) + 1 : Math.max(high - low, 1e-9) + 1 - low;
const colCost = new Float64Array(edges);
const starts = new Int32Array(edges + 1);
const indices = new Int32Array(2 * edges);
for (let e = 0; e < edges; e++) {
  colCost[e] = (input.edgeScore[e] ?? 0) + bonus;
  starts[e + 1] = 2 * (e + 1);
  indices[2 * e] = input.edgeMentee[e] ?? 0;
  indices[2 * e + 1] = n + (input.edgeMentor[e] ?? 0);
}
const rowUpper = new Float64Array(n + input.mentorCount);
rowUpper.fill(1, 0, n);
rowUpper.set(input.capacity, n);

const started = performance.now();
let status = 'unknown';
let objective = Number.NaN;
let matched = Number.NaN;
try {
  const model = highs.createModel({
    numCols: edges,
    numRows: n + input.mentorCount,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(edges),
    colUpper: new Float64Array(edges).fill(1),
    rowLower: new Float64Array(n + input.mentorCount).fill(-highs.infinity),
    rowUpper,
    matrix: {
      format: 'csc',
      numRows: n + input.mentorCount,
      numCols: edges,
      starts,
      indices,
      values: new Float64Array(2 * edges).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimit });
    model.run();
    status =
      model.getModelStatus() === highs.constants.modelStatus.optimal
        ? 'optimal'
        : `status ${model.getModelStatus()}`;
    const values = model.getSolution().colValue;
    objective = 0;
    matched = 0;
    for (let e = 0; e < edges; e++) {
      const x = values[e] ?? 0;
      objective += x * (input.edgeScore[e] ?? 0);
      matched += x;
    }
  } finally {
    model.dispose();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  status = /memory|allocat|abort/i.test(message) ? 'out of memory' : `failed: ${message.slice(0, 80)}`;
}
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    status,
    objective,
    matched: Math.round(matched),
  }),
);
