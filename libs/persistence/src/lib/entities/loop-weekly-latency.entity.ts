import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Items per latency bucket (measure 1 to action, 2 to ship, 3 to notice) per owner key, theme
 * key, source and ISO week. Kept by triggers (migration 1796400000000-loop-rollups).
 */
@Entity({ name: 'loop_weekly_latency' })
export class LoopWeeklyLatencyEntity {
  @PrimaryColumn({ name: 'owner_key', type: 'text' })
  ownerKey!: string;

  @PrimaryColumn({ name: 'theme_key', type: 'text' })
  themeKey!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ type: 'date' })
  week!: string;

  @PrimaryColumn({ type: 'smallint' })
  measure!: number;

  @PrimaryColumn({ type: 'smallint' })
  bucket!: number;

  @Column({ type: 'integer' })
  items!: number;
}
