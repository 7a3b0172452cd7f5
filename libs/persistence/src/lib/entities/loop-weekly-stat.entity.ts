import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Loop roll-up per owner key, theme key (`*` all, `''` none), source (`*` all) and ISO week:
 * actioned, told and the week's median buckets per latency. Kept by triggers (migration
 * 1796400000000-loop-rollups).
 */
@Entity({ name: 'loop_weekly_stats' })
export class LoopWeeklyStatEntity {
  @PrimaryColumn({ name: 'owner_key', type: 'text' })
  ownerKey!: string;

  @PrimaryColumn({ name: 'theme_key', type: 'text' })
  themeKey!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ type: 'date' })
  week!: string;

  @Column({ type: 'integer' })
  actioned!: number;

  @Column({ type: 'integer' })
  told!: number;

  @Column({ name: 'action_lo', type: 'smallint', nullable: true })
  actionLo!: number | null;

  @Column({ name: 'action_hi', type: 'smallint', nullable: true })
  actionHi!: number | null;

  @Column({ name: 'ship_lo', type: 'smallint', nullable: true })
  shipLo!: number | null;

  @Column({ name: 'ship_hi', type: 'smallint', nullable: true })
  shipHi!: number | null;

  @Column({ name: 'notice_lo', type: 'smallint', nullable: true })
  noticeLo!: number | null;

  @Column({ name: 'notice_hi', type: 'smallint', nullable: true })
  noticeHi!: number | null;
}
