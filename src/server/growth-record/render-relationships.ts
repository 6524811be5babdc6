import { cell, day, quote } from './markdown-text';
import { relationshipName, renderActionLines, whoIs } from './render-parts';
import { renderSessions } from './render-sessions';
import type { ActionItem } from './sections/actions';
import type { RelationshipItem } from './sections/relationships';
import type { ReportItem } from './sections/reports';
import type { SessionItem } from './sections/sessions';

// Each relationship is told as one chapter: who and what was agreed, the sessions in date order with
// their notes and next steps, every action, the reflections, the messages and the end report.

type Slices = {
  relationships: RelationshipItem[];
  sessions: SessionItem[];
  actions: ActionItem[];
  reports: ReportItem[];
};

export function renderRelationshipChapters(slices: Slices): string {
  if (slices.relationships.length === 0) return '_No relationships yet._';
  return slices.relationships
    .map((rel) =>
      [
        renderOverview(rel),
        renderSessions(
          rel,
          slices.sessions.filter((session) => session.relationship === rel.ref),
          slices.actions.filter((action) => action.relationship === rel.ref),
        ),
        renderActions(
          rel,
          slices.actions.filter((action) => action.relationship === rel.ref),
        ),
        renderReflections(rel),
        renderMessages(rel),
        renderReport(
          rel,
          slices.reports.find((report) => report.relationship === rel.ref),
        ),
      ]
        .filter((part) => part !== '')
        .join('\n\n'),
    )
    .join('\n\n');
}

function renderOverview(rel: RelationshipItem): string {
  const span = [
    rel.startDate ? `started ${rel.startDate}` : `begun ${day(rel.createdAt)}`,
    rel.closedAt ? `closed ${day(rel.closedAt)}` : null,
    !rel.closedAt && rel.plannedEndDate ? `planned to end ${rel.plannedEndDate}` : null,
  ].filter(Boolean);
  const lines = [
    `### ${relationshipName(rel)}`,
    '',
    `I was the ${rel.myRole} · ${rel.framing} · ${rel.status} · ${span.join(', ')}`,
  ];
  if (rel.goals.length > 0) {
    lines.push('', '**Goals**', '', ...rel.goals.map((goal) => `- ${goal.title} (${goal.status})`));
  }
  const accepted = rel.agreements.filter((version) => version.status === 'accepted').at(-1);
  if (accepted) {
    const { terms } = accepted;
    const replies = terms.responsiveness;
    lines.push(
      '',
      `**Agreement** (version ${accepted.version}, accepted ${accepted.acceptedAt ? day(accepted.acceptedAt) : '—'})`,
      '',
      `- ${capitalized(terms.cadence)} sessions of ${terms.sessionMinutes} minutes (${terms.format}${terms.place ? `, ${terms.place}` : ''})${terms.plannedMonths ? `, planned for ${terms.plannedMonths} months` : ''}`,
      `- Replies within ${replies.within} ${replies.unit} (${replies.channels.join(', ')})`,
    );
    if (terms.intendedOutcomes) lines.push(`- Intended outcomes: ${terms.intendedOutcomes}`);
    if (terms.preparation) lines.push(`- Preparation: ${terms.preparation}`);
    if (terms.confidentiality) lines.push(`- Confidentiality: ${terms.confidentiality}`);
  }
  const others = rel.agreements.filter((version) => version !== accepted);
  if (others.length > 0) {
    const listed = others.map(
      (version) =>
        `version ${version.version} ${version.status} (proposed by ${whoIs(rel, version.proposedBy)}, ${day(version.proposedAt)})`,
    );
    lines.push('', `Other agreement versions: ${listed.join('; ')}.`);
  }
  const plan = rel.plans.at(-1);
  if (plan) {
    lines.push(
      '',
      `**Coaching plan** (version ${plan.version}, ${day(plan.createdAt)})`,
      '',
      quote(plan.assessment),
      '',
      ...plan.focusAreas.map((area) => `- ${area.title}`),
    );
  }
  return lines.join('\n');
}

