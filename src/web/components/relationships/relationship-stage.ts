import { t } from '@lingui/core/macro';
// A relationship moves through three stages; the page opens on the one that is due and keeps the
// others a click away, so day one is an agreement and a first session, not seventeen sections.
export type Stage = 'starting' | 'working' | 'closing';

export type StageFacts = {
  status: 'invited' | 'proposed' | 'active' | 'declined' | 'closed';
  hasAcceptedAgreement: boolean;
  heldSessions: number;
  /** YYYY-MM-DD or null. */
  plannedEndDate: string | null;
  /** Today in the reader's zone, YYYY-MM-DD. */
  today: string;
};

export function dueStage(facts: StageFacts): Stage {
  if (facts.status === 'closed') return 'closing';
  if (facts.plannedEndDate !== null && facts.plannedEndDate <= facts.today) return 'closing';
  if (!facts.hasAcceptedAgreement || facts.heldSessions === 0) return 'starting';
  return 'working';
}

export const stageLabels = (): Record<Stage, string> => ({
  starting: t`Starting`,
  working: t`Working together`,
  closing: t`Closing`,
});
