import { apiError } from '../errors/api-error';

/**
 * Opaque keyset cursors: the sort key of the last row seen and its id, as base64url JSON. Lists
 * sort by (key, id) so a cursor names one position even when keys tie; pages never skip or repeat
 * rows that existed when the first page was read.
 */
export interface CursorPosition {
  /** The sort key of the row (a timestamp in ISO form, a number, or text). */
  readonly key: string | number;
  readonly id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor from a client; a malformed one is a BAD_USER_INPUT naming `after`. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw apiError('BAD_USER_INPUT', 'after is not a cursor this API issued', { field: 'after' });
}

export const MAX_PAGE_SIZE = 200;

/** Checks a requested page size: 1 to MAX_PAGE_SIZE. */
export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw apiError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, {
      field: 'first',
    });
  }
  return first;
}
