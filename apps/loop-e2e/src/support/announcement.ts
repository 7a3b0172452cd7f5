import { randomUUID } from 'node:crypto';
import { query } from './database';

/**
 * `customers` customers, each with feedback linked to one announced action, and the announcement
 * as ActionService.announce writes it: a notice per customer and its notice.requested.v1 outbox
 * event, in one statement. Emails are `<tag>-<i>@example.com`. Answers the action's id.
 */
export async function seedAnnouncement(
  databaseUrl: string,
  tag: string,
  customers: number,
): Promise<string> {
  const actionId = randomUUID();
  await query(
    databaseUrl,
    `INSERT INTO customers (id, email, name)
     SELECT gen_random_uuid(), $2 || '-' || i || '@example.com', 'Customer ' || i FROM generate_series(1, $1) AS i`,
    [customers, tag],
  );
  await query(
    databaseUrl,
    `INSERT INTO actions (id, title, legacy_owner, status, announced_at, notice_subject, notice_body)
     VALUES ($1, 'one-click reorder', 'E2E', 'announced', now(), 'We shipped {{change}}', 'Hi {{firstName}}, you said "{{quote}}".')`,
    [actionId],
  );
  await query(
    databaseUrl,
    `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text)
     SELECT gen_random_uuid(), $1 || ':' || c.id, 'survey', c.id, now() - interval '1 day', now(), 'Reordering <b>takes</b> forever'
     FROM customers c`,
    [tag],
  );
  await query(
    databaseUrl,
    `INSERT INTO action_feedback (action_id, feedback_id) SELECT $1, id FROM feedback`,
    [actionId],
  );
  await query(
    databaseUrl,
    `WITH created AS (
       INSERT INTO notices (id, action_id, customer_id, status)
       SELECT gen_random_uuid(), $1, id, 'requested' FROM customers RETURNING id, customer_id)
     INSERT INTO outbox (topic, message_key, payload)
     SELECT 'notice.requested.v1', customer_id::text,
            jsonb_build_object('schemaVersion', 1, 'noticeId', id, 'actionId', $1::uuid, 'customerId', customer_id, 'requestedAt', $2::text)
     FROM created`,
    [actionId, new Date().toISOString()],
  );
  return actionId;
}
