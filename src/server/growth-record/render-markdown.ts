import type { GrowthRecord } from './format';
import { sections } from './sections';

// The same record for people: one heading per section, in the order of the JSON document.
export function renderGrowthRecordMarkdown(record: GrowthRecord): string {
  const parts = [
    `# Growth record of ${record.person.name}`,
    '',
    `Exported ${record.exportedAt.slice(0, 10)} from Corner (format ${record.format}, version ${record.version}).`,
    `Email: ${record.person.email} · time zone: ${record.person.timeZone}${record.person.organization ? ` · organization: ${record.person.organization}` : ''}`,
  ];
  for (const section of sections) {
    const items = record[section.key as keyof GrowthRecord];
    // Each section renders only its own slice; the cast is safe because the record was parsed by
    // the schema built from these same sections.
    const render = section.renderMarkdown as (items: unknown) => string;
    parts.push('', `## ${section.title}`, '', render(items));
  }
  return `${parts.join('\n')}\n`;
}
