import { quoteOf } from '@closedloop/actions-data-access';
import { NoticeDeliveredTopic, type NoticeRequestedEvent } from '@closedloop/contracts';
import { PermanentMessageError } from '@closedloop/messaging';
import {
  deliveryRetriesExhausted,
  deliveryRetryDelayMs,
  firstNameOf,
  renderDigest,
  signUnsubscribeToken,
  type NoticeSection,
} from '@closedloop/notices-domain';
import { enqueueOutbox } from '@closedloop/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { configuredSender } from './configured-sender';
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

export type DeliveryOutcome =
  | 'sent'
  | 'suppressed'
  | 'failed'
  | 'already-done'
  | 'held'
  | 'claimed-elsewhere';

const DEFAULT_BODY = 'Hi {{firstName}},\n\nYou told us: "{{quote}}"\n\nWe listened: {{change}}.';

/**
 * Sends change notices, at most once each. A customer's pending notices that have waited the
 * digest window are claimed together (a lease on each row) and sent as ONE email; the Message-ID,
 * status and rendered parts are recorded on every notice it covers. The unique (action, customer)
 * key means there is only one row per notice, and a claimed or finished row is never sent again.
 */
@Injectable()
export class NoticeDeliveryService {
  private readonly logger = new Logger(NoticeDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(SEND_THROTTLE)
    private readonly throttle: SendThrottle = new SendThrottle(config.maxPerSecond),
  ) {}

  /** Handles a notice request: sends the customer's due notices, or holds this one for the digest window. */
  async deliver(event: NoticeRequestedEvent): Promise<DeliveryOutcome> {
    const rows: { status: string; held: boolean; fresh_claim: boolean }[] =
      await this.dataSource.query(
        `SELECT status, created_at > now() - make_interval(secs => $2) AS held,
              (claimed_at > now() - make_interval(secs => $3)) AS fresh_claim
       FROM notices WHERE id = $1`,
        [event.noticeId, this.digestSeconds(), CLAIM_LEASE_SECONDS],
      );
    const row = rows[0];
    if (!row) throw new PermanentMessageError(`notice ${event.noticeId} does not exist`);
    if (row.status === 'sent' || row.status === 'suppressed' || row.status === 'failed')
      return 'already-done';
    if (row.status === 'requested' && row.held) return 'held';
    const outcome = await this.deliverCustomer(event.customerId, event.noticeId);
    if (outcome !== 'nothing-due') return outcome;
    const after: { status: string }[] = await this.dataSource.query(
      'SELECT status FROM notices WHERE id = $1',
      [event.noticeId],
    );
    // Another notifier (or this one's sweeper) holds a live claim: it finishes the notice, or the
    // sweeper takes the claim over once its lease has run out. Nothing to wait for here.
    if (after[0]?.status === 'sending') return 'claimed-elsewhere';
    return 'already-done';
  }

