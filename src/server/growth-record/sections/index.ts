import { actionsSection } from './actions';
import { artifactsSection } from './artifacts';
import { decisionsSection } from './decisions';
import { feedbackSection } from './feedback';
import { goalsSection } from './goals';
import { journalSection } from './journal';
import { readinessResultsSection } from './readiness-results';
import { relationshipsSection } from './relationships';
import { reportsSection } from './reports';
import { sessionsSection } from './sessions';
import { shadowMapSection } from './shadow-map';

// Order matters: a section may refer only to records of sections before it (feedback → goals,
// shadow map → feedback, relationships → goals, sessions → relationships, actions → sessions).
// Import runs in this order too.
export const sections = [
  readinessResultsSection,
  goalsSection,
  feedbackSection,
  shadowMapSection,
  artifactsSection,
  relationshipsSection,
  sessionsSection,
  actionsSection,
  journalSection,
  decisionsSection,
  reportsSection,
] as const;
