import { type AnyColumn, getTableName, type SQL, sql, type Table } from 'drizzle-orm';

/**
 * A column with its table's name in front. Drizzle leaves columns in a one-table select list
 * unqualified, so inside a correlated subquery there "id" would silently mean the inner table's column.
 */
export const qualified = (table: Table, column: AnyColumn): SQL =>
  sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
