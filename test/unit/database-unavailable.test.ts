import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DatabaseError } from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { isDatabaseUnavailable } from '../../src/server/db/database-unavailable';

function sqlError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

// The 503-or-500 decision: an unreachable database must be retried by the client, a broken query must not.
describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'pg_terminate_backend / admin shutdown',
      sqlError('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'crash shutdown',
      sqlError('57P02', 'terminating connection because of crash of another server process'),
    ],
    ['starting up', sqlError('57P03', 'the database system is starting up')],
    ['connection failure', sqlError('08006', 'connection failure')],
    ['refused', socketError('ECONNREFUSED')],
    ['reset', socketError('ECONNRESET')],
    ['terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['pool connect time-out', new Error('timeout exceeded when trying to connect')],
    [
      'wrapped by drizzle',
      new DrizzleQueryError('select 1', [], sqlError('57P01', 'terminating connection')),
    ],
    ['refused on every address', new AggregateError([socketError('ECONNREFUSED')], '')],
  ])('treats %s as unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', sqlError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', sqlError('42601', 'syntax error at or near "selec"')],
    ['a wrapped check violation', new DrizzleQueryError('insert', [], sqlError('23514', 'violates check'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'oops'],
  ])('treats %s as a real failure', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('the shutdown bound', () => {
  it('waits 10 s by default and follows CORNER_SHUTDOWN_SECONDS', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ CORNER_SHUTDOWN_SECONDS: '3' }).shutdownTimeoutMs).toBe(3_000);
    expect(() => loadConfig({ CORNER_SHUTDOWN_SECONDS: 'soon' })).toThrow(/CORNER_SHUTDOWN_SECONDS/);
  });
});
