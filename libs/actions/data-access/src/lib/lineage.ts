import type { EntityManager } from 'typeorm';

/**
 * Adds to the lineage every feedback item of the themes in `links` (a query answering
 * `action_id, theme_id, linked_at`): the item counts as actioned from the link, or from when it was
 * said when that was later. Items already in an action's lineage stay as they are. The one
 * statement that fills the lineage from theme links, shared with the benchmark seed.
 */
export function lineageFromThemeLinksSql(links: string): string {
  return `INSERT INTO action_lineage (action_id, feedback_id, theme_id, source, customer_id, occurred_at, negative, actioned_at)
     SELECT l.action_id, f.id, f.theme_id, f.source, f.customer_id, f.occurred_at, COALESCE(f.sentiment <= -0.05, false),
            GREATEST(l.linked_at, f.occurred_at)
     FROM (${links}) AS l JOIN feedback f ON f.theme_id = l.theme_id
     ON CONFLICT (action_id, feedback_id) DO NOTHING`;
}

/**
 * Links themes to an action and adds their feedback to its lineage. Answers the themes newly
 * linked (already linked ones are left as they are).
 */
export async function linkThemes(
  manager: EntityManager,
  actionId: string,
  themeIds: readonly string[],
  linkedBy: string | null,
  at: Date,
): Promise<string[]> {
  const rows: { theme_id: string }[] = await manager.query(
    `INSERT INTO action_themes (action_id, theme_id, linked_at, linked_by)
     SELECT $1, unnest($2::text[]), $3, $4 ON CONFLICT (action_id, theme_id) DO NOTHING RETURNING theme_id`,
    [actionId, [...new Set(themeIds)].sort(), at, linkedBy],
  );
  const linked = rows.map((r) => r.theme_id);
  if (linked.length > 0) {
    await manager.query(
      lineageFromThemeLinksSql(
        'SELECT $1::uuid AS action_id, unnest($2::text[]) AS theme_id, $3::timestamptz AS linked_at',
      ),
      [actionId, linked, at],
    );
  }
  return linked;
}

/** Unlinks a theme: its feedback leaves the lineage unless it was linked to the action directly. */
export async function unlinkTheme(
  manager: EntityManager,
  actionId: string,
  themeId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    // A CTE, since TypeORM answers a bare DELETE … RETURNING as [rows, count].
    'WITH gone AS (DELETE FROM action_themes WHERE action_id = $1 AND theme_id = $2 RETURNING theme_id) SELECT theme_id FROM gone',
    [actionId, themeId],
  );
  await manager.query(
    `DELETE FROM action_lineage l WHERE l.action_id = $1 AND l.theme_id = $2
       AND NOT EXISTS (SELECT 1 FROM action_feedback af WHERE af.action_id = $1 AND af.feedback_id = l.feedback_id)`,
    [actionId, themeId],
  );
  return rows.length > 0;
}

/** Links feedback to an action directly (its customers join the audience). */
export async function linkFeedback(
  manager: EntityManager,
  actionId: string,
  feedbackIds: readonly string[],
  at: Date,
): Promise<void> {
  if (feedbackIds.length === 0) return;
  await manager.query(
    `INSERT INTO action_feedback (action_id, feedback_id, linked_at) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
    [actionId, feedbackIds, at],
  );
  await manager.query(
    `INSERT INTO action_lineage (action_id, feedback_id, theme_id, source, customer_id, occurred_at, negative, actioned_at)
     SELECT $1, f.id, f.theme_id, f.source, f.customer_id, f.occurred_at, COALESCE(f.sentiment <= -0.05, false),
            GREATEST($3::timestamptz, f.occurred_at)
     FROM feedback f WHERE f.id = ANY($2::uuid[])
     ON CONFLICT (action_id, feedback_id) DO NOTHING`,
    [actionId, feedbackIds, at],
  );
}

/** The themes of an action, in link order. */
export async function actionThemeIds(manager: EntityManager, actionId: string): Promise<string[]> {
  const rows: { theme_id: string }[] = await manager.query(
    'SELECT theme_id FROM action_themes WHERE action_id = $1 ORDER BY linked_at, theme_id',
    [actionId],
  );
  return rows.map((r) => r.theme_id);
}

/**
 * A notice was sent (notice.delivered.v1 with status `sent`): the action's lineage items of that
 * customer are told at the delivery time. Keeps the earliest time, so a redelivery changes nothing.
 */
export async function markDelivered(
  manager: EntityManager,
  actionId: string,
  customerId: string,
  deliveredAt: Date,
): Promise<void> {
  await manager.query(
    `UPDATE action_lineage SET noticed_at = $3
     WHERE action_id = $1 AND customer_id = $2 AND (noticed_at IS NULL OR noticed_at > $3)`,
    [actionId, customerId, deliveredAt],
  );
}

/** A feedback item placed in a theme, as the tracking stage sees it. */
export interface ThemedArrival {
  readonly feedbackId: string;
  readonly themeId: string | null;
  readonly source: string;
  readonly customerId: string | null;
  readonly occurredAt: Date;
  readonly sentiment: number | null;
  readonly assignedAt: Date;
}

/**
 * Records a themed item: counts it once in the weekly roll-up (`feedback.tracked_at` guards the
 * count) and adds it to the lineage of every action on its theme. Idempotent. Answers the actions
 * whose lineage it joined (empty on a redelivery).
 */
export async function recordArrival(
  manager: EntityManager,
  item: ThemedArrival,
): Promise<string[]> {
  const counted: unknown[] = await manager.query(
    `WITH counted AS (UPDATE feedback SET tracked_at = $2 WHERE id = $1 AND tracked_at IS NULL RETURNING id) SELECT id FROM counted`,
    [item.feedbackId, item.assignedAt],
  );
  if (counted.length > 0) {
    await manager.query(
      `INSERT INTO feedback_weekly_stats (week, source, volume)
       VALUES (date_trunc('week', $1::timestamptz AT TIME ZONE 'UTC')::date, $2, 1)
       ON CONFLICT (week, source) DO UPDATE SET volume = feedback_weekly_stats.volume + 1`,
      [item.occurredAt, item.source],
    );
  }
  if (!item.themeId) return [];
  const rows: { action_id: string }[] = await manager.query(
    `INSERT INTO action_lineage (action_id, feedback_id, theme_id, source, customer_id, occurred_at, negative, actioned_at)
     SELECT t.action_id, $2, $1, $3, $4, $5, $6, GREATEST($7::timestamptz, t.linked_at)
     FROM action_themes t WHERE t.theme_id = $1
     ON CONFLICT (action_id, feedback_id) DO NOTHING RETURNING action_id`,
    [
      item.themeId,
      item.feedbackId,
      item.source,
      item.customerId,
      item.occurredAt,
      item.sentiment !== null && item.sentiment <= -0.05,
      item.assignedAt,
    ],
  );
  return rows.map((r) => r.action_id);
}