function renderActions(rel: RelationshipItem, actions: ActionItem[]): string {
  if (actions.length === 0) return '';
  const done = actions.filter((action) => action.status === 'done').length;
  const open = actions.filter((action) => action.status === 'open');
  const lines = ['#### Actions', '', `Done ${done} of ${actions.length}.`];
  if (open.length > 0) lines.push('', '**Still open**', '', ...renderActionLines(rel, open));
  const closed = actions.filter((action) => action.status !== 'open');
  if (closed.length > 0) lines.push('', '**Closed**', '', ...renderActionLines(rel, closed));
  return lines.join('\n');
}

const reflectionTitles: Record<RelationshipItem['reflections'][number]['kind'], string> = {
  midpoint: 'Mid-point check-in',
  retrospective: 'Closing retrospective',
  'guide-self': 'Self-reflection as guide',
  'member-view': 'The member’s view',
};

const answerLabels: Record<string, string> = {
  whatWorks: 'What is working',
  whatToChange: 'What to change',
  onTrack: 'On track for the goal',
  takeaways: 'Key takeaways',
  whatWorked: 'What worked',
  goalAchieved: 'Goal achieved',
  whatsNext: 'What’s next',
  responsive: 'Responsive (1–5)',
  listened: 'Listened (1–5)',
  committed: 'Committed (1–5)',
  guidedRatherThanControlled: 'Guided rather than controlled (1–5)',
  empathy: 'Empathy (1–5)',
  satisfied: 'Satisfied (1–5)',
  valuable: 'Valuable (1–5)',
  goalMet: 'Goal met',
  note: 'Note',
};

// Answers in the order the form asks them; anything unknown (a newer Corner's question) last.
const questionOrder: Record<RelationshipItem['reflections'][number]['kind'], string[]> = {
  midpoint: ['whatWorks', 'whatToChange', 'onTrack'],
  retrospective: ['takeaways', 'whatWorked', 'whatToChange', 'goalAchieved', 'whatsNext'],
  'guide-self': ['responsive', 'listened', 'committed', 'guidedRatherThanControlled', 'empathy', 'note'],
  'member-view': ['satisfied', 'valuable', 'goalMet', 'note'],
};
const answerOrder = (kind: keyof typeof questionOrder, key: string) => {
  const index = questionOrder[kind].indexOf(key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
};

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function renderReflections(rel: RelationshipItem): string {
  if (rel.reflections.length === 0) return '';
  const parts = rel.reflections.map((reflection) => {
    const answers = Object.entries(reflection.answers)
      .filter(([, value]) => String(value).trim() !== '')
      .sort(([a], [b]) => answerOrder(reflection.kind, a) - answerOrder(reflection.kind, b))
      .map(([key, value]) => `- ${answerLabels[key] ?? key}: ${cell(String(value))}`);
    return [
      `**${reflectionTitles[reflection.kind]}**, by ${whoIs(rel, reflection.by)}, ${day(reflection.createdAt)}`,
      '',
      ...answers,
    ].join('\n');
  });
  return ['#### Reflections', '', parts.join('\n\n')].join('\n');
}

function renderMessages(rel: RelationshipItem): string {
  if (rel.messages.length === 0) return '';
  const lines = rel.messages.map(
    (message) => `- ${day(message.createdAt)}, ${whoIs(rel, message.by)}: ${cell(message.body)}`,
  );
  return ['#### Messages', '', ...lines].join('\n');
}

function renderReport(rel: RelationshipItem, report: ReportItem | undefined): string {
  if (!report) return '';
  const lines = [
    '#### End report',
    '',
    `Closed ${day(report.closedAt)}. Held ${report.sessionsHeld} of about ${report.sessionsAgreed} agreed sessions; ${report.actionsDone} of ${report.actionsTotal} actions done.`,
  ];
  if (report.goalAchieved.length > 0) {
    const said = report.goalAchieved.map((entry) => `${whoIs(rel, entry.by)}: ${entry.answer}`);
    lines.push('', `Goal achieved? ${said.join('; ')}.`);
  }
  if (report.keyInsights.length > 0) {
    lines.push(
      '',
      '**Key insights**',
      '',
      ...report.keyInsights.map((insight) => `- ${cell(insight.text)} (${whoIs(rel, insight.by)})`),
    );
  }
  return lines.join('\n');
}
