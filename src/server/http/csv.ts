import { type Options, stringify } from 'csv-stringify/sync';

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
// formula: a display name like =HYPERLINK(...) would act inside the admin's spreadsheet. OWASP's
// advice is to prefix such cells with a single quote, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every CSV Corner exports goes through here; csv-stringify does the quoting of separators and quotes. */
export function stringifyCsv(records: unknown[], options: Options): string {
  return stringify(records, { ...options, cast: { ...options.cast, string: neutraliseCell } });
}
