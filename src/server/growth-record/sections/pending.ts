import { z } from 'zod';
import { defineSection } from './section';

// Areas built on other branches (relationships, sessions, actions, journal, decisions, reports). Their
// sections are always present so the document's shape is stable; until each area's own section module
// replaces its entry here, export writes an empty list and import reports anything it had to skip.
function pendingSection<const K extends string>(key: K, title: string) {
  return defineSection({
    key,
    title,
    schema: z.array(z.unknown()),
    exportItems: async () => [],
    async importItems({ warnings }, items) {
      if (items.length > 0)
        warnings.push(
          `${key}: ${items.length} item(s) skipped; this Corner cannot import ${title.toLowerCase()} yet.`,
        );
      return 0;
    },
    renderMarkdown: (items) => (items.length === 0 ? '_Nothing here yet._' : `_${items.length} item(s)._`),
  });
}

export const relationshipsSection = pendingSection('relationships', 'Relationships');
export const sessionsSection = pendingSection('sessions', 'Sessions');
export const actionsSection = pendingSection('actions', 'Actions');
export const journalSection = pendingSection('journal', 'Journal');
export const decisionsSection = pendingSection('decisions', 'Decisions');
export const reportsSection = pendingSection('reports', 'Reports');
