import type { GrowthRecord } from './format';
import { relationshipName } from './render-parts';
import { renderRelationshipChapters } from './render-relationships';
import { sections } from './sections';
import type { MarkdownContext } from './sections/section';

// The same record for people: one heading per section, in the order of the JSON document. Sessions,
// actions and reports have no heading of their own: they are told inside their relationship's chapter.
export function renderGrowthRecordMarkdown(record: GrowthRecord): string {
  const parts = [
    `# Growth record of ${record.person.name}`,
    '',
    `Exported ${record.exportedAt.slice(0, 10)} from Corner (format ${record.format}, version ${record.version}).`,
    `Email: ${record.person.email} · time zone: ${record.person.timeZone}${record.person.organization ? ` · organization: ${record.person.organization}` : ''}`,
  ];
  const context: MarkdownContext = {
    relationshipName: (ref) => {
      const rel = record.relationships.find((candidate) => candidate.ref === ref);
      if (!rel) return ref;
      const name = relationshipName(rel);
      return `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    },
    feedbackName: (ref) => {
      const request = record.feedbackRequests.find((candidate) => candidate.ref === ref);
      return request ? `${request.giverName}, ${request.createdAt.slice(0, 10)}` : ref;
    },
  };
  for (const section of sections) {
    if (section.key === 'relationships') {
      parts.push('', `## ${section.title}`, '', renderRelationshipChapters(record));
      continue;
    }
    if (!section.renderMarkdown) continue;
    const items = record[section.key as keyof GrowthRecord];
    // Each section renders only its own slice; the cast is safe because the record was parsed by
    // the schema built from these same sections.
    const render = section.renderMarkdown as (items: unknown, context: MarkdownContext) => string;
    parts.push('', `## ${section.title}`, '', render(items, context));
  }
  return `${parts.join('\n')}\n`;
}
