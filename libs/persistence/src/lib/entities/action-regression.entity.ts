import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A shipped action whose themes came back above the pre-ship level: one per ship. */
@Entity({ name: 'action_regressions' })
@Index('uq_action_regressions_ship', ['actionId', 'shippedAt'], { unique: true })
export class ActionRegressionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ name: 'shipped_at', type: 'timestamptz' })
  shippedAt!: Date;

  @Column({ name: 'detected_at', type: 'timestamptz', default: () => 'now()' })
  detectedAt!: Date;

  /** Comma-separated: volume, negative_share. */
  @Column({ type: 'text' })
  reasons!: string;

  @Column({ name: 'baseline_weekly_volume', type: 'double precision' })
  baselineWeeklyVolume!: number;

  @Column({ name: 'after_weekly_volume', type: 'double precision' })
  afterWeeklyVolume!: number;

  @Column({ name: 'baseline_negative_share', type: 'double precision' })
  baselineNegativeShare!: number;

  @Column({ name: 'after_negative_share', type: 'double precision' })
  afterNegativeShare!: number;

  @Column({ type: 'text' })
  message!: string;

  /** The theme.assigned event that tipped it. */
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
