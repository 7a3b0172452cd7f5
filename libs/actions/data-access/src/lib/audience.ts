import { resolveSettings } from '@closedloop/access-domain';
import type { EntityManager } from 'typeorm';

/** The admins' `noticeWeeklyCap` setting (its default when unset or no longer valid). */
export async function loadNoticeWeeklyCap(manager: EntityManager): Promise<number> {
  const rows: { value: unknown }[] = await manager.query(
    `SELECT value FROM settings WHERE key = 'noticeWeeklyCap'`,
  );
  return resolveSettings(new Map(rows.length > 0 ? [['noticeWeeklyCap', rows[0]?.value]] : []))
    .noticeWeeklyCap;
}

/** Narrows an announcement's audience; every field is optional (null means no narrowing). */
export interface AudienceFilter {
  readonly sources?: readonly string[] | null;
  /** The CRM account segment (`feedback.details.account.segment` of any CRM record of the customer). */
  readonly segment?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly sentiments?: readonly string[] | null;
}

export type ExclusionReason = 'UNSUBSCRIBED' | 'ERASED' | 'NO_EMAIL' | 'ALREADY_TOLD' | 'OVER_CAP';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'UNSUBSCRIBED',
  'ERASED',
  'NO_EMAIL',
  'ALREADY_TOLD',
  'OVER_CAP',
];

export interface AudienceMember {
  readonly customerId: string;
  /** Why this customer is left out, or null when they are told. */
  readonly excluded: ExclusionReason | null;
}

export interface AudienceOptions {
  readonly now: Date;
  /** Emails a customer may get in 7 days (the `noticeWeeklyCap` setting). */
  readonly weeklyCap: number;
}

/**
 * The one SQL definition of an announcement's audience, used by the preview and the send alike:
 * the customers with feedback in the action's themes (read live) or linked to it directly,
 * narrowed by the filter, each with the reason they are left out (first that applies: erased,
 * unsubscribed, no email address, already told about this action, over the weekly cap) or null.
 * The cap counts EMAILS, not notices: the distinct Message-IDs of the customer's notices sent in
 * the 7 days before `now` (a digest naming three changes is one email; a sent notice without a
 * Message-ID counts as one), plus one if notices queued in those days are still pending (they go
 * out together as one email).
 */
export async function audienceMembers(
  manager: EntityManager,
  actionId: string,
  filter: AudienceFilter,
  options: AudienceOptions,
): Promise<AudienceMember[]> {
  const rows: { customer_id: string; excluded: ExclusionReason | null }[] = await manager.query(
    `WITH matched AS (
       SELECT DISTINCT f.customer_id FROM feedback f
       WHERE (f.theme_id IN (SELECT t.theme_id FROM action_themes t WHERE t.action_id = $1)
              OR f.id IN (SELECT af.feedback_id FROM action_feedback af WHERE af.action_id = $1))
         AND ($2::text[] IS NULL OR f.source = ANY($2::text[]))
         AND ($3::timestamptz IS NULL OR f.occurred_at >= $3::timestamptz)
         AND ($4::timestamptz IS NULL OR f.occurred_at < $4::timestamptz)
         AND ($5::text[] IS NULL OR f.sentiment_label = ANY($5::text[]))
         AND ($6::text IS NULL OR EXISTS (
           SELECT 1 FROM feedback s WHERE s.customer_id = f.customer_id AND s.source = 'crm'
             AND s.details -> 'account' ->> 'segment' = $6::text)))
     SELECT c.id AS customer_id,
       CASE
         WHEN c.erased_at IS NOT NULL THEN 'ERASED'
         WHEN c.unsubscribed_at IS NOT NULL THEN 'UNSUBSCRIBED'
         WHEN c.email IS NULL THEN 'NO_EMAIL'
         WHEN EXISTS (SELECT 1 FROM notices n WHERE n.action_id = $1 AND n.customer_id = c.id) THEN 'ALREADY_TOLD'
         WHEN (SELECT count(DISTINCT COALESCE(n.message_id, n.id::text)) FROM notices n
               WHERE n.customer_id = c.id AND n.status = 'sent' AND n.sent_at > $7::timestamptz - interval '7 days')
            + (SELECT count(*) FROM (SELECT 1 FROM notices n WHERE n.customer_id = c.id
                 AND n.status IN ('requested', 'sending') AND n.created_at > $7::timestamptz - interval '7 days' LIMIT 1) p)
              >= $8::int THEN 'OVER_CAP'
       END AS excluded
     FROM customers c JOIN matched m ON m.customer_id = c.id
     ORDER BY c.id`,
    [
      actionId,
      filter.sources && filter.sources.length > 0 ? filter.sources : null,
      filter.from ?? null,
      filter.to ?? null,
      filter.sentiments && filter.sentiments.length > 0 ? filter.sentiments : null,
      filter.segment ?? null,
      options.now,
      options.weeklyCap,
    ],
  );
  return rows.map((r) => ({ customerId: r.customer_id, excluded: r.excluded }));
}

/** Counts per exclusion reason, every reason present (zero when none). */
export function exclusionCounts(
  members: readonly AudienceMember[],
): { reason: ExclusionReason; count: number }[] {
  return EXCLUSION_REASONS.map((reason) => ({
    reason,
    count: members.filter((m) => m.excluded === reason).length,
  }));
}

/**
 * The customer's own words for a notice: their latest non-empty feedback in the action's scope
 * (linked directly first, then in its themes), narrowed by the same filter's dates and sources.
 * Feedback text is stored redacted at intake.
 */
export async function quoteOf(
  manager: EntityManager,
  actionId: string,
  customerId: string,
  filter: AudienceFilter,
): Promise<{ text: string; occurredAt: Date } | null> {
  const rows: { text: string; occurred_at: Date }[] = await manager.query(
    `SELECT f.text, f.occurred_at FROM feedback f
     WHERE f.customer_id = $2 AND f.text IS NOT NULL AND f.text <> ''
       AND (f.theme_id IN (SELECT t.theme_id FROM action_themes t WHERE t.action_id = $1)
            OR f.id IN (SELECT af.feedback_id FROM action_feedback af WHERE af.action_id = $1))
       AND ($3::text[] IS NULL OR f.source = ANY($3::text[]))
       AND ($4::timestamptz IS NULL OR f.occurred_at >= $4::timestamptz)
       AND ($5::timestamptz IS NULL OR f.occurred_at < $5::timestamptz)
     ORDER BY (f.id IN (SELECT af.feedback_id FROM action_feedback af WHERE af.action_id = $1)) DESC,
              f.occurred_at DESC, f.id LIMIT 1`,
    [
      actionId,
      customerId,
      filter.sources && filter.sources.length > 0 ? filter.sources : null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  );
  const row = rows[0];
  return row ? { text: row.text, occurredAt: new Date(row.occurred_at) } : null;
}
