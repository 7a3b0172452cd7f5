import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One feedback item an action answers (linked directly, in a linked theme, or arriving on one
 * later) with the facts the loop measures and the regression check need.
 */
@Entity({ name: 'action_lineage' })
@Index('ix_action_lineage_action_occurred', ['actionId', 'occurredAt'])
@Index('ix_action_lineage_theme', ['themeId', 'occurredAt'])
export class ActionLineageEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Index('ix_action_lineage_feedback')
  @PrimaryColumn({ name: 'feedback_id', type: 'uuid' })
  feedbackId!: string;

  /** Null for feedback linked directly. */
  @Column({ name: 'theme_id', type: 'text', nullable: true })
  themeId!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId!: string | null;

  @Index('ix_action_lineage_occurred')
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'boolean', default: false })
  negative!: boolean;

  @Column({ name: 'actioned_at', type: 'timestamptz' })
  actionedAt!: Date;

  /** When its customer's notice for this action was queued. */
  @Column({ name: 'noticed_at', type: 'timestamptz', nullable: true })
  noticedAt!: Date | null;
}
