// Helpers for the hand-written SQL reads (db.execute): both drivers answer with `{ rows }`, and uuid
// lists travel as one array literal — uuids hold nothing an array literal must quote.
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
export const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;
