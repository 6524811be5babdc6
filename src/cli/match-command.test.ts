import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliUsageError } from './export-command';
import { CheckFailedError, registerMatchCommand } from './match-command';

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
    expect(Object.keys(result)).toEqual([
      'objective',
      'matched',
      'assignments',
      'unmatched',
      'seconds',
      'mode',
      'worstFit',
      'blockingPairs',
      'certificate',
    ]);
    expect(result.mode).toBe('optimal');
    expect(result.certificate.menteeValues).toHaveLength(3);
    expect(result.certificate.mentorPrices).toHaveLength(2);
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

function readJsonFile(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Solves `problem` in `mode` into result.json and returns its path. */
async function solveTo(problemFile: string, mode: string): Promise<string> {
  const out = path.join(dir, `result-${mode}.json`);
  await run('match', 'solve', problemFile, '--mode', mode, '--out', out);
  return out;
}

function captureLog(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    lines.push(line);
  });
  return lines;
}

describe('corner match verify', () => {
  for (const mode of ['optimal', 'stable', 'fair']) {
    it(`proves a ${mode} result and says what it proved`, async () => {
      const problemFile = write('problem.json', problem);
      const result = await solveTo(problemFile, mode);
      const program = new Command().exitOverride();
      registerMatchCommand(program);
      const lines = captureLog();
      await program.parseAsync(['match', 'verify', problemFile, result], { from: 'user' });
      expect(lines.join('\n')).toMatch(new RegExp(`^✓ Proved ${mode}: 2 of 3 mentees matched`));
    });
  }

  it('refuses an optimal result whose prices were tampered with', async () => {
    const problemFile = write('problem.json', problem);
    const resultFile = await solveTo(problemFile, 'optimal');
    const result = readJsonFile(resultFile);
    result.certificate.mentorPrices[0] = [0, 0];
    const tampered = write('tampered.json', result);
    await expect(run('match', 'verify', problemFile, tampered)).rejects.toThrow(/✗ Not proved optimal/);
  });

  it('refuses a worse assignment presented as optimal', async () => {
    const problemFile = write('problem.json', problem);
    const result = readJsonFile(await solveTo(problemFile, 'optimal'));
    // m1 instead of m3 on g1: still valid, but total fit 0.82 + 0.1 < 0.95 + 0.1.
    const worse = {
      ...result,
      objective: 0.92,
      assignments: [
        ['m1', 'g1'],
        ['m2', 'g2'],
      ],
      unmatched: ['m3'],
    };
    await expect(run('match', 'verify', problemFile, write('worse.json', worse))).rejects.toThrow(
      CheckFailedError,
    );
  });

  it('names a blocking pair in a result claimed stable', async () => {
    // Optimal: m1–g1 and m2–g2; but g1 prefers m2 (guide score 0.9), who prefers g1: a blocking pair.
    const problemFile = write('problem.json', {
      mentors: problem.mentors,
      mentees: [{ id: 'm1' }, { id: 'm2' }],
      edges: [
        ['m1', 'g1', 0.9, 0.2],
        ['m1', 'g2', 0.1, 0.5],
        ['m2', 'g1', 0.8, 0.9],
        ['m2', 'g2', 0.7, 0.5],
      ],
    });
    const result = readJsonFile(await solveTo(problemFile, 'optimal'));
    const attempt = run('match', 'verify', problemFile, write('claimed.json', { ...result, mode: 'stable' }));
    await expect(attempt).rejects.toThrow(/Not stable: 1 blocking pair[\s\S]*mentee "m2" and guide "g1"/);
  });

  it('refuses a result from another problem, saying which assignment is impossible', async () => {
    const problemFile = write('problem.json', problem);
    const result = readJsonFile(await solveTo(problemFile, 'fair'));
    const other = { ...result, assignments: [['m1', 'g2'], ...result.assignments.slice(1)] };
    await expect(run('match', 'verify', problemFile, write('other.json', other))).rejects.toThrow(
      /does not belong to this problem:\n {2}assignments\[0\]: \("m1", "g2"\) is not an allowed pair/,
    );
    const stranger = { ...result, assignments: [['m9', 'g1']] };
    await expect(run('match', 'verify', problemFile, write('stranger.json', stranger))).rejects.toThrow(
      /"m9" is not a mentee of this problem/,
    );
  });

  it('refuses a file that is not a result as bad input', async () => {
    const problemFile = write('problem.json', problem);
    await expect(run('match', 'verify', problemFile, write('nothing.json', { hello: 1 }))).rejects.toThrow(
      CliUsageError,
    );
  });

  it('exits 0 when proved, 1 when not and 2 on bad input (the real command)', async () => {
    const problemFile = write('problem.json', problem);
    const good = await solveTo(problemFile, 'optimal');
    const bad = write('bad.json', { ...readJsonFile(good), objective: 3 });
    const corner = (...args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile(process.execPath, ['bin/corner.js', ...args], (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
        );
      });
    const [proved, refused, malformed] = await Promise.all([
      corner('match', 'verify', problemFile, good),
      corner('match', 'verify', problemFile, bad),
      corner('match', 'verify', problemFile, write('x.json', '[')),
    ]);
    expect(proved).toMatchObject({ code: 0 });
    expect(proved.out).toMatch(/✓ Proved optimal/);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.out).toMatch(/✗ The claims are wrong\.\n {2}the result says total fit 3/);
    expect(malformed).toMatchObject({ code: 2 });
    expect(malformed.out).toMatch(/x\.json is not valid JSON/);
  }, 60_000);
});

