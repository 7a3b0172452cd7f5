import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Notice, NoticeStatusValue, NoticeSummary } from './notice.model';

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
}

@Injectable()
export class NoticeService {
  constructor(private readonly dataSource: DataSource) {}

  async forAction(actionId: string): Promise<Notice[]> {
    const rows: NoticeRow[] = await this.dataSource.query(
      `SELECT n.id, n.status, n.attempts, n.message_id, n.last_error, n.subject, n.text_body, n.sent_at,
              c.id AS customer_id, c.email, c.name, c.unsubscribed_at
       FROM notices n JOIN customers c ON c.id = n.customer_id WHERE n.action_id = $1 ORDER BY n.created_at, n.id`,
      [actionId],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status as NoticeStatusValue,
      attempts: r.attempts,
      messageId: r.message_id,
      lastError: r.last_error,
      subject: r.subject,
      textBody: r.text_body,
      sentAt: r.sent_at ? new Date(r.sent_at) : null,
      customer: {
        id: r.customer_id,
        email: r.email,
        name: r.name,
        unsubscribedAt: r.unsubscribed_at,
      },
    }));
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
