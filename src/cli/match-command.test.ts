import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliUsageError } from './export-command';
import { registerMatchCommand } from './match-command';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-match-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerMatchCommand(program);
  // Keep the summary line out of the test output.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await program.parseAsync(args, { from: 'user' });
}

const problem = {
  mentors: [
    { id: 'g1', capacity: 1 },
    { id: 'g2', capacity: 1 },
  ],
  mentees: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }],
  edges: [
    ['m1', 'g1', 0.82],
    ['m2', 'g1', 0.9],
    ['m2', 'g2', 0.1],
    ['m3', 'g1', 0.95],
  ],
};

describe('corner match solve', () => {
  it('writes the §5 result with --out', async () => {
    const out = path.join(dir, 'result.json');
    await run('match', 'solve', write('problem.json', problem), '--out', out);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(Object.keys(result)).toEqual(['objective', 'matched', 'assignments', 'unmatched', 'seconds']);
    expect(result.matched).toBe(2);
    expect(result.objective).toBeCloseTo(0.95 + 0.1, 12);
    expect(result.assignments).toEqual([
      ['m2', 'g2'],
      ['m3', 'g1'],
    ]);
    expect(result.unmatched).toEqual(['m1']);
    expect(result.seconds).toBeGreaterThanOrEqual(0);
  });

  it('prints the result without --out', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    await run('match', 'solve', write('problem.json', problem));
    expect(JSON.parse(chunks.join('')).matched).toBe(2);
  });

  const broken: { name: string; content: unknown; message: RegExp }[] = [
    { name: 'invalid JSON', content: '{"mentors": [', message: /problem\.json is not valid JSON/ },
    {
      name: 'an unknown id in an edge',
      content: { ...problem, edges: [['m1', 'g7', 1]] },
      message: /edges\[0\]\[1\]: mentor "g7" is not in "mentors"/,
    },
    {
      name: 'a negative capacity',
      content: { ...problem, mentors: [{ id: 'g1', capacity: -2 }] },
      message: /mentors\[0\]\.capacity: capacity must not be negative/,
    },
    {
      name: 'a non-integer capacity',
      content: { ...problem, mentors: [{ id: 'g1', capacity: 0.5 }] },
      message: /mentors\[0\]\.capacity: capacity must be a whole number/,
    },
    {
      name: 'duplicate ids',
      content: { ...problem, mentees: [{ id: 'm1' }, { id: 'm1' }] },
      message: /mentees\[1\]\.id: mentee id "m1" is used twice/,
    },
    {
      name: 'a "NaN" score',
      content: { ...problem, edges: [['m1', 'g1', 'NaN']] },
      message: /edges\[0\]\[2\]: score must be a finite number, got "NaN"/,
    },
    {
      name: 'a null score',
      content: { ...problem, edges: [['m1', 'g1', null]] },
      message: /edges\[0\]\[2\]: score must be a finite number, got null/,
    },
    {
      name: 'a duplicate edge',
      content: {
        ...problem,
        edges: [
          ['m1', 'g1', 1],
          ['m1', 'g1', 2],
        ],
      },
      message: /edges\[1\]: the pair \("m1", "g1"\) is listed twice/,
    },
  ];
  for (const { name, content, message } of broken) {
    it(`refuses ${name} with a clear error`, async () => {
      const out = path.join(dir, 'result.json');
      const attempt = run('match', 'solve', write('problem.json', content), '--out', out);
      await expect(attempt).rejects.toThrow(CliUsageError);
      await expect(run('match', 'solve', write('problem.json', content))).rejects.toThrow(message);
      expect(fs.existsSync(out)).toBe(false);
    });
  }

  it('says so when the file does not exist', async () => {
    await expect(run('match', 'solve', path.join(dir, 'missing.json'))).rejects.toThrow(/There is no file/);
  });
});
