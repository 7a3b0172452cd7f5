import type { EntityManager } from 'typeorm';

export interface ActionRow {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly owner_id: string | null;
  readonly legacy_owner: string | null;
  readonly target_date: string | null;
  readonly status: string;
  readonly decline_reason: string | null;
  readonly created_at: Date;
  readonly shipped_at: Date | null;
  readonly announced_at: Date | null;
  readonly reopened_at: Date | null;
}

export const ACTION_COLUMNS = `a.id, a.title, a.description, a.owner_id, a.legacy_owner, to_char(a.target_date, 'YYYY-MM-DD') AS target_date,
  a.status, a.decline_reason, a.created_at, a.shipped_at, a.announced_at, a.reopened_at`;

export async function findActionRow(manager: EntityManager, id: string): Promise<ActionRow | null> {
  const rows: ActionRow[] = await manager.query(
    `SELECT ${ACTION_COLUMNS} FROM actions a WHERE a.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export interface ActionListFilter {
  readonly status?: readonly string[] | null;
  readonly ownerId?: string | null;
  readonly themeId?: string | null;
  readonly search?: string | null;
  readonly regressed?: boolean | null;
}

/**
 * A page of actions, newest first, keyset-paginated on (created_at, id) (`ix_actions_created`),
 * with the total that matches the filter. Reads `first + 1` rows so the caller knows whether more follow.
 */
export async function listActionRows(
  manager: EntityManager,
  filter: ActionListFilter,
  first: number,
  after: { key: string; id: string } | null,
): Promise<{ rows: ActionRow[]; totalCount: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.status && filter.status.length > 0)
    where.push(`a.status = ANY($${params.push([...filter.status])}::text[])`);
  if (filter.ownerId) where.push(`a.owner_id = $${params.push(filter.ownerId)}`);
  if (filter.themeId)
    where.push(
      `EXISTS (SELECT 1 FROM action_themes t WHERE t.action_id = a.id AND t.theme_id = $${params.push(filter.themeId)})`,
    );
  if (filter.search && filter.search.trim())
    where.push(
      `(a.title ILIKE $${params.push(`%${filter.search.trim().replace(/[\\%_]/g, '\\$&')}%`)} OR a.description ILIKE $${params.length})`,
    );
  if (filter.regressed !== null && filter.regressed !== undefined)
    where.push(
      `${filter.regressed ? '' : 'NOT '}EXISTS (SELECT 1 FROM action_regressions r WHERE r.action_id = a.id AND r.resolved_at IS NULL)`,
    );
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [{ count }]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM actions a ${whereSql}`,
    params,
  );
  const pageParams = [...params];
  const pageWhere = [...where];
  if (after) {
    pageWhere.push(
      `(a.created_at, a.id) < ($${pageParams.push(after.key)}::timestamptz, $${pageParams.push(after.id)}::uuid)`,
    );
  }
  const rows: ActionRow[] = await manager.query(
    `SELECT ${ACTION_COLUMNS} FROM actions a ${pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''}
     ORDER BY a.created_at DESC, a.id DESC LIMIT $${pageParams.push(first + 1)}`,
    pageParams,
  );
  return { rows, totalCount: Number(count) };
}
