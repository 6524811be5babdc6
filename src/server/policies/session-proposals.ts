import type { Actor } from '../auth/actor';

type ProposalRecord = { proposedBy: string };

// Booking by agreement (docs/confidentiality.md): both people of the pair see a proposal (the pair itself
// is checked by loadWorkingRelationship, 404 to anyone else); only the one who did not propose it may
// confirm or decline it, and only its proposer may withdraw it.
export const sessionProposalPolicy = {
  canDecide: (actor: Actor, proposal: ProposalRecord) => proposal.proposedBy !== actor.userId,
  canWithdraw: (actor: Actor, proposal: ProposalRecord) => proposal.proposedBy === actor.userId,
};
