import { describe, expect, it } from 'vitest';
import { AppError, isDependencyUnavailable } from './errors.ts';

/** What `pg` and Node raise when PostgreSQL restarts, against what a bad query raises. */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDependencyUnavailable', () => {
  it.each([
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['57P01 admin_shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P03 cannot_connect_now', pgError('57P03', 'the database system is shutting down')],
    ['53300 too_many_connections', pgError('53300', 'sorry, too many clients already')],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['an AggregateError of refusals', new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')])],
    ['a cause', new Error('query failed', { cause: pgError('57P01') })],
  ])('a database going away: %s', (_name, err) => {
    expect(isDependencyUnavailable(err)).toBe(true);
  });

  it.each([
    ['23505 unique_violation', pgError('23505', 'duplicate key value')],
    ['22P02 invalid_text_representation', pgError('22P02', 'invalid input syntax for type bigint')],
    ['a domain error', new AppError('NOT_FOUND')],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('not an outage: %s', (_name, err) => {
    expect(isDependencyUnavailable(err)).toBe(false);
  });
});
