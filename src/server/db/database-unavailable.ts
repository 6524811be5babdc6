// Tells a database that cannot be reached (down, restarting, our connection cut) from a query that is
// wrong. The first is the operator's problem and passes by itself: the caller should retry, so the API
// answers 503 with Retry-After. The second stays a bug (500) or a validation problem.

// SQLSTATE classes and codes that mean "the server or our session went away", not "your query failed":
// 08 connection exception; 57P01 admin_shutdown (also pg_terminate_backend), 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket-level failures Node reports while connecting or mid-query.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and pg-pool raise these as plain Errors without a code.
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /cannot use a pool after calling end/i,
  /database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

/** True when `error`, or anything in its cause chain, says the database is out of reach right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Drizzle wraps driver errors in DrizzleQueryError (cause), better-auth in APIError (cause), and a
  // refused dual-stack connect arrives as an AggregateError: walk all of them.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    const code = 'code' in current && typeof current.code === 'string' ? current.code : undefined;
    if (code && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) {
      return true;
    }
    const message = 'message' in current && typeof current.message === 'string' ? current.message : '';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}
