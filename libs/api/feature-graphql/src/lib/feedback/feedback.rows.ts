import type { Feedback } from './feedback.model';
import { toThemeReason } from './theme-reason.model';

/** The columns the feedback queries select, as PostgreSQL returns them. */
export interface FeedbackRow {
  id: string;
  event_key: string;
  source: string;
  occurred_at: Date;
  received_at: Date;
  text: string | null;
  metric: string | null;
  score: number | null;
  score_band: string | null;
  language: string | null;
  sentiment: number | null;
  sentiment_label: string | null;
  journey_stage: string | null;
  needs_public_answer: boolean;
  customer_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  customer_unsubscribed_at: Date | null;
  theme_id: string | null;
  theme_similarity: number | null;
  theme_reason: unknown;
}

export const FEEDBACK_COLUMNS = `f.id, f.event_key, f.source, f.occurred_at, f.received_at, f.text, f.metric, f.score,
  f.score_band, f.language, f.sentiment, f.sentiment_label, f.journey_stage, f.needs_public_answer, f.theme_id,
  f.theme_similarity, f.theme_reason, c.id AS customer_id, c.email AS customer_email, c.name AS customer_name,
  c.unsubscribed_at AS customer_unsubscribed_at`;

export const FEEDBACK_FROM = 'FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id';

export const FEEDBACK_SELECT = `SELECT ${FEEDBACK_COLUMNS} ${FEEDBACK_FROM}`;

export function toFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    eventKey: row.event_key,
    source: row.source,
    occurredAt: new Date(row.occurred_at),
    receivedAt: new Date(row.received_at),
    text: row.text,
    metric: row.metric,
    score: row.score,
    scoreBand: row.score_band,
    language: row.language,
    sentiment: row.sentiment,
    sentimentLabel: row.sentiment_label,
    journeyStage: row.journey_stage,
    needsPublicAnswer: row.needs_public_answer,
    themeId: row.theme_id,
    themeSimilarity: row.theme_similarity,
    themeReason: toThemeReason(row.theme_reason),
    customer: row.customer_id
      ? {
          id: row.customer_id,
          email: row.customer_email,
          name: row.customer_name,
          unsubscribedAt: row.customer_unsubscribed_at,
        }
      : null,
  };
}
