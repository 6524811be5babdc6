import { createEntry } from '../../journal/journal-operations';
import { createEntrySchema } from '../../journal/schemas';
import { defineTool } from '../tool';

export const addJournalEntryTool = defineTool({
  name: 'add_journal_entry',
  title: 'Write a journal entry',
  description:
    'Add an entry to my journal: private unless sharedWithGuide is true; pin it to bring it to the next session, or record a decision (decision, options, expectation) to be asked about after 30 and 90 days.',
  inputSchema: createEntrySchema,
  readOnly: false,
  run: ({ db, actor, now }, input) => createEntry(db, actor, input, now),
});
