import { describe, expect, it } from 'vitest';
import { groupTarget } from './group-target';

describe('the cohort a SCIM group stands for', () => {
  it('maps by cohort id as externalId, and refuses to guess between two cohorts of one name', () => {
    const list = [
      { id: 'c1', name: 'Spring' },
      { id: 'c2', name: 'Spring' },
      { id: 'c3', name: 'Autumn' },
    ];
    expect(groupTarget({ displayName: 'Spring', externalId: null }, list)).toBeNull();
    expect(groupTarget({ displayName: 'Spring', externalId: 'c2' }, list)).toEqual({
      cohortId: 'c2',
      role: 'member',
    });
    expect(groupTarget({ displayName: ' autumn ', externalId: null }, list)).toEqual({
      cohortId: 'c3',
      role: 'member',
    });
    expect(groupTarget({ displayName: 'Autumn guides', externalId: null }, list)).toEqual({
      cohortId: 'c3',
      role: 'guide',
    });
  });
});
