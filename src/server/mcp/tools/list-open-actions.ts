import { z } from 'zod';
import { listActions } from '../../actions/action-operations';
import { listRelationships } from '../../relationships/get-relationship';
import { defineTool } from '../tool';

export const listOpenActionsTool = defineTool({
  name: 'list_open_actions',
  title: 'My open actions',
  description: 'The open actions of all my relationships, with their due dates and owners.',
  inputSchema: z.object({}),
  readOnly: true,
  run: async ({ db, actor }) => {
    const relationships = (await listRelationships(db, actor)).filter((rel) => rel.status === 'active');
    const lists = await Promise.all(relationships.map((rel) => listActions(db, actor, rel.id)));
    return { actions: lists.flat().filter((action) => action.status === 'open') };
  },
});
