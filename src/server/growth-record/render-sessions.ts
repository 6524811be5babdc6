import { sessionTemplates } from '../../domain/sessions/session-templates';
import { formatIn } from '../sessions/present';
import { quote } from './markdown-text';
import { renderActionLines, whoIs } from './render-parts';
import type { ActionItem } from './sections/actions';
import type { RelationshipItem } from './sections/relationships';
import type { SessionItem } from './sections/sessions';

const carriedLabels: Record<string, string> = {
  'open-action': 'open action',
  'unanswered-question': 'open question',
  'journal-note': 'journal note',
};

// The sessions of one relationship in date order: what was prepared, the notes both kept, my own
// private note, the insights, the next steps agreed there and how each of us rated it.
export function renderSessions(
  rel: RelationshipItem,
  sessions: SessionItem[],
  actions: ActionItem[],
): string {
  if (sessions.length === 0) return '#### Sessions\n\n_No sessions yet._';
  return ['#### Sessions', ...sessions.map((session) => renderSession(rel, session, actions))].join('\n\n');
}

function renderSession(rel: RelationshipItem, session: SessionItem, actions: ActionItem[]): string {
  const when = formatIn(new Date(session.startsAt), session.bookedTimeZone);
  const status = session.statusReason ? `${session.status}: ${session.statusReason}` : session.status;
  const lines = [`##### ${when}: ${sessionTemplates[session.template].title}, ${status}`];
  if (session.agendaTopic) lines.push('', `**Topic:** ${session.agendaTopic}`);
  if (session.preNote) {
    const heading = rel.myRole === 'member' ? 'My preparation' : `Prepared by ${whoIs(rel, 'member')}`;
    lines.push('', `**${heading}**`, '', quote(session.preNote));
  }
  const carried = (session.agenda ?? []).filter((item) => item.source !== 'template');
  if (carried.length > 0) {
    lines.push(
      '',
      '**Carried over**',
      '',
      ...carried.map((item) => `- ${item.title} (${carriedLabels[item.source] ?? item.source})`),
    );
  }
  if (session.sharedNotes) {
    const by = session.sharedNotesBy ? ` (last edited by ${whoIs(rel, session.sharedNotesBy)})` : '';
    lines.push('', `**Shared notes**${by}`, '', quote(session.sharedNotes));
  }
  if (session.myPrivateNote?.body) {
    lines.push('', '**My private note**', '', quote(session.myPrivateNote.body));
  }
  if (session.insights) lines.push('', `**Insights:** ${session.insights}`);
  const nextSteps = actions.filter((action) => action.session === session.ref);
  if (nextSteps.length > 0) lines.push('', '**Next steps**', '', ...renderActionLines(rel, nextSteps));
  const { mine, theirs } = session.pulse;
  if (mine) {
    const other = rel.counterpart ?? 'the other side';
    const rated = [`me ${mine.score}/5 “${mine.word}”`];
    if (theirs) rated.push(`${other} ${theirs.score}/5 “${theirs.word}”`);
    lines.push('', `**Pulse:** ${rated.join(' · ')}`);
  }
  return lines.join('\n');
}
