import { isUuid } from '@closedloop/persistence';
import type { EntityManager } from 'typeorm';
import { apiError } from '../errors/api-error';

export function checkTitle(value: string, field = 'title'): string {
  const title = value.trim();
  if (title.length === 0 || title.length > 200) {
    throw apiError('BAD_USER_INPUT', `${field} must be 1 to 200 characters`, { field });
  }
  return title;
}

export function checkDescription(value: string): string {
  const description = value.trim();
  if (description.length > 5000) {
    throw apiError('BAD_USER_INPUT', 'description must be at most 5,000 characters', {
      field: 'description',
    });
  }
  return description;
}

/** A calendar date `YYYY-MM-DD`, or null to clear it. */
export function checkTargetDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const date = value.trim();
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw apiError('BAD_USER_INPUT', `targetDate must be a date YYYY-MM-DD, got ${value}`, {
      field: 'targetDate',
    });
  }
  return date;
}

/** An existing, enabled user. */
export async function checkOwner(manager: EntityManager, ownerId: string): Promise<string> {
  const rows: unknown[] = isUuid(ownerId)
    ? await manager.query('SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL', [ownerId])
    : [];
  if (rows.length === 0) {
    throw apiError('BAD_USER_INPUT', `No user with id ${ownerId} can own actions`, {
      field: 'ownerId',
    });
  }
  return ownerId;
}

/** Existing active themes; a merged theme is named with the theme it went into. */
export async function checkThemes(
  manager: EntityManager,
  themeIds: readonly string[],
  field = 'themeIds',
  allowNone = false,
): Promise<string[]> {
  const ids = [...new Set(themeIds.map((id) => id.trim()))];
  if (ids.length === 0 && allowNone) return [];
  if (ids.length === 0 || ids.length > 50) {
    throw apiError('BAD_USER_INPUT', `${field} must name 1 to 50 themes`, { field });
  }
  const rows: { id: string; status: string; merged_into: string | null }[] = await manager.query(
    'SELECT id, status, merged_into FROM themes WHERE id = ANY($1::text[])',
    [ids],
  );
  for (const id of ids) {
    const theme = rows.find((r) => r.id === id);
    if (!theme) throw apiError('BAD_USER_INPUT', `No theme with id ${id}`, { field });
    if (theme.status === 'merged') {
      throw apiError(
        'BAD_USER_INPUT',
        `Theme ${id} was merged into ${theme.merged_into}; link that one`,
        {
          field,
        },
      );
    }
  }
  return ids;
}

/** Existing feedback ids. */
export async function checkFeedback(
  manager: EntityManager,
  feedbackIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(feedbackIds)];
  const bad = ids.filter((id) => !isUuid(id));
  if (bad.length > 0) {
    throw apiError('BAD_USER_INPUT', `Not feedback ids: ${bad.join(', ')}`, {
      field: 'feedbackIds',
    });
  }
  if (ids.length === 0) return [];
  const found: { id: string }[] = await manager.query(
    'SELECT id FROM feedback WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw apiError('NOT_FOUND', `No feedback with id ${missing.join(', ')}`, {
      field: 'feedbackIds',
    });
  }
  return ids;
}
