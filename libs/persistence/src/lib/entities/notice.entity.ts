import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type NoticeStatus = 'requested' | 'sending' | 'sent' | 'failed' | 'suppressed';

/** One change notice to one customer about one action: never two. */
@Entity({ name: 'notices' })
@Index('uq_notices_action_customer', ['actionId', 'customerId'], { unique: true })
export class NoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Index('ix_notices_customer')
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text' })
  status!: NoticeStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ name: 'text_body', type: 'text', nullable: true })
  textBody!: string | null;

  @Column({ name: 'html_body', type: 'text', nullable: true })
  htmlBody!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a notifier took it; a stale claim may be taken again. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  /** Names the current claim: only its holder may hand the message to the SMTP server or finish the notice. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** When the claim's holder handed the message to the SMTP server: from then on it is never sent again. */
  @Column({ name: 'handed_at', type: 'timestamptz', nullable: true })
  handedAt!: Date | null;

  /** When a notice whose send failed for a temporary reason may be tried again. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The correlation id of the request that announced it; the email and its delivery event carry it. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;
}
