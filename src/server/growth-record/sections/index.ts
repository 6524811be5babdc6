import { artifactsSection } from './artifacts';
import { feedbackSection } from './feedback';
import { goalsSection } from './goals';
import {
  actionsSection,
  decisionsSection,
  journalSection,
  relationshipsSection,
  reportsSection,
  sessionsSection,
} from './pending';
import { readinessResultsSection } from './readiness-results';
import { shadowMapSection } from './shadow-map';

// Order matters: a section may refer only to records of sections before it (feedback → goals,
// shadow map → feedback). Import runs in this order too.
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
