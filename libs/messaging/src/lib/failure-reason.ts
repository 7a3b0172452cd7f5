/** The SQLSTATE of a database error (TypeORM's QueryFailedError or the driver's own), if any. */
export function sqlStateOf(error: unknown): string | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * Why a handler failed, as written to logs and dead-letter headers. A database error keeps its
 * message up to the quoted value PostgreSQL appends (`invalid input syntax for type uuid: "…"`),
 * which can be a customer's input, and gains its SQLSTATE.
 */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const state = sqlStateOf(error);
  if (state === null) return error.message;
  const quoted = error.message.indexOf(': "');
  const message = quoted >= 0 ? error.message.slice(0, quoted) : error.message;
  return `${message} (SQLSTATE ${state})`;
}
