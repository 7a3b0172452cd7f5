import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from './customer.entity';

@Entity({ name: 'feedback' })
@Index('ix_feedback_received', ['receivedAt', 'id'])
@Index('ix_feedback_occurred', ['occurredAt', 'id'])
@Index('ix_feedback_source_received', ['source', 'receivedAt', 'id'])
@Index('ix_feedback_customer_received', ['customerId', 'receivedAt', 'id'])
@Index('ix_feedback_theme_received', ['themeId', 'receivedAt', 'id'], {
  where: 'theme_id IS NOT NULL',
})
// ix_feedback_text_search: GIN on search_vector, created by migration 1796300000000.
export class FeedbackEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Idempotency key: `source:externalId`. The same event twice is one row. */
  @Index('uq_feedback_event_key', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  source!: string;

  /** Null for an anonymous customer (a staff report that names nobody). */
  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** The customer's words with personal data redacted. */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'text', nullable: true })
  metric!: string | null;

  @Column({ type: 'smallint', nullable: true })
  score!: number | null;

  /** promoter / passive / detractor for NPS, a band for CSAT and CES. */
  @Column({ name: 'score_band', type: 'text', nullable: true })
  scoreBand!: string | null;

  /** ISO 639-1 code, or `und` when too short to tell. */
  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** -1 (negative) … 1 (positive). */
  @Column({ type: 'real', nullable: true })
  sentiment!: number | null;

  @Column({ name: 'sentiment_label', type: 'text', nullable: true })
  sentimentLabel!: string | null;

  /** discover, buy, onboard, use, support, renew or leave. */
  @Column({ name: 'journey_stage', type: 'text', nullable: true })
  journeyStage!: string | null;

  /** A negative public post with high reach that deserves a public answer. */
  @Column({ name: 'needs_public_answer', type: 'boolean', default: false })
  needsPublicAnswer!: boolean;

  /** The research prompt a staff report answers. */
  @Index('ix_feedback_prompt', { where: 'prompt_id IS NOT NULL' })
  @Column({ name: 'prompt_id', type: 'uuid', nullable: true })
  promptId!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: Record<string, unknown>;

  /** The theme the engine (or a person) placed the feedback in; null when set aside as noise. */
  @Column({ name: 'theme_id', type: 'text', nullable: true })
  themeId!: string | null;

  @Column({ name: 'theme_similarity', type: 'real', nullable: true })
  themeSimilarity!: number | null;

  /** Why it is in its theme: shared terms, similarity, threshold. */
  @Column({ name: 'theme_reason', type: 'jsonb', nullable: true })
  themeReason!: Record<string, unknown> | null;

  /** When the theming stage handled it; set once, so a redelivery changes nothing. */
  @Column({ name: 'themed_at', type: 'timestamptz', nullable: true })
  themedAt!: Date | null;

  /** When the tracking stage counted it in `feedback_weekly_stats` (once). */
  @Column({ name: 'tracked_at', type: 'timestamptz', nullable: true })
  trackedAt!: Date | null;

  /**
   * The text's raw sentence embedding (the theme encoder's output), quantised: a float32 scale
   * then one signed byte per dimension. Written when the item is themed; the theme engine's
   * samples and noise pool are reloaded from it.
   */
  @Column({ type: 'bytea', nullable: true })
  embedding!: Buffer | null;

  // search_vector (tsvector, GENERATED from text, GIN-indexed) is created by migration
  // 1796300000000 and not mapped here: TypeORM would add its typeorm_metadata table for it.
}
