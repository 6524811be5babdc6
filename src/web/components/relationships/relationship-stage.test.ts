import { describe, expect, it } from 'vitest';
import { dueStage, type StageFacts } from './relationship-stage';

const fresh: StageFacts = {
  status: 'active',
  hasAcceptedAgreement: false,
  heldSessions: 0,
  plannedEndDate: '2027-06-01',
  today: '2026-12-04',
};

describe('the stage a relationship page opens on', () => {
  it.each([
    ['a fresh relationship', fresh, 'starting'],
    ['agreed but no session held yet', { ...fresh, hasAcceptedAgreement: true }, 'starting'],
    ['agreed with a held session', { ...fresh, hasAcceptedAgreement: true, heldSessions: 1 }, 'working'],
    ['sessions held without an accepted agreement', { ...fresh, heldSessions: 2 }, 'starting'],
    [
      'open-ended and working',
      { ...fresh, hasAcceptedAgreement: true, heldSessions: 4, plannedEndDate: null },
      'working',
    ],
    [
      'past its planned end',
      { ...fresh, hasAcceptedAgreement: true, heldSessions: 6, today: '2027-06-01' },
      'closing',
    ],
    ['closed', { ...fresh, status: 'closed' }, 'closing'],
  ] as const)('%s → %s', (_name, facts, stage) => {
    expect(dueStage(facts)).toBe(stage);
  });
});
