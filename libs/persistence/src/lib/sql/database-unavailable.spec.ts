import { databaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it('names an unreachable, restarting or full database', () => {
    expect(
      databaseUnavailable(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
    ).toBe('database unreachable (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:5432');
    expect(
      databaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')),
    ).toMatch(/^database unavailable \(57P01\)/);
    expect(databaseUnavailable(withCode('57P03', 'the database system is starting up'))).toMatch(
      /57P03/,
    );
    expect(databaseUnavailable(withCode('08006'))).toMatch(/^database connection failed \(08006\)/);
    expect(databaseUnavailable(withCode('53300'))).toMatch(/53300/);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(
      'database unreachable: Connection terminated unexpectedly',
    );
  });

  it('looks through TypeORM’s QueryFailedError to its driver error', () => {
    const failed = Object.assign(new Error('query failed'), {
      driverError: withCode('57P01', 'terminating connection'),
    });
    expect(databaseUnavailable(failed)).toMatch(/57P01/);
  });

  it('is null for errors of the work itself', () => {
    expect(databaseUnavailable(withCode('23505', 'duplicate key'))).toBeNull();
    expect(databaseUnavailable(withCode('22P02', 'invalid input syntax for type json'))).toBeNull();
    expect(databaseUnavailable(new Error('score out of range'))).toBeNull();
    expect(databaseUnavailable(null)).toBeNull();
    expect(databaseUnavailable('ECONNREFUSED')).toBeNull();
  });
});
