import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One actioned feedback item per owner key (`*` all owners, `-` no owner, else the owner's id):
 * its earliest latencies as buckets. Kept by the `loop_refresh` triggers (migration
 * 1796400000000-loop-rollups); read by the loop measures, never written by the application.
 */
@Entity({ name: 'loop_items' })
@Index('ix_loop_items_owner_occurred', { synchronize: false }) // (owner_key, occurred_at) INCLUDE (…)
@Index('ix_loop_items_owner_theme_occurred', ['ownerKey', 'themeId', 'occurredAt'])
export class LoopItemEntity {
  @PrimaryColumn({ name: 'feedback_id', type: 'uuid' })
  feedbackId!: string;

  @PrimaryColumn({ name: 'owner_key', type: 'text' })
  ownerKey!: string;

  @Column({ name: 'theme_id', type: 'text', nullable: true })
  themeId!: string | null;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'date' })
  week!: string;

  @Column({ type: 'boolean' })
  told!: boolean;

  @Column({ name: 'b_action', type: 'smallint' })
  bAction!: number;

  @Column({ name: 'b_ship', type: 'smallint', nullable: true })
  bShip!: number | null;

  @Column({ name: 'b_notice', type: 'smallint', nullable: true })
  bNotice!: number | null;
}
