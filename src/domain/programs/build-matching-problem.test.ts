import { describe, expect, it } from 'vitest';
import { solveMatching } from '../matching/solve';
import type { GuideApplicationProfile, MemberApplicationProfile } from './application';
import {
  buildMatchingProblem,
  type GuideApplication,
  type MemberApplication,
} from './build-matching-problem';
import { explainMatches } from './explain-matches';

const at = new Date('2026-11-21T12:00:00Z');

const memberProfile = (overrides: Partial<MemberApplicationProfile> = {}): MemberApplicationProfile => ({
  role: 'member',
  organization: 'Acme',
  timeZone: 'Europe/Berlin',
  languages: ['en'],
  formats: ['video'],
  goal: '',
  skillGaps: [{ area: 'pricing', category: 'iq' }],
  style: null,
  structure: null,
  seniority: null,
  ...overrides,
});

const guideProfile = (overrides: Partial<GuideApplicationProfile> = {}): GuideApplicationProfile => ({
  role: 'guide',
  organization: 'Globex',
  timeZone: 'Europe/London',
  languages: ['en'],
  formats: ['video'],
  expertise: ['pricing'],
  capacity: 1,
  availability: [{ weekday: 2, start: '10:00', end: '16:00' }],
  style: 'blend',
  structure: 'blend',
  approach: 'blend',
  worksWith: [],
  ...overrides,
});

const m = (id: string, overrides?: Partial<MemberApplicationProfile>): MemberApplication => ({
  id,
  name: id,
  profile: memberProfile(overrides),
});
const g = (id: string, overrides?: Partial<GuideApplicationProfile>): GuideApplication => ({
  id,
  name: id,
  profile: guideProfile(overrides),
});

describe('cohort matching problem', () => {
  it('leaves out same-organization pairs, pairs with no shared hours, and blocked pairs, saying why', () => {
    const members = [
      m('ana'),
      m('ben', { organization: 'Initech' }),
      m('cy', { timeZone: 'Pacific/Auckland' }),
    ];
    const guides = [
      g('acme-guide', { organization: 'Acme' }),
      g('night-owl', { availability: [{ weekday: 7, start: '02:00', end: '03:00' }] }),
      g('good'),
    ];
    const problem = buildMatchingProblem(
      members,
      guides,
      [{ memberApplicationId: 'ben', guideApplicationId: 'good', decision: 'block' }],
      at,
    );
    const pairs = Array.from(
      problem.input.edgeMentee,
      (mentee, e) => `${members[mentee]?.id}-${guides[problem.input.edgeMentor[e] ?? -1]?.id}`,
    );
    expect(pairs).toContain('ana-good');
    expect(pairs).toContain('ben-acme-guide');
    expect(pairs).not.toContain('ana-acme-guide');
    expect(pairs).not.toContain('ana-night-owl');
    expect(pairs).not.toContain('ben-good');
    expect(problem.noOptions.get(2)).toMatch(/no shared hours/);
  });

  it('keeps a pinned pair even past a hard exclusion, and the solver honours it', () => {
    const members = [m('ana'), m('ben')];
    const guides = [g('acme-guide', { organization: 'Acme', capacity: 1 }), g('good', { capacity: 1 })];
    const problem = buildMatchingProblem(
      members,
      guides,
      [{ memberApplicationId: 'ana', guideApplicationId: 'acme-guide', decision: 'pin' }],
      at,
    );
    const solution = solveMatching(problem.input, problem.constraints);
    expect(solution.menteeMentor[0]).toBe(0);
    expect(solution.menteePinned[0]).toBe(1);
    expect(solution.menteeMentor[1]).toBe(1);
  });

  it('explains each chosen pair with fit reasons and the margin over the runner-up', () => {
    const members = [m('ana', { skillGaps: [{ area: 'pricing', category: 'iq' }] })];
    const guides = [g('pricing-pro', { expertise: ['pricing'] }), g('generalist', { expertise: ['hiring'] })];
    const problem = buildMatchingProblem(members, guides, [], at);
    const [explanation] = explainMatches(problem, solveMatching(problem.input, problem.constraints)).pairs;
    expect(explanation?.mentorIndex).toBe(0);
    expect(explanation?.why.join(' ')).toMatch(/pricing/);
    expect(explanation?.margin).toBeGreaterThan(0);
  });

  it('writes the reasons for the admin who reads them, never to the member ("you")', () => {
    const members = [
      m('ana', {
        skillGaps: [{ area: 'pricing', category: 'iq' }],
        style: 'supportive',
        seniority: 'senior',
      }),
    ];
    const guides = [g('pricing-pro', { expertise: ['pricing'] })];
    const problem = buildMatchingProblem(members, guides, [], at);
    const reasons = problem.edgeWhy.flat();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).not.toMatch(/\byou(r)?\b/i);
    expect(reasons.join(' ')).toMatch(/the member/);
  });
});
