/**
 * SQLSTATE classes and codes that say the database cannot be reached or is going away, not that
 * a statement is wrong: connection exceptions (class 08), shutdowns and start-ups (57P01–57P03),
 * too many connections (53300).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Messages of node-postgres and TypeORM when a connection ends or cannot be had in time. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection is not established)/;

/**
 * The reason, when an error says PostgreSQL is unreachable (down, restarting, refusing
 * connections) rather than that the work was wrong; otherwise null. TypeORM's QueryFailedError
 * is looked through to its driver error.
 */
export function databaseUnavailable(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (code.startsWith('08') && code.length === 5)
      return `database connection failed (${code}): ${message}`;
    if (UNAVAILABLE_STATES.has(code)) return `database unavailable (${code}): ${message}`;
    if (SOCKET_CODES.has(code)) return `database unreachable (${code}): ${message}`;
    if (UNAVAILABLE_MESSAGES.test(message)) return `database unreachable: ${message}`;
    current = e.driverError ?? e.cause;
  }
  return null;
}
