import { t } from '@lingui/core/macro';
// Reading a chosen file can fail after the fact: when the admin fixes the CSV and saves it, the browser's
// handle to the old file goes stale and `file.text()` rejects with a raw NotReadableError. The file is
// therefore read as soon as it is chosen, and a failure becomes a sentence saying what to do.
export async function readCsvFile(file: Pick<File, 'text' | 'name'>): Promise<string> {
  try {
    return await file.text();
  } catch {
    throw new Error(
      t`Could not read “${file.name}”: it changed after you chose it. Choose the file again and import it.`,
    );
  }
}

export const csvFormatHelp = {
  member: {
    required: ['email', 'name', 'time_zone', 'skill_gaps'],
    optional: ['organization', 'languages', 'formats', 'goal', 'style', 'structure', 'seniority'],
  },
  guide: {
    required: ['email', 'name', 'time_zone', 'expertise', 'capacity', 'availability'],
    optional: [
      'organization',
      'languages',
      'formats',
      'style',
      'structure',
      'approach',
      'works_with',
      'ranks',
    ],
  },
} as const;

// The values a cell may hold, as the importer reads them (src/domain/programs/csv-rows.ts).
export const csvValueHelp = (): { column: string; values: string }[] => [
  { column: 'time_zone', values: t`an IANA zone such as Europe/Berlin or America/New_York` },
  { column: 'languages', values: t`language codes separated by “;”, e.g. en; de` },
  { column: 'formats', values: t`video, phone or in-person, separated by “;”` },
  {
    column: 'skill_gaps',
    values: t`areas separated by “;”, optionally tagged (iq) or (eq): pricing (iq); influence (eq)`,
  },
  { column: 'expertise', values: t`areas separated by “;”, e.g. pricing; hiring` },
  { column: 'capacity', values: t`a whole number of members the guide can take, e.g. 2` },
  {
    column: 'availability',
    values: t`weekly windows in the guide’s zone: Mon 09:00-12:00; Wed 14:00-17:30`,
  },
  { column: 'style', values: t`supportive, challenging or blend (empty: blend)` },
  { column: 'structure', values: t`structured, client-led or blend (empty: blend)` },
  { column: 'approach', values: t`person, craft or blend (empty: blend)` },
  { column: 'seniority', values: t`early, mid, senior or executive` },
  {
    column: 'ranks',
    values: t`guides only, optional: the members this guide would most like, their e-mails best first, separated by “;”: ana@example.org; ben@example.org (import the members first; the first scores 1, the last 1/n; empty leaves the guide’s own ranking as it is)`,
  },
];
