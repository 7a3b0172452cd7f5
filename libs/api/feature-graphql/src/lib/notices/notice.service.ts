import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { checkPageSize, decodeCursor } from '../pagination/cursor';
import { toConnection } from '../pagination/to-connection';
import type { Notice, NoticeStatusValue, NoticeSummary } from './notice.model';

const NOTICE_COLUMNS = `n.id, n.status, n.attempts, n.message_id, n.last_error, n.subject, n.text_body, n.sent_at,
  c.id AS customer_id, c.email, c.name, c.unsubscribed_at,
  (floor(extract(epoch FROM n.created_at) * 1000000))::bigint::text AS position`;

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    status: r.status as NoticeStatusValue,
    attempts: r.attempts,
    messageId: r.message_id,
    lastError: r.last_error,
    reason: r.status === 'failed' || r.status === 'suppressed' ? r.last_error : null,
    subject: r.subject,
    textBody: r.text_body,
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    customer: {
      id: r.customer_id,
      email: r.email,
      name: r.name,
      unsubscribedAt: r.unsubscribed_at,
    },
  };
}

interface NoticeRow {
  id: string;
  status: string;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  subject: string | null;
  text_body: string | null;
  sent_at: Date | null;
  customer_id: string;
  email: string | null;
  name: string | null;
  unsubscribed_at: Date | null;
  position: string;
}

@Injectable()
export class NoticeService {
  constructor(private readonly dataSource: DataSource) {}

  async forAction(actionId: string): Promise<Notice[]> {
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS}
       FROM notices n JOIN customers c ON c.id = n.customer_id WHERE n.action_id = $1 ORDER BY n.created_at, n.id`,
      [actionId],
    );
    return rows.map(toNotice);
  }

  /**
   * An action's recipients with their notice's status, a page at a time in the order they were
   * queued; `statuses` narrows (empty or null: all).
   */
  async recipients(
    actionId: string,
    first: number,
    after: string | null,
    statuses: readonly NoticeStatusValue[] | null,
  ): Promise<Connection<Notice & { position: string }>> {
    const size = checkPageSize(first);
    const cursor = after ? decodeCursor(after) : null;
    if (
      cursor &&
      (typeof cursor.key !== 'string' || !/^\d+$/.test(cursor.key) || !isUuid(cursor.id))
    ) {
      throw apiError('BAD_USER_INPUT', 'after is not a cursor of this list', { field: 'after' });
    }
    const filter = statuses && statuses.length > 0 ? [...statuses] : null;
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT ${NOTICE_COLUMNS}
       FROM notices n JOIN customers c ON c.id = n.customer_id
       WHERE n.action_id = $1 AND ($2::text[] IS NULL OR n.status = ANY($2::text[]))
         AND ($3::bigint IS NULL OR ((floor(extract(epoch FROM n.created_at) * 1000000))::bigint, n.id) > ($3::bigint, $4::uuid))
       ORDER BY n.created_at, n.id LIMIT $5`,
      [actionId, filter, cursor?.key ?? null, cursor?.id ?? null, size + 1],
    );
    const counted: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notices n WHERE n.action_id = $1 AND ($2::text[] IS NULL OR n.status = ANY($2::text[]))`,
      [actionId, filter],
    );
    return toConnection(
      rows.map((r) => ({ ...toNotice(r), position: r.position })),
      size,
      counted[0]?.n ?? 0,
      (n) => ({ key: n.position, id: n.id }),
    );
  }

  async summary(actionId: string): Promise<NoticeSummary> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      'SELECT status, count(*) AS count FROM notices WHERE action_id = $1 GROUP BY status',
      [actionId],
    );
    const count = (...statuses: string[]) =>
      rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0);
    return {
      total: count('requested', 'sending', 'sent', 'failed', 'suppressed'),
      pending: count('requested', 'sending'),
      sent: count('sent'),
      delivered: count('sent'),
      failed: count('failed'),
      suppressed: count('suppressed'),
    };
  }

  /** Records a one-click unsubscribe; true when the customer exists. */
  async unsubscribe(customerId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // A SELECT around the UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with rows.
      'WITH unsubscribed AS (UPDATE customers SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE id = $1 RETURNING id) SELECT id FROM unsubscribed',
      [customerId],
    );
    return rows.length > 0;
  }
}
