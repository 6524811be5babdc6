import { z } from 'zod';
import { listRelationships } from '../../relationships/get-relationship';
import { listSessions } from '../../sessions/get-session';
import { defineTool } from '../tool';

export const listUpcomingSessionsTool = defineTool({
  name: 'list_upcoming_sessions',
  title: 'My upcoming sessions',
  description:
    'Scheduled sessions of all my relationships from now on, soonest first, with times in both zones.',
  inputSchema: z.object({}),
  readOnly: true,
  run: async ({ db, actor, now }) => {
    const relationships = (await listRelationships(db, actor)).filter((rel) => rel.status === 'active');
    const lists = await Promise.all(relationships.map((rel) => listSessions(db, actor, rel.id)));
    const sessions = lists
      .flat()
      .filter((session) => session.status === 'scheduled' && new Date(session.startsAt) >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { sessions };
  },
});
