import { describe, expect, it } from 'vitest';
import { runMode } from './modes';
import type { MatchingMode } from './problem-file';
import { type TinyInstance, toInput } from './test-support';
import { whyNot } from './why-not';

const names = { mentee: ['Ana', 'Ben', 'Cy'], mentor: ['Gia', 'Hal', 'Ivy'] };

function ask(
  instance: TinyInstance,
  mode: MatchingMode,
  mentee: number,
  mentor: number,
  guideScore?: number[],
) {
  const input = toInput(instance);
  const options = { guideScore: guideScore ? Float64Array.from(guideScore) : undefined };
  const run = runMode(input, mode, options);
  return whyNot({
    input,
    guideScore: options.guideScore,
    mode,
    menteeEdge: run.solution.menteeEdge,
    threshold: run.certificate.kind === 'fair' ? run.certificate.fair.threshold : null,
    mentee,
    mentor,
    menteeName: (i) => names.mentee[i] ?? '?',
    mentorName: (j) => names.mentor[j] ?? '?',
  });
}

// Gia (one seat) fits Ana 0.9 and Ben 0.8; Ben's alternative Hal fits him only 0.2, Ana's Hal 0.7.
// Optimal gives Gia to Ben (0.8 + 0.7 = 1.5 beats 0.9 + 0.2 = 1.1).
const contested: TinyInstance = {
  menteeCount: 2,
  capacity: [1, 1],
  edges: [
    [0, 0, 0.9],
    [0, 1, 0.7],
    [1, 0, 0.8],
    [1, 1, 0.2],
  ],
};

describe('whyNot', () => {
  it("optimal: names what keeping the pair costs (the seat's price) and who would lose the seat", () => {
    const answer = ask(contested, 'optimal', 0, 0);
    // Keeping Ana–Gia: Ana–Gia + Ben–Hal = 1.1, against the run's 1.5.
    expect(answer.reason).toBe(
      "Gia's seats do more good where they are: giving one to Ana would lower the total fit by 0.4 (Ben would lose their seat with Gia).",
    );
    expect(answer.change).toBe("The pair's fit (0.9) would have to rise by more than 0.4.");
  });

  it('stable: says whom the guide preferred, and what ranking would change it', () => {
    // Gia ranks Ben above Ana (guide scores 0.1 vs 0.9), so stable mode seats Ben with Gia.
    const answer = ask(contested, 'stable', 0, 0, [0.1, 0.5, 0.9, 0.5]);
    expect(answer.reason).toBe(
      "Gia's seats went to people Gia ranks higher: Ben (0.9); Gia ranks Ana at 0.1.",
    );
    expect(answer.change).toBe('Gia would have to rank Ana above Ben, who would then lose the seat.');
    // Ben, seated with Gia, prefers her to Hal: he is asked why not Hal.
    expect(ask(contested, 'stable', 1, 1, [0.1, 0.5, 0.9, 0.5]).reason).toMatch(
      /^Ben prefers Gia \(fit 0\.8\) to Hal/,
    );
  });

  it('fair: a pair below the guaranteed worst fit is refused for that reason', () => {
    // Fair pairs Ana–Hal (0.7) and Ben–Gia (0.8): worst 0.7. Ben–Hal fits 0.2.
    const answer = ask(contested, 'fair', 1, 1);
    expect(answer.reason).toBe(
      'Ben and Hal fit 0.2, below the worst fit the fair run gives anyone (0.7): choosing them would make the worst-off pair worse.',
    );
  });

  it('names pairs that are not allowed, guides without seats, and pairs already together', () => {
    const sparse: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 0],
      edges: [
        [0, 0, 1],
        [1, 1, 1],
      ],
    };
    expect(ask(sparse, 'optimal', 1, 0).reason).toMatch(/^Ben and Gia are not an allowed pair/);
    expect(ask(sparse, 'optimal', 1, 1).reason).toBe('Hal has no seats in this cohort.');
    expect(ask(sparse, 'optimal', 0, 0)).toEqual({
      reason: 'Ana and Gia are matched together in this run.',
      change: null,
    });
  });

  it('says when a seat would leave someone unmatched', () => {
    const tight: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 0.1],
        [0, 1, 0.9],
        [1, 1, 0.3],
      ],
    };
    // Optimal: Ana–Gia, Ben–Hal (both matched). Ana with Hal would leave Ben unmatched.
    const answer = ask(tight, 'optimal', 0, 1);
    expect(answer.reason).toBe(
      'Giving Ana a seat with Hal would leave someone unmatched (Ben would lose their seat with Hal): this run matches as many people as the cohort can.',
    );
  });
});
