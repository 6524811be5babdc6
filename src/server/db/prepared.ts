import type { Db } from './client';

/**
 * One prepared drizzle query per database handle, built on first use. The hottest reads run on every
 * page load: preparing keeps drizzle from rebuilding their SQL each time (a large share of a read's
 * CPU) and lets PostgreSQL plan them once per connection (named statements).
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    const known = built.get(db);
    if (known) return known;
    const query = build(db);
    built.set(db, query);
    return query;
  };
}
