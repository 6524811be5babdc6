import type { CreateEntryInput } from '../../src/server/journal/schemas';
import type { Mailer } from '../../src/server/mail/mailer';

export const quietMailer: Mailer = { send: async () => {} };
export const at = (iso: string) => new Date(iso);

/**
 * Words only the other side may read. The growth record test checks that none of them ever appears
 * in Maya's export: Sam's and Priya's private notes, their journals (Priya's shared entry included:
 * a journal entry stays its author's record), Sam's self-reflection, Sam's mid-point answers (Maya
 * never answered hers, so they stay blind) and Sam's pulse for a session Maya did not rate.
 */
export const secrets = {
  samNote1: 'SAM-PRIVATE-NOTE worried she over-prepares',
  samNote2: 'SAM-PRIVATE-NOTE second session felt rushed',
  samJournal: 'SAM-JOURNAL-PRIVATE my own doubts as a mentor',
  samShared: 'SAM-JOURNAL-SHARED a note Sam shared',
  samSelf: 'SAM-SELF-REFLECTION I talked too much',
  samMidpoint: 'SAM-MIDPOINT blind until Maya answers',
  samPulse: 'SAM-PULSE-hurried',
  priyaNote: 'PRIYA-PRIVATE-NOTE about her manager',
  priyaJournal: 'PRIYA-JOURNAL-PRIVATE not for Maya',
  priyaShared: 'PRIYA-JOURNAL-SHARED shared with her guide',
} as const;

export const othersSecrets: string[] = Object.values(secrets);

export const journalEntry = (input: Partial<CreateEntryInput>): CreateEntryInput => ({
  relationshipId: null,
  promptId: null,
  sharedWithGuide: false,
  pinnedForNextSession: false,
  decision: null,
  ...input,
});