  /**
   * Sends all of a customer's due notices as one email. `includeNoticeId` is due even inside the
   * digest window (its request was handled after the window). Throws on a temporary failure after
   * scheduling the retry, so a message bus retries too; both paths are safe, claims decide.
   */
  async deliverCustomer(
    customerId: string,
    includeNoticeId?: string,
  ): Promise<
    Exclude<DeliveryOutcome, 'already-done' | 'held' | 'claimed-elsewhere'> | 'nothing-due'
  > {
    const notices = await this.claim(customerId, includeNoticeId ?? null);
    const [first] = notices;
    if (!first) return 'nothing-due';

    if (!first.email || first.unsubscribed_at || first.erased_at) {
      const reason = !first.email
        ? 'no email address'
        : first.erased_at
          ? 'customer erased'
          : 'customer unsubscribed';
      await this.finish(notices, 'suppressed', null, reason);
      return 'suppressed';
    }

    const sections: NoticeSection[] = [];
    for (const notice of notices) {
      const quote = await this.quoteFor(notice);
      sections.push({
        template: {
          subject: notice.notice_subject ?? `We made a change: ${notice.title}`,
          body: notice.notice_body ?? DEFAULT_BODY,
        },
        variables: {
          firstName: firstNameOf(notice.name),
          change: notice.title,
          quote: quote?.text ?? '',
          quoteDate: quote ? quote.occurredAt.toISOString().slice(0, 10) : '',
        },
      });
    }
    const unsubscribeUrl = `${this.config.publicUrl}/unsubscribe/${signUnsubscribeToken(first.customer_id, this.config.unsubscribeSecret)}`;
    const rendered = renderDigest(sections, unsubscribeUrl);
    // The oldest notice names the message, so a retry of the same batch keeps its Message-ID.
    const messageId = `<notice-${first.id}@${this.config.messageIdDomain}>`;
    const from = await configuredSender(this.dataSource, this.config.mailFrom);
    try {
      await this.throttle.acquire();
      await this.transport.send({
        from,
        to: first.name ? { name: first.name, address: first.email } : first.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-ClosedLoop-Notice': notices.map((n) => n.id).join(', '),
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isPermanentSmtpFailure(error)) {
        await this.finish(notices, 'failed', null, reason);
        this.logger.warn(
          `notices ${notices.map((n) => n.id).join(', ')} failed permanently: ${reason}`,
        );
        return 'failed';
      }
      const attempts = Math.max(...notices.map((n) => n.attempts));
      if (deliveryRetriesExhausted(this.config.retry, attempts)) {
        const gaveUp = `gave up after ${attempts} attempts: ${reason}`;
        await this.finish(notices, 'failed', null, gaveUp);
        this.logger.warn(`notices ${notices.map((n) => n.id).join(', ')} failed: ${gaveUp}`);
        return 'failed';
      }
      await this.release(notices, reason, deliveryRetryDelayMs(this.config.retry, attempts));
      throw error;
    }
    await this.finish(notices, 'sent', messageId, null, rendered);
    return 'sent';
  }

  /** Customers with notices due now: waited the digest window and any retry delay, or a claim gone stale. */
  async dueCustomers(limit: number): Promise<string[]> {
    const rows: { customer_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT customer_id FROM notices
       WHERE (status = 'requested' AND created_at <= now() - make_interval(secs => $1)
              AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
          OR (status = 'sending' AND claimed_at <= now() - make_interval(secs => $2))
       LIMIT $3`,
      [this.digestSeconds(), CLAIM_LEASE_SECONDS, limit],
    );
    return rows.map((r) => r.customer_id);
  }

  private digestSeconds(): number {
    return this.config.digestMinutes * 60;
  }

  /**
   * Claims the customer's due notices in one statement: each row is taken only if it is still
   * pending (or its claim is stale) when its row lock is granted, so concurrent notifiers never
   * claim the same notice.
   */
  private async claim(
    customerId: string,
    includeNoticeId: string | null,
  ): Promise<ClaimedNotice[]> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: { id: string }[] = await manager.query(
        `WITH claimed AS (
           UPDATE notices SET status = 'sending', attempts = attempts + 1, claimed_at = now()
           WHERE customer_id = $1
             AND ((status = 'requested' AND (id = $2 OR (created_at <= now() - make_interval(secs => $3)
                                                         AND (next_attempt_at IS NULL OR next_attempt_at <= now()))))
               OR (status = 'sending' AND claimed_at <= now() - make_interval(secs => $4)))
           RETURNING id)
         SELECT id FROM claimed`,
        [customerId, includeNoticeId, this.digestSeconds(), CLAIM_LEASE_SECONDS],
      );
      if (claimed.length === 0) return [];
      const details: ClaimedNotice[] = await manager.query(
        `SELECT n.id, n.attempts, n.action_id, n.customer_id, c.email, c.name, c.unsubscribed_at, c.erased_at,
                a.title, a.notice_subject, a.notice_body
         FROM notices n JOIN customers c ON c.id = n.customer_id JOIN actions a ON a.id = n.action_id
         WHERE n.id = ANY($1::uuid[])
         ORDER BY n.created_at, n.id`,
        [claimed.map((c) => c.id)],
      );
      if (details.length !== claimed.length)
        throw new PermanentMessageError(
          `notices of customer ${customerId} lost their customer or action`,
        );
      return details;
    });
  }

  /** The customer's own words for the action: the same choice the announce preview shows. */
  private async quoteFor(
    notice: ClaimedNotice,
  ): Promise<{ text: string; occurredAt: Date } | undefined> {
    return (
      (await quoteOf(this.dataSource.manager, notice.action_id, notice.customer_id, {})) ??
      undefined
    );
  }

  private async release(
    notices: readonly ClaimedNotice[],
    reason: string,
    delayMs: number,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notices SET status = 'requested', claimed_at = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3)
       WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [notices.map((n) => n.id), reason, delayMs / 1000],
    );
  }

  private async finish(
    claimed: readonly ClaimedNotice[],
    status: 'sent' | 'suppressed' | 'failed',
    messageId: string | null,
    reason: string | null,
    rendered?: { subject: string; text: string; html: string },
  ): Promise<void> {
    let notices = claimed;
    await this.dataSource.transaction(async (manager: EntityManager) => {
      // Only notices still claimed: one erased meanwhile is suppressed and keeps no bodies.
      const updated: { id: string }[] = await manager.query(
        `WITH done AS (
           UPDATE notices SET status = $2, message_id = $3, last_error = $4, sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE NULL END,
                  subject = COALESCE($5, subject), text_body = COALESCE($6, text_body), html_body = COALESCE($7, html_body),
                  next_attempt_at = NULL
           WHERE id = ANY($1::uuid[]) AND status = 'sending' RETURNING id)
         SELECT id FROM done`,
        [
          notices.map((n) => n.id),
          status,
          messageId,
          reason,
          rendered?.subject ?? null,
          rendered?.text ?? null,
          rendered?.html ?? null,
        ],
      );
      const finished = new Set(updated.map((row) => row.id));
      notices = notices.filter((notice) => finished.has(notice.id));
      await enqueueOutbox(
        manager,
        NoticeDeliveredTopic,
        notices.map((notice) => ({
          key: notice.customer_id,
          value: {
            schemaVersion: 1 as const,
            noticeId: notice.id,
            actionId: notice.action_id,
            customerId: notice.customer_id,
            status,
            messageId,
            reason,
            occurredAt: new Date().toISOString(),
          },
        })),
      );
    });
  }
}
