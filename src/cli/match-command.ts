import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseMatchingProblem } from '../domain/matching/problem-file';
import { solveMatchingProblem } from '../domain/matching/solve-problem';
import { CliUsageError } from './export-command';

/** Reads and validates a §5 problem file; every way it can be wrong becomes one readable error. */
function readProblem(file: string) {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new CliUsageError(`There is no file ${file}.`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`${name} is not valid JSON: ${reason}`);
  }
  const parsed = parseMatchingProblem(data);
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) => `  ${error.path}: ${error.message}`);
    if (parsed.total > parsed.errors.length)
      lines.push(`  … and ${parsed.total - parsed.errors.length} more`);
    const count = parsed.total === 1 ? '1 problem' : `${parsed.total} problems`;
    throw new CliUsageError(`${name} is not a valid matching problem (${count}):\n${lines.join('\n')}`);
  }
  return parsed.problem;
}

export function registerMatchCommand(program: Command): void {
  const match = program.command('match').description('matching problems (the file format of PRODUCT.md §5)');
  match
    .command('solve')
    .description('find the optimal assignment: most mentees matched, then the highest total fit')
    .argument('<problem>', 'problem file: {"mentors": [...], "mentees": [...], "edges": [...]}')
    .option('--out <file>', 'write the result here (default: print it)')
    .action((file: string, options: { out?: string }) => {
      const problem = readProblem(file);
      const started = performance.now();
      const { result } = solveMatchingProblem(problem);
      const seconds = (performance.now() - started) / 1000;
      const json = `${JSON.stringify({ ...result, seconds })}\n`;
      if (options.out === undefined) {
        process.stdout.write(json);
        return;
      }
      fs.writeFileSync(options.out, json);
      const total = problem.mentees.length;
      console.log(
        `Matched ${result.matched} of ${total} mentee${total === 1 ? '' : 's'} (total fit ${result.objective}) in ${seconds.toFixed(3)} s; wrote ${options.out}.`,
      );
    });
}