describe('corner match solve --mode', () => {
  it('refuses an unknown mode', async () => {
    await expect(run('match', 'solve', write('problem.json', problem), '--mode', 'greedy')).rejects.toThrow(
      /--mode must be "optimal", "stable" or "fair", got "greedy"/,
    );
  });

  it("follows the problem file's mode", async () => {
    const out = path.join(dir, 'result.json');
    await run('match', 'solve', write('problem.json', { ...problem, mode: 'fair' }), '--out', out);
    const result = readJsonFile(out);
    expect(result.mode).toBe('fair');
    expect(result.worstFit).toBe(0.1);
    expect(result.certificate.coverAll.mentees).toHaveLength(3);
  });
});

describe('corner match generate', () => {
  it('writes the same valid problem for the same seed, and another for another seed', async () => {
    const first = path.join(dir, 'a.json');
    const again = path.join(dir, 'b.json');
    const other = path.join(dir, 'c.json');
    const args = [
      '--mentees',
      '40',
      '--guides',
      '12',
      '--degree',
      '5',
      '--kind',
      'popular',
      '--guide-scores',
    ];
    await run('match', 'generate', ...args, '--seed', '7', '--out', first);
    await run('match', 'generate', ...args, '--seed', '7', '--out', again);
    await run('match', 'generate', ...args, '--seed', '8', '--out', other);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
    expect(fs.readFileSync(other, 'utf8')).not.toBe(fs.readFileSync(first, 'utf8'));
    const generated = readJsonFile(first);
    expect(generated.mentees).toHaveLength(40);
    expect(generated.mentors).toHaveLength(12);
    expect(generated.edges).toHaveLength(200);
    expect(generated.edges.every((edge: unknown[]) => edge.length === 4)).toBe(true);
    // It is a problem `match solve` accepts, in every mode, with a result `match verify` proves.
    const results = [
      await solveTo(first, 'optimal'),
      await solveTo(first, 'stable'),
      await solveTo(first, 'fair'),
    ];
    const lines = captureLog();
    for (const result of results) {
      const program = new Command().exitOverride();
      registerMatchCommand(program);
      await program.parseAsync(['match', 'verify', first, result], { from: 'user' });
    }
    expect(lines.filter((line) => line.startsWith('✓ Proved'))).toHaveLength(3);
  });

  it("draws each guide's seats from a range", async () => {
    const out = path.join(dir, 'range.json');
    await run(
      'match',
      'generate',
      '--mentees',
      '10',
      '--guides',
      '200',
      '--degree',
      '3',
      '--capacity',
      '1-7',
      '--out',
      out,
    );
    const seats = (readJsonFile(out).mentors as { capacity: number }[]).map((mentor) => mentor.capacity);
    expect(Math.min(...seats)).toBe(1);
    expect(Math.max(...seats)).toBe(7);
  });

  it('makes every mentee a candidate for every guide in a dense instance', async () => {
    const out = path.join(dir, 'dense.json');
    await run('match', 'generate', '--mentees', '6', '--guides', '4', '--kind', 'dense', '--out', out);
    expect(readJsonFile(out).edges).toHaveLength(24);
  });

  const refused: [string[], RegExp][] = [
    [['--kind', 'clustered'], /--kind must be "random", "popular" or "dense", got "clustered"/],
    [['--degree', '0'], /--degree must be a whole number of at least 1, got "0"/],
    [['--degree', '13'], /--degree \(13\) cannot exceed --guides \(12\)/],
    [['--seed', 'x'], /--seed must be a whole number/],
    [['--capacity', '7-1'], /--capacity must be a whole number or a range like 1-7, got "7-1"/],
  ];
  for (const [extra, message] of refused) {
    it(`refuses ${extra.join(' ')}`, async () => {
      const attempt = run('match', 'generate', '--mentees', '4', '--guides', '12', ...extra);
      await expect(attempt).rejects.toThrow(message);
    });
  }
});

