import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Volume, sentiment and NPS of one theme on one day, per source and journey stage. */
@Entity({ name: 'theme_daily_stats' })
export class ThemeDailyStatEntity {
  @PrimaryColumn({ name: 'theme_id', type: 'text' })
  themeId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'journey_stage', type: 'text' })
  journeyStage!: string;

  @Column({ type: 'integer', default: 0 })
  volume!: number;

  @Column({ name: 'sentiment_sum', type: 'double precision', default: 0 })
  sentimentSum!: number;

  @Column({ name: 'sentiment_count', type: 'integer', default: 0 })
  sentimentCount!: number;

  @Column({ name: 'negative_count', type: 'integer', default: 0 })
  negativeCount!: number;

  @Column({ type: 'integer', default: 0 })
  promoters!: number;

  @Column({ type: 'integer', default: 0 })
  passives!: number;

  @Column({ type: 'integer', default: 0 })
  detractors!: number;
}
