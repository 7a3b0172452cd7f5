import { apiError } from '../errors/api-error';
import { isUuid } from '@closedloop/persistence';
import type { CursorPosition } from './cursor';

/**
 * A timestamp column as a cursor key: ISO text at microsecond precision (a JavaScript Date would
 * drop the microseconds PostgreSQL keeps, and the next page would repeat or skip rows).
 */
export const isoKey = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ISO_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const badCursor = () =>
  apiError('BAD_USER_INPUT', 'after is not a cursor this API issued', { field: 'after' });

/** Checks a decoded cursor of a list keyed by a timestamp and a uuid. */
export function timestampUuidPosition(position: CursorPosition): { key: string; id: string } {
  if (typeof position.key !== 'string' || !ISO_KEY.test(position.key) || !isUuid(position.id)) {
    throw badCursor();
  }
  return { key: position.key, id: position.id };
}

/** Checks a decoded cursor of a list keyed by a number (an integer when asked) and a text id. */
export function numberPosition(
  position: CursorPosition,
  integer = false,
): { key: number; id: string } {
  if (typeof position.key !== 'number' || !Number.isFinite(position.key)) throw badCursor();
  if (integer && !Number.isInteger(position.key)) throw badCursor();
  return { key: position.key, id: position.id };
}

/** Checks a decoded cursor of a list keyed by a timestamp and a text id. */
export function timestampPosition(position: CursorPosition): { key: string; id: string } {
  if (typeof position.key !== 'string' || !ISO_KEY.test(position.key)) throw badCursor();
  return { key: position.key, id: position.id };
}

const ISO_MILLIS_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Checks a decoded cursor keyed by a JavaScript timestamp (`toISOString()`, milliseconds) and a uuid. */
export function millisUuidPosition(position: CursorPosition): { at: Date; id: string } {
  if (typeof position.key !== 'string' || !ISO_MILLIS_KEY.test(position.key)) throw badCursor();
  const at = new Date(position.key);
  if (Number.isNaN(at.getTime()) || !isUuid(position.id)) throw badCursor();
  return { at, id: position.id };
}
