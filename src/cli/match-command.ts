import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { compareModes } from '../domain/matching/compare-modes';
import { generateMatchingInstance, INSTANCE_KINDS, type InstanceKind } from '../domain/matching/generate';
import { verifyMode } from '../domain/matching/modes';
import { totalFit } from '../domain/matching/pair-edges';
import {
  MATCHING_MODES,
  type MatchingMode,
  type MatchingProblem,
  parseMatchingProblem,
} from '../domain/matching/problem-file';
import { weightKeptPairs } from '../domain/matching/rematch';
import { readResult } from '../domain/matching/result-file';
import { indexProblem, rematchProblem, solveProblemInMode } from '../domain/matching/solve-problem';
import { CliUsageError } from './export-command';
import { writeProblemFile } from './write-problem-file';

/** A check that ran and found the claim false (`match verify`): exit 1, unlike bad input (exit 2). */
export class CheckFailedError extends Error {}

function readJson(file: string): unknown {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new CliUsageError(`There is no file ${file}.`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`${name} is not valid JSON: ${reason}`);
  }
}

/** Reads and validates a §5 problem file; every way it can be wrong becomes one readable error. */
function readProblem(file: string): MatchingProblem {
  const parsed = parseMatchingProblem(readJson(file));
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) => `  ${error.path}: ${error.message}`);
    if (parsed.total > parsed.errors.length)
      lines.push(`  … and ${parsed.total - parsed.errors.length} more`);
    const count = parsed.total === 1 ? '1 problem' : `${parsed.total} problems`;
    throw new CliUsageError(
      `${path.basename(file)} is not a valid matching problem (${count}):\n${lines.join('\n')}`,
    );
  }
  return parsed.problem;
}

function parseMode(value: string): MatchingMode {
  if ((MATCHING_MODES as readonly string[]).includes(value)) return value as MatchingMode;
  throw new CliUsageError(`--mode must be "optimal", "stable" or "fair", got "${value}".`);
}

function wholeNumber(name: string, min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new CliUsageError(`--${name} must be a whole number of at least ${min}, got "${value}".`);
    return parsed;
  };
}

/** The pairs of an earlier result file, to keep in a rematch. */
function readKeptPairs(file: string): [string, string][] {
  const data = readJson(file) as { assignments?: unknown };
  const pairs = data?.assignments;
  const isPair = (pair: unknown): pair is [string, string] =>
    Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';
  if (!Array.isArray(pairs) || !pairs.every(isPair))
    throw new CliUsageError(
      `${path.basename(file)} has no "assignments" list of [menteeId, mentorId] pairs to keep.`,
    );
  return pairs;
}

function parseCapacity(value: string): number | [number, number] {
  const range = /^(\d+)-(\d+)$/.exec(value);
  if (range) {
    const least = Number(range[1]);
    const most = Number(range[2]);
    if (least <= most) return [least, most];
  }
  if (/^\d+$/.test(value)) return Number(value);
  throw new CliUsageError(`--capacity must be a whole number or a range like 1-7, got "${value}".`);
}

const MODE_HELP = 'optimal (best total fit), stable (no blocking pair) or fair (best worst fit)';

