import { impactSeries, type ImpactSeries } from '@closedloop/actions-domain';
import type { EntityManager } from 'typeorm';

const WEEK_MS = 7 * 86_400_000;

/**
 * Before and after an action's ship, for its themes. Reads `theme_daily_stats` by its primary key
 * (theme, day) for volume and sentiment, and the themes' NPS answers through
 * `ix_feedback_theme_occurred`, both bounded by the window: cost grows with the window and the
 * action's themes, never with the whole feedback table. Null for an action that has not shipped.
 */
export async function loadImpact(
  manager: EntityManager,
  actionId: string,
  windowWeeks: number,
  now: Date,
): Promise<ImpactSeries | null> {
  const [action]: { shipped_at: Date | null }[] = await manager.query(
    'SELECT shipped_at FROM actions WHERE id = $1',
    [actionId],
  );
  if (!action?.shipped_at) return null;
  const shippedAt = new Date(action.shipped_at);
  const shipDay = Date.parse(`${shippedAt.toISOString().slice(0, 10)}T00:00:00Z`);
  const from = new Date(shipDay - windowWeeks * WEEK_MS);
  const to = new Date(shipDay + windowWeeks * WEEK_MS);
  const days: {
    day: string;
    volume: number;
    sentiment_sum: number;
    sentiment_count: number;
    negatives: number;
  }[] = await manager.query(
    `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(s.volume)::int AS volume, sum(s.sentiment_sum)::float8 AS sentiment_sum,
              sum(s.sentiment_count)::int AS sentiment_count, sum(s.negative_count)::int AS negatives
       FROM theme_daily_stats s JOIN action_themes t ON t.theme_id = s.theme_id
       WHERE t.action_id = $1 AND s.day >= $2::date AND s.day < $3::date
       GROUP BY s.day ORDER BY s.day`,
    [actionId, from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)],
  );
  const answers: { customer_id: string; score: number; occurred_at: Date }[] = await manager.query(
    `SELECT f.customer_id, f.score, f.occurred_at FROM action_themes t
     JOIN feedback f ON f.theme_id = t.theme_id AND f.occurred_at >= $2 AND f.occurred_at < $3
     WHERE t.action_id = $1 AND f.metric = 'NPS' AND f.score IS NOT NULL AND f.customer_id IS NOT NULL`,
    [actionId, from, to],
  );
  return impactSeries({
    shippedAt,
    windowWeeks,
    now,
    days: days.map((d) => ({
      day: d.day,
      volume: Number(d.volume),
      sentimentSum: Number(d.sentiment_sum),
      sentimentCount: Number(d.sentiment_count),
      negatives: Number(d.negatives),
    })),
    npsAnswers: answers.map((a) => ({
      customerId: a.customer_id,
      score: Number(a.score),
      at: new Date(a.occurred_at),
    })),
  });
}
