import type { ActionItem } from './sections/actions';
import type { RelationshipItem } from './sections/relationships';

// How the Markdown names relationships, people and actions, the same in every chapter.

const kindNames: Record<RelationshipItem['kind'], string> = {
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  peer: 'Peer exchange',
};

/** "Mentoring with Sam Rivera": how the Markdown names a relationship everywhere. */
export const relationshipName = (rel: RelationshipItem): string =>
  `${kindNames[rel.kind]} with ${rel.counterpart ?? 'someone no longer in Corner'}`;

/** Who said or did something: "me", or the other person by name. */
export const whoIs = (rel: RelationshipItem, side: 'member' | 'guide'): string =>
  side === rel.myRole ? 'me' : (rel.counterpart ?? `the ${side}`);

// A checkbox for what is still to do or done; a step given up or made smaller is struck through,
// with the reason, so nothing disappears silently.
const actionLine = (rel: RelationshipItem, action: ActionItem): string => {
  const who = `${whoIs(rel, action.owner)}${action.dueDate ? `, due ${action.dueDate}` : ''}`;
  if (action.status === 'renegotiated') return `- ~~${action.title}~~ (${who}; made smaller)`;
  if (action.status === 'dropped') {
    return `- ~~${action.title}~~ (${who}; dropped${action.dropReason ? `: ${action.dropReason}` : ''})`;
  }
  const outcome = action.outcome ? `: ${action.outcome}` : '';
  return `- [${action.status === 'done' ? 'x' : ' '}] ${action.title} (${who})${outcome}`;
};

export const renderActionLines = (rel: RelationshipItem, actions: ActionItem[]): string[] =>
  actions.map((action) => actionLine(rel, action));
