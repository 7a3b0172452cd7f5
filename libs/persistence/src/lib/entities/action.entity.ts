import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'actions' })
export class ActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** The owner: a user. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  /** The free-text owner of actions created before owners were users, when no user matched. */
  @Column({ name: 'legacy_owner', type: 'text', nullable: true })
  legacyOwner!: string | null;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate!: string | null;

  /** When a regression last reopened the action for review. */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  /** The pre-ship picture of the ship it belongs to (volume and negatives over `baselineWeeks`). */
  @Column({ name: 'baseline_shipped_at', type: 'timestamptz', nullable: true })
  baselineShippedAt!: Date | null;

  @Column({ name: 'baseline_weeks', type: 'integer', nullable: true })
  baselineWeeks!: number | null;

  @Column({ name: 'baseline_volume', type: 'integer', nullable: true })
  baselineVolume!: number | null;

  @Column({ name: 'baseline_negatives', type: 'integer', nullable: true })
  baselineNegatives!: number | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt!: Date | null;

  @Column({ name: 'notice_subject', type: 'text', nullable: true })
  noticeSubject!: string | null;

  /** Markdown with placeholders, written by the CX lead who announces. */
  @Column({ name: 'notice_body', type: 'text', nullable: true })
  noticeBody!: string | null;
}
