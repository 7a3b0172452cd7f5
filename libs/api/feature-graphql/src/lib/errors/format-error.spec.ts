import { formatGraphqlError, loggableError } from './format-error';

function queryFailed(message: string, code: string): Error {
  // The shape of TypeORM's QueryFailedError: the driver's error, with its SQLSTATE, inside.
  return Object.assign(new Error(message), {
    name: 'QueryFailedError',
    driverError: Object.assign(new Error(message), { code }),
  });
}

describe('loggableError', () => {
  it('withholds a database error’s message, which quotes input, and keeps its SQLSTATE and stack', () => {
    const logged = loggableError(
      queryFailed('invalid input syntax for type uuid: "ada@example.com"', '22P02'),
    );
    expect(logged).toMatch(/^QueryFailedError \(SQLSTATE 22P02; message withheld/);
    expect(logged).toMatch(/\n\s+at /);
    expect(logged).not.toContain('ada@example.com');
  });

  it('keeps the stack of any other error', () => {
    const logged = loggableError(new TypeError('x is undefined'));
    expect(logged).toMatch(/^TypeError: x is undefined\n\s+at /);
  });
});

describe('formatGraphqlError', () => {
  it('answers an unexpected error generically, with an error id, never its message', () => {
    const formatted = formatGraphqlError(
      { message: 'Key (email)=(ada@example.com) already exists.', path: ['x'] },
      { originalError: queryFailed('Key (email)=(ada@example.com) already exists.', '23505') },
    );
    expect(formatted.message).toMatch(
      /^Internal error; quote error id [0-9a-f-]{36} when reporting it$/,
    );
    expect(formatted.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(formatted)).not.toContain('ada@example.com');
  });
});