export function registerMatchCommand(program: Command): void {
  const match = program.command('match').description('matching problems (the file format of PRODUCT.md §5)');
  match
    .command('solve')
    .description('solve a problem: optimal by default, or the mode the file or --mode names')
    .argument('<problem>', 'problem file: {"mentors": [...], "mentees": [...], "edges": [...]}')
    .option('--mode <mode>', MODE_HELP)
    .option(
      '--keep <result>',
      'rematch with the fewest changes: keep as many pairs of this earlier result as possible (optimal mode)',
    )
    .option('--out <file>', 'write the result here (default: print it)')
    .action((file: string, options: { out?: string; mode?: string; keep?: string }) => {
      const problem = readProblem(file);
      const mode = options.mode === undefined ? undefined : parseMode(options.mode);
      const keep = options.keep === undefined ? undefined : readKeptPairs(options.keep);
      if (keep !== undefined && (mode ?? problem.mode ?? 'optimal') !== 'optimal')
        throw new CliUsageError(
          '--keep rematches in optimal mode only: leave out --mode, or use --mode optimal.',
        );
      const started = performance.now();
      const output = keep === undefined ? solveProblemInMode(problem, mode) : rematchProblem(problem, keep);
      const { result, run } = output;
      const seconds = (performance.now() - started) / 1000;
      const json = `${JSON.stringify({ ...output.file, seconds })}\n`;
      if (options.out === undefined) {
        process.stdout.write(json);
        return;
      }
      fs.writeFileSync(options.out, json);
      const total = problem.mentees.length;
      const { kept, moves } = output.file;
      const rematch =
        kept === undefined
          ? ''
          : `; kept ${kept} of ${keep?.length ?? 0} pairs, ${moves?.length ?? 0} people move`;
      console.log(
        `Matched ${result.matched} of ${total} mentee${total === 1 ? '' : 's'} (${run.mode}: total fit ${result.objective}, worst fit ${run.worstFit ?? '–'}, ${run.blockingPairs} blocking pairs${rematch}) in ${seconds.toFixed(3)} s; wrote ${options.out}.`,
      );
    });

  match
    .command('verify')
    .description('check a result against its problem without the solver; exit 0 when proved, 1 when not')
    .argument('<problem>', 'the problem file')
    .argument('<result>', 'the result file `corner match solve` wrote')
    .action((problemFile: string, resultPath: string) => {
      const problem = readProblem(problemFile);
      const indexed = indexProblem(problem);
      const read = readResult(readJson(resultPath), indexed);
      if (!read.ok) {
        const lines = read.errors.slice(0, 20).map((error) => `  ${error}`);
        if (read.malformed)
          throw new CliUsageError(
            `${path.basename(resultPath)} is not a matching result:\n${lines.join('\n')}`,
          );
        throw new CheckFailedError(`✗ The result does not belong to this problem:\n${lines.join('\n')}`);
      }
      if (problem.mode !== undefined && problem.mode !== read.mode)
        throw new CheckFailedError(
          `✗ The problem asks for ${problem.mode} mode; the result is ${read.mode}.`,
        );
      // A rematch's prices prove it optimal for its keep-first objective, so check it on that.
      const proofInput = read.keep.length > 0 ? weightKeptPairs(indexed.input, read.keep) : indexed.input;
      const proofSolution =
        read.keep.length > 0
          ? { ...read.solution, objective: totalFit(proofInput, read.solution.menteeEdge) }
          : read.solution;
      const proof = verifyMode(proofInput, read.mode, proofSolution, read.certificate, {
        guideScore: indexed.guideScore,
        constraints: indexed.constraints,
      });
      // The checker speaks in positions; a person reads ids.
      const named = (line: string) =>
        line.replace(/\b(mentee|guide|mentor) (\d+)\b/g, (_, kind: string, index: string) => {
          const id = (kind === 'mentee' ? indexed.menteeIds : indexed.mentorIds)[Number(index)];
          return id === undefined ? `${kind} ${index}` : `${kind === 'mentor' ? 'guide' : kind} "${id}"`;
        });
      const problems = [...read.claims, ...proof.violations].map((line) => `  ${named(line)}`);
      if (!proof.ok || read.claims.length > 0)
        throw new CheckFailedError(
          [`✗ ${proof.ok ? 'The claims are wrong.' : proof.summary}`, ...problems].join('\n'),
        );
      console.log(`✓ ${proof.summary}`);
    });

  match
    .command('compare')
    .description('solve all three modes and show what stability or fairness costs against the optimum')
    .argument('<problem>', 'the problem file')
    .action((file: string) => {
      const indexed = indexProblem(readProblem(file));
      const rows = compareModes(indexed.input, {
        guideScore: indexed.guideScore,
        constraints: indexed.constraints,
      });
      const format = (value: number | null) =>
        value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 3 });
      console.log('mode      matched   total fit   worst fit   blocking pairs   moved vs optimal');
      for (const row of rows)
        console.log(
          [
            row.mode.padEnd(8),
            format(row.matched).padStart(8),
            format(row.totalFit).padStart(11),
            format(row.worstFit).padStart(11),
            format(row.blockingPairs).padStart(16),
            format(row.movedFromOptimal).padStart(18),
          ].join(' '),
        );
    });

  match
    .command('generate')
    .description('write a reproducible benchmark instance (docs/matching-benchmark.md)')
    .requiredOption('--mentees <n>', 'how many mentees', wholeNumber('mentees', 1))
    .requiredOption('--guides <m>', 'how many guides', wholeNumber('guides', 1))
    .option('--degree <d>', 'allowed guides per mentee (dense: every guide)', wholeNumber('degree', 1), 50)
    .option('--kind <kind>', 'random, popular or dense', 'random')
    .option('--seed <s>', 'the seed: the same seed gives the same file', wholeNumber('seed', 0), 1)
    .option('--capacity <c>', 'seats per guide, or a range like 1-7 drawn per guide', parseCapacity, 5)
    .option('--guide-scores', "add each guide's own score for each mentee (a fourth edge element)")
    .option('--mode <mode>', `the mode to ask for in the file: ${MODE_HELP}`)
    .option('--out <file>', 'write here (default: print it)')
    .action(
      async (options: {
        mentees: number;
        guides: number;
        degree: number;
        kind: string;
        seed: number;
        capacity: number | [number, number];
        guideScores?: boolean;
        mode?: string;
        out?: string;
      }) => {
        if (!(INSTANCE_KINDS as readonly string[]).includes(options.kind))
          throw new CliUsageError(`--kind must be "random", "popular" or "dense", got "${options.kind}".`);
        if (options.kind !== 'dense' && options.degree > options.guides)
          throw new CliUsageError(`--degree (${options.degree}) cannot exceed --guides (${options.guides}).`);
        const mode = options.mode === undefined ? undefined : parseMode(options.mode);
        const generated = generateMatchingInstance({
          mentees: options.mentees,
          guides: options.guides,
          degree: options.degree,
          kind: options.kind as InstanceKind,
          seed: options.seed,
          capacity: options.capacity,
          guideScores: options.guideScores === true,
        });
        const bytes = await writeProblemFile(generated, mode, options.out);
        if (options.out !== undefined)
          console.log(
            `Wrote ${options.out}: ${options.mentees} mentees, ${options.guides} guides, ${generated.input.edgeMentee.length} pairs (${(bytes / 1e6).toFixed(1)} MB).`,
          );
      },
    );
}
