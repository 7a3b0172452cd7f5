const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID, so it can be bound to a `uuid` column without a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
