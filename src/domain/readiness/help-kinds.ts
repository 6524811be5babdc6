// The kinds of help the readiness check can recommend, with the words the UI uses for them.

export const helpKinds = [
  'mentor',
  'coach',
  'advisor',
  'peer-group',
  'self-coaching',
  'professional-support',
] as const;

export type HelpKind = (typeof helpKinds)[number];

export const helpKindLabels: Readonly<Record<HelpKind, string>> = {
  mentor: 'Mentor',
  coach: 'Coach',
  advisor: 'Advisor',
  'peer-group': 'Peer group',
  'self-coaching': 'Self-coaching',
  'professional-support': 'Professional support',
};

/** One sentence per kind: what it is, for a person choosing between them. */
export const helpKindDescriptions: Readonly<Record<HelpKind, string>> = {
  mentor:
    'Someone who has done the work you are learning and shows you how they did it: the playbook, concrete advice, examples.',
  coach:
    'A thinking partner who asks rather than tells, so your own way emerges; the work is on how you think and show up, not on a playbook.',
  advisor:
    'An expert you ask about one specific topic, for a clear answer, usually over a few conversations.',
  'peer-group':
    'People at a similar stage who meet regularly to compare notes, share what works and be candid with each other.',
  'self-coaching':
    'Coaching questions you ask yourself, with a journal, goals and check-ins, when a coach is out of reach for now.',
  'professional-support':
    'A therapist, counsellor or doctor: people trained to help when life feels overwhelming, not only work.',
};
