import { quoteOf } from '@closedloop/actions-data-access';
import {
  MessageHeaders,
  NoticeDeliveredTopic,
  type NoticeRequestedEvent,
} from '@closedloop/contracts';
import {
  InvalidMessageError,
  PermanentMessageError,
  currentCorrelationId,
  runWithCorrelationId,
  validateValue,
} from '@closedloop/messaging';
import {
  deliveryRetriesExhausted,
  deliveryRetryDelayMs,
  firstNameOf,
  renderDigest,
  signUnsubscribeToken,
  type NoticeSection,
} from '@closedloop/notices-domain';
import { enqueueOutbox } from '@closedloop/persistence';
import { ServiceMetrics } from '@closedloop/platform';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CachedSender } from './configured-sender';
import { DELIVERY_CONFIG, type DeliveryConfig } from './delivery.config';
import {
  isPermanentSmtpFailure,
  MAIL_TRANSPORT,
  mayHaveBeenAccepted,
  type MailTransport,
} from './mail-transport';
import { SEND_THROTTLE, SendThrottle } from './send-throttle';

/** How long a claim on a notice holds before another notifier may take it over (a notifier killed mid-send). */
export const CLAIM_LEASE_SECONDS = 60;

/** The reason recorded on a notice whose notifier died after handing its message to the SMTP server. */
export const UNCONFIRMED_REASON =
  'unconfirmed: the notifier stopped after handing the message to the SMTP server; not sent again (at most one email per notice)';

interface ClaimedNotice {
  id: string;
  attempts: number;
  claim_token: string;
  action_id: string;
  customer_id: string;
  email: string | null;
  name: string | null;
  unsubscribed_at: Date | null;
  erased_at: Date | null;
  title: string;
  notice_subject: string | null;
  notice_body: string | null;
  correlation_id: string | null;
}

export type DeliveryOutcome =
  | 'sent'
  | 'suppressed'
  | 'failed'
  | 'already-done'
  | 'held'
  | 'claimed-elsewhere';

/**
 * SQL: the customer (`customer` is a SQL expression) already got a change-notice email today, in the
 * time zone given by the SQL parameter `tz`: a notice sent today, one being sent (handed to the
 * SMTP server) today, or one handed over today whose outcome is unconfirmed.
 */
function emailedTodaySql(customer: string, tz: string): string {
  const dayStart = `(date_trunc('day', now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz})`;
  return `EXISTS (SELECT 1 FROM notices s WHERE s.customer_id = ${customer} AND (
            (s.status = 'sent' AND s.sent_at >= ${dayStart})
            OR (s.status = 'sending' AND s.handed_at >= ${dayStart})
            OR (s.status = 'failed' AND s.handed_at >= ${dayStart} AND s.last_error LIKE 'unconfirmed:%')))`;
}

/** The `correlation-id` header of a notice's delivery event, when the notice has one. */
function correlationHeader(correlationId: string | null): Record<string, string> {
  return correlationId ? { [MessageHeaders.correlationId]: correlationId } : {};
}

/** A customer's claimed notices that may no longer be sent (taken over, or suppressed meanwhile). */
class ClaimLostError extends Error {}

const DEFAULT_BODY = 'Hi {{firstName}},\n\nYou told us: "{{quote}}"\n\nWe listened: {{change}}.';

/**
 * Sends change notices, at most once each. A customer's pending notices that have waited the
 * digest window are claimed together (a lease on each row, named by a claim token) and sent as
 * ONE email; the Message-ID, status and rendered parts are recorded on every notice it covers.
 * The unique (action, customer) key means there is only one row per notice. Just before the
 * message goes to the SMTP server the claim's holder marks the rows handed over (only if its
 * claim still holds); a stale claim is taken over only if nothing was handed over, and a handed-
 * over notice whose notifier died is marked failed as unconfirmed, never sent again.
 */
@Injectable()
export class NoticeDeliveryService {
  private readonly logger = new Logger(NoticeDeliveryService.name);
  private readonly sender: CachedSender;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(SEND_THROTTLE)
    private readonly throttle: SendThrottle = new SendThrottle(config.maxPerSecond),
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {
    this.sender = new CachedSender(dataSource, config.mailFrom, config.senderCacheMs);
  }

