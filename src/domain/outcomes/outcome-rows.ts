import type { OutcomeScale } from './effect';

export type OutcomeRow = { line: number; email: string; measure: string; scale: OutcomeScale; value: number };
export type OutcomeRowProblem = { line: number; column: string; message: string };

const REQUIRED = ['email', 'measure', 'value'] as const;
const YES = new Set(['yes', 'true', 'y']);
const NO = new Set(['no', 'false', 'n']);

// Outcome columns an admin imports (e.g. "promoted at 12 months": yes/no, or a score). Every problem is
// listed with its line and column; the caller imports nothing while any remain.
export function parseOutcomeRows(
  headers: readonly string[],
  records: readonly { line: number; values: Record<string, string> }[],
  knownEmails: ReadonlySet<string>,
): { rows: OutcomeRow[]; problems: OutcomeRowProblem[] } {
  const problems: OutcomeRowProblem[] = [];
  for (const column of REQUIRED) {
    if (!headers.includes(column))
      problems.push({ line: 1, column, message: `the column "${column}" is missing` });
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: OutcomeRow[] = [];
  const seen = new Map<string, number>();
  const scales = new Map<string, OutcomeScale>();
  for (const { line, values } of records) {
    const email = (values.email ?? '').trim().toLowerCase();
    const measure = (values.measure ?? '').trim();
    const raw = (values.value ?? '').trim().toLowerCase();
    if (!knownEmails.has(email)) {
      problems.push({
        line,
        column: 'email',
        message: `nobody with the address "${email}" applied to this cohort`,
      });
      continue;
    }
    if (measure === '' || measure.length > 100) {
      problems.push({ line, column: 'measure', message: 'a measure needs a name of 1 to 100 characters' });
      continue;
    }
    const parsed =
      YES.has(raw) || raw === '1'
        ? { scale: 'binary' as const, value: 1 }
        : NO.has(raw) || raw === '0'
          ? { scale: 'binary' as const, value: 0 }
          : raw !== '' && Number.isFinite(Number(raw))
            ? { scale: 'score' as const, value: Number(raw) }
            : null;
    if (!parsed) {
      problems.push({
        line,
        column: 'value',
        message: `"${values.value ?? ''}" is neither yes/no nor a number`,
      });
      continue;
    }
    const key = `${email}\u0000${measure}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: 'email',
        message: `a duplicate of line ${earlier} (same person and measure)`,
      });
      continue;
    }
    seen.set(key, line);
    // 0 and 1 read as yes/no; a measure with any other number is a score throughout.
    const known = scales.get(measure);
    const scale = known === 'score' || parsed.scale === 'score' ? 'score' : 'binary';
    scales.set(measure, scale);
    rows.push({ line, email, measure, scale: parsed.scale, value: parsed.value });
  }
  for (const row of rows) row.scale = scales.get(row.measure) ?? row.scale;
  return { rows, problems };
}
