import { NoticeDeliveredTopic, type NoticeRequestedEvent } from '@closedloop/contracts';
import { PermanentMessageError } from '@closedloop/messaging';
import { deliveryRetriesExhausted, firstNameOf, renderNotice, signUnsubscribeToken } from '@closedloop/notices-domain';
import { enqueueOutbox } from '@closedloop/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DELIVERY_CONFIG, type DeliveryConfig } from './delivery.config';
import { isPermanentSmtpFailure, MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { SEND_THROTTLE, SendThrottle } from './send-throttle';

/** How long a claim on a notice holds before another notifier may take it over (a notifier killed mid-send). */
export const CLAIM_LEASE_SECONDS = 60;

interface ClaimedNotice {
  id: string;
  attempts: number;
  action_id: string;
  customer_id: string;
  email: string | null;
  name: string | null;
  unsubscribed_at: Date | null;
  erased_at: Date | null;
  title: string;
  notice_subject: string | null;
  notice_body: string | null;
}

export type DeliveryOutcome = 'sent' | 'suppressed' | 'failed' | 'already-done';

/**
 * Sends one change notice, at most once: the notice row is claimed before sending and marked sent
 * with its Message-ID after, and the unique (action, customer) key means there is only one row.
 */
@Injectable()
export class NoticeDeliveryService {
  private readonly logger = new Logger(NoticeDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(SEND_THROTTLE) private readonly throttle: SendThrottle = new SendThrottle(config.maxPerSecond),
  ) {}

  async deliver(event: NoticeRequestedEvent): Promise<DeliveryOutcome> {
    const notice = await this.claim(event.noticeId);
    if (notice === 'done') return 'already-done';

    if (!notice.email || notice.unsubscribed_at || notice.erased_at) {
      const reason = !notice.email ? 'no email address' : notice.erased_at ? 'customer erased' : 'customer unsubscribed';
      await this.finish(notice, 'suppressed', null, reason);
      return 'suppressed';
    }

    const quote = await this.quoteFor(notice);
    const unsubscribeUrl = `${this.config.publicUrl}/unsubscribe/${signUnsubscribeToken(notice.customer_id, this.config.unsubscribeSecret)}`;
    const rendered = renderNotice(
      {
        subject: notice.notice_subject ?? `We made a change: ${notice.title}`,
        body: notice.notice_body ?? 'Hi {{firstName}},\n\nYou told us: "{{quote}}"\n\nWe listened: {{change}}.',
      },
      {
        firstName: firstNameOf(notice.name),
        change: notice.title,
        quote: quote?.text ?? '',
        quoteDate: quote ? quote.occurredAt.toISOString().slice(0, 10) : '',
      },
      unsubscribeUrl,
    );
    const messageId = `<notice-${notice.id}@${this.config.messageIdDomain}>`;
    try {
      await this.throttle.acquire();
      await this.transport.send({
        from: this.config.mailFrom,
        to: notice.name ? { name: notice.name, address: notice.email } : notice.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-ClosedLoop-Notice': notice.id,
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isPermanentSmtpFailure(error)) {
        await this.finish(notice, 'failed', null, reason);
        this.logger.warn(`notice ${notice.id} failed permanently: ${reason}`);
        return 'failed';
      }
      if (deliveryRetriesExhausted(this.config.retry, notice.attempts)) {
        const gaveUp = `gave up after ${notice.attempts} attempts: ${reason}`;
        await this.finish(notice, 'failed', null, gaveUp);
        this.logger.warn(`notice ${notice.id} failed: ${gaveUp}`);
        return 'failed';
      }
      await this.release(notice.id, reason);
      throw error;
    }
    await this.finish(notice, 'sent', messageId, null, rendered);
    return 'sent';
  }

  /** Takes the notice for sending, or says it is already done. A live claim by another notifier is retried later. */
  private async claim(noticeId: string): Promise<ClaimedNotice | 'done'> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { status: string; fresh_claim: boolean }[] = await manager.query(
        `SELECT status, (claimed_at > now() - make_interval(secs => $2)) AS fresh_claim
         FROM notices WHERE id = $1 FOR UPDATE`,
        [noticeId, CLAIM_LEASE_SECONDS],
      );
      const row = rows[0];
      if (!row) throw new PermanentMessageError(`notice ${noticeId} does not exist`);
      if (row.status === 'sent' || row.status === 'suppressed' || row.status === 'failed') return 'done';
      if (row.status === 'sending' && row.fresh_claim) {
        throw new Error(`notice ${noticeId} is being sent by another notifier`);
      }
      await manager.query(
        `UPDATE notices SET status = 'sending', attempts = attempts + 1, claimed_at = now() WHERE id = $1`,
        [noticeId],
      );
      const details: ClaimedNotice[] = await manager.query(
        `SELECT n.id, n.attempts, n.action_id, n.customer_id, c.email, c.name, c.unsubscribed_at, c.erased_at,
                a.title, a.notice_subject, a.notice_body
         FROM notices n JOIN customers c ON c.id = n.customer_id JOIN actions a ON a.id = n.action_id
         WHERE n.id = $1`,
        [noticeId],
      );
      const claimed = details[0];
      if (!claimed) throw new PermanentMessageError(`notice ${noticeId} lost its customer or action`);
      return claimed;
    });
  }

  private async quoteFor(notice: ClaimedNotice): Promise<{ text: string; occurredAt: Date } | undefined> {
    const rows: { text: string; occurred_at: Date }[] = await this.dataSource.query(
      `SELECT f.text, f.occurred_at FROM feedback f JOIN action_feedback af ON af.feedback_id = f.id
       WHERE af.action_id = $1 AND f.customer_id = $2 AND f.text IS NOT NULL AND f.text <> ''
       ORDER BY f.occurred_at DESC LIMIT 1`,
      [notice.action_id, notice.customer_id],
    );
    const row = rows[0];
    return row ? { text: row.text, occurredAt: new Date(row.occurred_at) } : undefined;
  }

  private async release(noticeId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notices SET status = 'requested', claimed_at = NULL, last_error = $2 WHERE id = $1 AND status = 'sending'`,
      [noticeId, reason],
    );
  }

  private async finish(
    notice: ClaimedNotice,
    status: 'sent' | 'suppressed' | 'failed',
    messageId: string | null,
    reason: string | null,
    rendered?: { subject: string; text: string; html: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query(
        `UPDATE notices SET status = $2, message_id = $3, last_error = $4, sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE NULL END,
                subject = COALESCE($5, subject), text_body = COALESCE($6, text_body), html_body = COALESCE($7, html_body)
         WHERE id = $1`,
        [notice.id, status, messageId, reason, rendered?.subject ?? null, rendered?.text ?? null, rendered?.html ?? null],
      );
      await enqueueOutbox(manager, NoticeDeliveredTopic, [
        {
          key: notice.customer_id,
          value: {
            schemaVersion: 1,
            noticeId: notice.id,
            actionId: notice.action_id,
            customerId: notice.customer_id,
            status,
            messageId,
            reason,
            occurredAt: new Date().toISOString(),
          },
        },
      ]);
    });
  }
}
