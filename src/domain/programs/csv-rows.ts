import { z } from 'zod';
import { type ApplicationProfile, guideProfileSchema, memberProfileSchema } from './application';

// Turns spreadsheet rows into applications. Every problem names the line, the column and what is wrong,
// so an admin can fix the file without guessing. Lists inside a cell are separated by semicolons.
export type CsvRecord = { line: number; values: Record<string, string> };
export type RowProblem = { line: number; column: string; message: string };
export type ParsedApplication = {
  line: number;
  email: string;
  name: string;
  profile: ApplicationProfile;
  /** A guide row's optional `ranks`: the members' e-mails, first choice first. */
  ranks?: string[];
};
export type ParsedRows = { applications: ParsedApplication[]; problems: RowProblem[] };

export const memberColumns = [
  'email',
  'name',
  'organization',
  'time_zone',
  'languages',
  'formats',
  'goal',
  'skill_gaps',
  'style',
  'structure',
  'seniority',
] as const;

export const guideColumns = [
  'email',
  'name',
  'organization',
  'time_zone',
  'languages',
  'formats',
  'expertise',
  'capacity',
  'availability',
  'style',
  'structure',
  'approach',
  'works_with',
  // Optional: the guide's own ranking of members, their e-mails best first ("ana@x.org; ben@y.org").
  'ranks',
] as const;

const requiredColumns = {
  member: ['email', 'name', 'time_zone', 'skill_gaps'],
  guide: ['email', 'name', 'time_zone', 'expertise', 'capacity', 'availability'],
};

const weekdays: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const orNull = (cell: string | undefined): string | null =>
  cell && cell.trim().length > 0 ? cell.trim().toLowerCase() : null;

// "pricing (iq); stakeholder influence (eq)" → areas with an optional IQ/EQ category.
function skillGaps(cell: string | undefined) {
  return list(cell).map((item) => {
    const match = /^(.*?)\s*\((iq|eq)\)$/i.exec(item);
    return match
      ? { area: match[1] ?? item, category: (match[2] ?? '').toLowerCase() }
      : { area: item, category: null };
  });
}

// "Mon 09:00-12:00; Wed 14:00-17:30" → weekly windows.
function availability(cell: string | undefined): unknown[] {
  return list(cell).map((item) => {
    const match = /^([a-z]{3})[a-z]*\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(item);
    if (!match) return { weekday: 0, start: item, end: '' };
    const pad = (time: string | undefined) => (time ?? '').padStart(5, '0');
    return {
      weekday: weekdays[(match[1] ?? '').toLowerCase()] ?? 0,
      start: pad(match[2]),
      end: pad(match[3]),
    };
  });
}

const columnOfField: Record<string, string> = {
  timeZone: 'time_zone',
  skillGaps: 'skill_gaps',
  worksWith: 'works_with',
};

const emailSchema = z.email();

export function parseApplicationRows(
  role: 'member' | 'guide',
  headers: string[],
  records: CsvRecord[],
): ParsedRows {
  const known: readonly string[] = role === 'member' ? memberColumns : guideColumns;
  const problems: RowProblem[] = [];
  for (const header of headers) {
    if (!known.includes(header)) {
      problems.push({
        line: 1,
        column: header,
        message: `is not a column of a ${role} file (expected: ${known.join(', ')})`,
      });
    }
  }
  for (const column of requiredColumns[role]) {
    if (!headers.includes(column))
      problems.push({ line: 1, column, message: 'is a required column and is missing' });
  }
  if (problems.length > 0) return { applications: [], problems };

  const applications: ParsedApplication[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of records) {
    const email = (values.email ?? '').trim().toLowerCase();
    const name = (values.name ?? '').trim();
    if (!emailSchema.safeParse(email).success)
      problems.push({ line, column: 'email', message: 'is not an email address' });
    if (name.length === 0) problems.push({ line, column: 'name', message: 'is empty' });
    const earlier = seen.get(email);
    if (earlier !== undefined) problems.push({ line, column: 'email', message: `repeats line ${earlier}` });
    seen.set(email, line);

    const result =
      role === 'member'
        ? memberProfileSchema.safeParse(memberCandidate(values))
        : guideProfileSchema.safeParse(guideCandidate(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        problems.push({ line, column: columnOfField[field] ?? field, message: issue.message });
      }
      continue;
    }
    const ranks = role === 'guide' ? list(values.ranks).map((item) => item.toLowerCase()) : [];
    const ranked = new Set<string>();
    for (const rankedEmail of ranks) {
      if (!emailSchema.safeParse(rankedEmail).success)
        problems.push({ line, column: 'ranks', message: `${rankedEmail} is not an email address` });
      else if (ranked.has(rankedEmail))
        problems.push({ line, column: 'ranks', message: `names ${rankedEmail} twice` });
      ranked.add(rankedEmail);
    }
    applications.push({ line, email, name, profile: result.data, ...(ranks.length > 0 ? { ranks } : {}) });
  }
  const badLines = new Set(problems.map((problem) => problem.line));
  return { applications: applications.filter((application) => !badLines.has(application.line)), problems };
}

function commonCandidate(values: Record<string, string>) {
  return {
    organization: values.organization?.trim() ? values.organization.trim() : null,
    timeZone: (values.time_zone ?? '').trim(),
    languages: list(values.languages ?? 'en'),
    formats: list(values.formats ?? 'video').map((format) => format.toLowerCase()),
  };
}

function memberCandidate(values: Record<string, string>) {
  return {
    role: 'member',
    ...commonCandidate(values),
    goal: (values.goal ?? '').trim(),
    skillGaps: skillGaps(values.skill_gaps),
    style: orNull(values.style),
    structure: orNull(values.structure),
    seniority: orNull(values.seniority),
  };
}

function guideCandidate(values: Record<string, string>) {
  const capacity = (values.capacity ?? '').trim();
  return {
    role: 'guide',
    ...commonCandidate(values),
    expertise: list(values.expertise),
    capacity: /^-?\d+(\.\d+)?$/.test(capacity) ? Number(capacity) : capacity,
    availability: availability(values.availability),
    style: orNull(values.style) ?? 'blend',
    structure: orNull(values.structure) ?? 'blend',
    approach: orNull(values.approach) ?? 'blend',
    worksWith: list(values.works_with).map((level) => level.toLowerCase()),
  };
}
