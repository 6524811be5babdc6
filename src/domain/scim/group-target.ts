import { SCIM_GUIDE_GROUP_SUFFIX } from '../settings/scim';

export type Role = 'member' | 'guide';
export type GroupTarget = { cohortId: string; role: Role };

const normalise = (name: string) => name.trim().toLowerCase();

/**
 * The cohort a SCIM group stands for, among the cohorts of the organization's programs: a group whose
 * externalId is the cohort's id, or whose displayName is the cohort's name, invites its members to the
 * cohort as members; "<cohort name> guides" invites them as guides. A name two cohorts share maps to
 * neither (the identity provider should then send the cohort's id as externalId).
 */
export function groupTarget(
  group: { displayName: string; externalId: string | null },
  orgCohorts: { id: string; name: string }[],
): GroupTarget | null {
  const byId = orgCohorts.find((cohort) => cohort.id === group.externalId);
  if (byId) return { cohortId: byId.id, role: 'member' };
  const name = normalise(group.displayName);
  const named = (wanted: string) => orgCohorts.filter((cohort) => normalise(cohort.name) === wanted);
  const asMembers = named(name);
  if (asMembers.length === 1 && asMembers[0]) return { cohortId: asMembers[0].id, role: 'member' };
  if (name.endsWith(SCIM_GUIDE_GROUP_SUFFIX)) {
    const asGuides = named(name.slice(0, -SCIM_GUIDE_GROUP_SUFFIX.length).trim());
    if (asGuides.length === 1 && asGuides[0]) return { cohortId: asGuides[0].id, role: 'guide' };
  }
  return null;
}