describe('corner match compare', () => {
  it('shows all three modes with what each costs against the optimum', async () => {
    const lines = captureLog();
    const program = new Command().exitOverride();
    registerMatchCommand(program);
    await program.parseAsync(['match', 'compare', write('problem.json', problem)], { from: 'user' });
    expect(lines[0]).toMatch(/mode +matched +total fit +worst fit +blocking pairs +moved vs optimal/);
    expect(lines.slice(1).map((line) => line.split(/ +/)[0])).toEqual(['optimal', 'stable', 'fair']);
    // Stable seats m3 on g1 and m2 on g2 too here: the same pairs as the optimum, nobody moved.
    expect(lines[2]?.trim().split(/ +/)).toEqual(['stable', '2', '1.05', '0.1', '0', '0']);
  });
});

describe('corner match solve --keep', () => {
  it('rematches keeping earlier pairs, lists who moves, and verify proves it', async () => {
    const problemFile = write('problem.json', problem);
    const first = readJsonFile(await solveTo(problemFile, 'optimal'));
    // A new mentee and a new guide join; the rematch keeps m3–g1 and m2–g2 and seats m4 with g3.
    const grown = write('grown.json', {
      ...problem,
      mentors: [...problem.mentors, { id: 'g3', capacity: 1 }],
      mentees: [...problem.mentees, { id: 'm4' }],
      edges: [...problem.edges, ['m4', 'g1', 0.99], ['m4', 'g3', 0.2]],
    });
    const previous = write('previous.json', first);
    const out = path.join(dir, 'rematch.json');
    await run('match', 'solve', grown, '--keep', previous, '--out', out);
    const rematch = readJsonFile(out);
    expect(rematch.kept).toBe(2);
    expect(rematch.moves).toEqual([{ mentee: 'm4', from: null, to: 'g3' }]);
    expect(rematch.assignments).toEqual([
      ['m2', 'g2'],
      ['m3', 'g1'],
      ['m4', 'g3'],
    ]);
    const lines = captureLog();
    const program = new Command().exitOverride();
    registerMatchCommand(program);
    await program.parseAsync(['match', 'verify', grown, out], { from: 'user' });
    expect(lines[0]).toMatch(/^✓ Proved optimal: 3 of 4 mentees matched/);
    // The prices are for the keep-first objective: without the keep list they prove nothing.
    const stripped = write('stripped.json', { ...rematch, keep: undefined });
    await expect(run('match', 'verify', grown, stripped)).rejects.toThrow(CheckFailedError);
  });

  it('refuses --keep in another mode, and a keep file without assignments', async () => {
    const problemFile = write('problem.json', problem);
    const previous = write('previous.json', readJsonFile(await solveTo(problemFile, 'optimal')));
    await expect(run('match', 'solve', problemFile, '--keep', previous, '--mode', 'fair')).rejects.toThrow(
      /--keep rematches in optimal mode only/,
    );
    await expect(run('match', 'solve', problemFile, '--keep', write('x.json', { a: 1 }))).rejects.toThrow(
      /x\.json has no "assignments" list/,
    );
  });
});
