import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NoticeStatusValue } from '../notices/notice.model';
import type { CustomerIdentity, CustomerNotice } from './customer-history.model';

/** The most notices one customer page lists. */
export const MAX_CUSTOMER_NOTICES = 200;

/** What is known of a customer besides their feedback: identities and notices. */
@Injectable()
export class CustomerHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async identities(customerId: string): Promise<CustomerIdentity[]> {
    const rows: { source: string; external_id: string }[] = await this.dataSource.query(
      'SELECT source, external_id FROM customer_identities WHERE customer_id = $1 ORDER BY source, external_id LIMIT 100',
      [customerId],
    );
    return rows.map((r) => ({ source: r.source, externalId: r.external_id }));
  }

  /** Newest queued first, at most MAX_CUSTOMER_NOTICES. */
  async notices(customerId: string): Promise<CustomerNotice[]> {
    const rows: {
      id: string;
      action_id: string;
      title: string;
      status: string;
      subject: string | null;
      created_at: Date;
      sent_at: Date | null;
      last_error: string | null;
    }[] = await this.dataSource.query(
      `SELECT n.id, n.action_id, a.title, n.status, n.subject, n.created_at, n.sent_at, n.last_error
       FROM notices n JOIN actions a ON a.id = n.action_id
       WHERE n.customer_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [customerId, MAX_CUSTOMER_NOTICES],
    );
    return rows.map((r) => ({
      id: r.id,
      actionId: r.action_id,
      actionTitle: r.title,
      status: r.status as NoticeStatusValue,
      subject: r.subject,
      createdAt: new Date(r.created_at),
      sentAt: r.sent_at ? new Date(r.sent_at) : null,
      reason: r.status === 'failed' || r.status === 'suppressed' ? r.last_error : null,
    }));
  }
}
