// The words an agreement is made of. Kept apart from the rules so momentum, scheduling and the
// schema can share them without importing each other.

export const relationshipKinds = ['mentoring', 'coaching', 'peer'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const relationshipFramings = ['ad-hoc', 'goal-oriented', 'time-framed'] as const;
export type RelationshipFraming = (typeof relationshipFramings)[number];

export const cadences = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];

export const sessionFormats = ['video', 'phone', 'in-person'] as const;
export type SessionFormat = (typeof sessionFormats)[number];

export const responsivenessUnits = ['hours', 'days'] as const;
export type ResponsivenessUnit = (typeof responsivenessUnits)[number];