  private get timeZone(): string {
    return this.config.digestTimeZone ?? 'UTC';
  }

  private get leaseSeconds(): number {
    return this.config.claimLeaseSeconds ?? CLAIM_LEASE_SECONDS;
  }

  /** Handles a notice request: sends the customer's due notices, or holds this one for the digest window. */
  async deliver(event: NoticeRequestedEvent): Promise<DeliveryOutcome> {
    const rows: { status: string; held: boolean; fresh_claim: boolean }[] =
      await this.dataSource.query(
        `SELECT status, (created_at > now() - make_interval(secs => $2) OR ${emailedTodaySql('n.customer_id', '$4::text')}) AS held,
              (claimed_at > now() - make_interval(secs => $3)) AS fresh_claim
       FROM notices n WHERE id = $1`,
        [event.noticeId, this.digestSeconds(), this.leaseSeconds, this.timeZone],
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
    // Given back (its claim was lost before the hand-over) or not due yet: the sweeper sends it when due.
    if (after[0]?.status === 'requested') return 'held';
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
    // One email, one correlation id: the oldest notice's (the one that names the Message-ID), so
    // a digest is found under the request that announced its first notice.
    return runWithCorrelationId(first.correlation_id ?? currentCorrelationId(), () =>
      this.sendClaimed(notices, first),
    );
  }

  private async sendClaimed(
    notices: readonly ClaimedNotice[],
    first: ClaimedNotice,
  ): Promise<
    Exclude<DeliveryOutcome, 'already-done' | 'held' | 'claimed-elsewhere'> | 'nothing-due'
  > {
    if (!first.email || first.unsubscribed_at || first.erased_at) {
      const reason = !first.email
        ? 'no email address'
        : first.erased_at
          ? 'customer erased'
          : 'customer unsubscribed';
      await this.finish(notices, 'suppressed', null, reason);
      this.metrics?.emails.inc({ outcome: 'suppressed' });
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
    const from = await this.sender.current();
    await this.throttle.acquire();
    try {
      await this.handOver(notices, messageId);
    } catch (error) {
      if (error instanceof ClaimLostError) return 'nothing-due';
      throw error;
    }
    try {
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
          ...(first.correlation_id && { 'X-Correlation-ID': first.correlation_id }),
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isPermanentSmtpFailure(error)) {
        await this.finish(notices, 'failed', null, reason);
        this.metrics?.emails.inc({ outcome: 'failed' });
        this.logger.warn(
          `notices ${notices.map((n) => n.id).join(', ')} failed permanently: ${reason}`,
        );
        return 'failed';
      }
      if (mayHaveBeenAccepted(error)) {
        // At most once: the server may have the message, so it is never sent again by itself.
        await this.finish(notices, 'failed', messageId, `unconfirmed: ${reason}`);
        this.metrics?.emails.inc({ outcome: 'failed' });
        this.logger.warn(
          `notices ${notices.map((n) => n.id).join(', ')} unconfirmed: the connection was lost mid-send (${reason}); not resent`,
        );
        return 'failed';
      }
      const attempts = Math.max(...notices.map((n) => n.attempts));
      if (deliveryRetriesExhausted(this.config.retry, attempts)) {
        const gaveUp = `gave up after ${attempts} attempts: ${reason}`;
        await this.finish(notices, 'failed', null, gaveUp);
        this.metrics?.emails.inc({ outcome: 'failed' });
        this.logger.warn(`notices ${notices.map((n) => n.id).join(', ')} failed: ${gaveUp}`);
        return 'failed';
      }
      await this.release(notices, reason, deliveryRetryDelayMs(this.config.retry, attempts));
      this.metrics?.emails.inc({ outcome: 'retried' });
      throw error;
    }
    await this.finish(notices, 'sent', messageId, null, rendered);
    this.metrics?.emails.inc({ outcome: 'sent' });
    this.logger.log({ message: 'notice email sent', notices: notices.map((n) => n.id), messageId });
    return 'sent';
  }

  /** Customers with notices due now: waited the digest window and any retry delay, or a claim gone stale. */
  async dueCustomers(limit: number): Promise<string[]> {
    const rows: { customer_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT customer_id FROM notices
       WHERE ((status = 'requested' AND created_at <= now() - make_interval(secs => $1)
               AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
           OR (status = 'sending' AND handed_at IS NULL AND claimed_at <= now() - make_interval(secs => $2)))
         AND NOT ${emailedTodaySql('notices.customer_id', '$4::text')}
       LIMIT $3`,
      [this.digestSeconds(), this.leaseSeconds, limit, this.timeZone],
    );
    return rows.map((r) => r.customer_id);
  }

  private digestSeconds(): number {
    return this.config.digestMinutes * 60;
  }

  /**
   * Claims the customer's due notices. Claims of one customer take turns (a transaction-scoped
   * advisory lock on the customer), and none is made while another claim of theirs is live, so two
   * notifiers can never each send that customer an email the same day. Each row is taken only if it
   * is still pending (or its claim is stale) when its row lock is granted. The claimed rows come
   * back with their customer and action.
   */
  private async claim(
    customerId: string,
    includeNoticeId: string | null,
  ): Promise<ClaimedNotice[]> {
    const details: (ClaimedNotice & {
      created_at: Date;
      customer_row: string | null;
      action_row: string | null;
    })[] = await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `closedloop.notice-claim:${customerId}`,
      ]);
      return manager.query(
        `WITH claimed AS (
           UPDATE notices SET status = 'sending', attempts = attempts + 1, claimed_at = now(),
                  claim_token = gen_random_uuid(), handed_at = NULL
           WHERE customer_id = $1
             AND ((status = 'requested' AND (id = $2 OR (created_at <= now() - make_interval(secs => $3)
                                                         AND (next_attempt_at IS NULL OR next_attempt_at <= now()))))
               OR (status = 'sending' AND handed_at IS NULL AND claimed_at <= now() - make_interval(secs => $4)))
             AND NOT ${emailedTodaySql('$1', '$5::text')}
             AND NOT EXISTS (SELECT 1 FROM notices live WHERE live.customer_id = $1 AND live.status = 'sending'
                               AND live.handed_at IS NULL AND live.claimed_at > now() - make_interval(secs => $4))
           RETURNING id, attempts, claim_token, action_id, customer_id, created_at, correlation_id)
         SELECT n.id, n.attempts, n.claim_token, n.action_id, n.customer_id, n.created_at, c.id AS customer_row, a.id AS action_row, c.email, c.name, c.unsubscribed_at, c.erased_at,
                a.title, a.notice_subject, a.notice_body, n.correlation_id
         FROM claimed n LEFT JOIN customers c ON c.id = n.customer_id LEFT JOIN actions a ON a.id = n.action_id
         ORDER BY n.created_at, n.id`,
        [customerId, includeNoticeId, this.digestSeconds(), this.leaseSeconds, this.timeZone],
      );
    });
    if (details.some((d) => d.customer_row === null || d.action_row === null))
      throw new PermanentMessageError(
        `notices of customer ${customerId} lost their customer or action`,
      );
    return details;
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

  /**
   * Marks the claimed notices handed to the SMTP server, only if this claim still holds on every
   * one of them; otherwise gives back the ones it still holds and throws ClaimLostError (nothing
   * is sent). From here on a notice is never sent again, even if this notifier dies.
   */
  private async handOver(notices: readonly ClaimedNotice[], messageId: string): Promise<void> {
    const handed: { id: string }[] = await this.dataSource.query(
      `WITH handed AS (
         UPDATE notices SET handed_at = now(), message_id = $3
         WHERE status = 'sending' AND (id, claim_token) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
         RETURNING id)
       SELECT id FROM handed`,
      [notices.map((n) => n.id), notices.map((n) => n.claim_token), messageId],
    );
    if (handed.length === notices.length) return;
    await this.dataSource.query(
      `UPDATE notices SET status = 'requested', claimed_at = NULL, claim_token = NULL, handed_at = NULL
       WHERE status = 'sending' AND (id, claim_token) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      [notices.map((n) => n.id), notices.map((n) => n.claim_token)],
    );
    throw new ClaimLostError(
      `the claim on notices ${notices.map((n) => n.id).join(', ')} no longer holds`,
    );
  }

  /**
   * Notices whose notifier died (claim gone stale) after handing their message to the SMTP
   * server: the server may have accepted it, so they are never sent again; they end failed with
   * UNCONFIRMED_REASON and a delivery event. Resolves with how many there were.
   */
  async resolveUnconfirmed(): Promise<number> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const rows: {
        id: string;
        action_id: string;
        customer_id: string;
        message_id: string | null;
        correlation_id: string | null;
      }[] = await manager.query(
        `WITH unconfirmed AS (
             UPDATE notices SET status = 'failed', last_error = $2, next_attempt_at = NULL
             WHERE status = 'sending' AND handed_at IS NOT NULL AND claimed_at <= now() - make_interval(secs => $1)
             RETURNING id, action_id, customer_id, message_id, correlation_id)
           SELECT * FROM unconfirmed`,
        [this.leaseSeconds, UNCONFIRMED_REASON],
      );
      await enqueueOutbox(
        manager,
        NoticeDeliveredTopic,
        rows.map((row) => ({
          key: row.customer_id,
          headers: correlationHeader(row.correlation_id),
          value: {
            schemaVersion: 1 as const,
            noticeId: row.id,
            actionId: row.action_id,
            customerId: row.customer_id,
            status: 'failed' as const,
            messageId: row.message_id,
            reason: UNCONFIRMED_REASON,
            occurredAt: new Date().toISOString(),
          },
        })),
      );
      if (rows.length > 0)
        this.logger.warn(`notices ${rows.map((r) => r.id).join(', ')}: ${UNCONFIRMED_REASON}`);
      return rows.length;
    });
  }

  private async release(
    notices: readonly ClaimedNotice[],
    reason: string,
    delayMs: number,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notices SET status = 'requested', claimed_at = NULL, claim_token = NULL, handed_at = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3)
       WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [notices.map((n) => n.id), reason, delayMs / 1000],
    );
  }

  /**
   * Records the outcome on the notices this claim still holds, with their notice.delivered.v1
   * outbox rows, in ONE statement (one round trip, atomic). A notice erased meanwhile (no longer
   * `sending`) is left suppressed, keeps no bodies and gets no event.
   */
  private async finish(
    claimed: readonly ClaimedNotice[],
    status: 'sent' | 'suppressed' | 'failed',
    messageId: string | null,
    reason: string | null,
    rendered?: { subject: string; text: string; html: string },
  ): Promise<void> {
    const occurredAt = new Date().toISOString();
    const [first] = claimed;
    if (!first) return;
    // The SQL below builds each event; this checks that its shape is the contract's.
    const checked = validateValue(NoticeDeliveredTopic, {
      schemaVersion: 1,
      noticeId: first.id,
      actionId: first.action_id,
      customerId: first.customer_id,
      status,
      messageId,
      reason,
      occurredAt,
    });
    if (!checked.ok) throw new InvalidMessageError(NoticeDeliveredTopic.name, checked.reason);
    await this.dataSource.query(
      `WITH done AS (
         UPDATE notices SET status = $2, message_id = $3, last_error = $4,
                sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE NULL END,
                subject = COALESCE($5, subject), text_body = COALESCE($6, text_body), html_body = COALESCE($7, html_body),
                next_attempt_at = NULL
         WHERE id = ANY($1::uuid[]) AND status = 'sending'
         RETURNING id, action_id, customer_id, created_at, correlation_id)
       INSERT INTO outbox (topic, message_key, payload, headers)
       SELECT $8, customer_id::text,
              jsonb_build_object('schemaVersion', 1, 'noticeId', id, 'actionId', action_id, 'customerId', customer_id,
                                 'status', $2::text, 'messageId', $3::text, 'reason', $4::text, 'occurredAt', $9::text),
              CASE WHEN correlation_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object($10::text, correlation_id) END
       FROM done ORDER BY created_at, id`,
      [
        claimed.map((n) => n.id),
        status,
        messageId,
        reason,
        rendered?.subject ?? null,
        rendered?.text ?? null,
        rendered?.html ?? null,
        NoticeDeliveredTopic.name,
        occurredAt,
        MessageHeaders.correlationId,
      ],
    );
  }
}
