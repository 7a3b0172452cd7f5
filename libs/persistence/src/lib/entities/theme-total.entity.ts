import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One theme's running totals over all its feedback: a roll-up of theme_daily_stats kept in the
 * same statements, so the theme list sorts and filters by volume, recency and negative share
 * without aggregating feedback or daily rows per request.
 */
@Entity({ name: 'theme_totals' })
@Index('ix_theme_totals_volume', ['volume', 'themeId'])
// ix_theme_totals_negative_share and ix_theme_totals_recent are expression indexes (migration 1796300000000).
export class ThemeTotalEntity {
  @PrimaryColumn({ name: 'theme_id', type: 'text' })
  themeId!: string;

  @Column({ type: 'integer', default: 0 })
  volume!: number;

  @Column({ name: 'negative_count', type: 'integer', default: 0 })
  negativeCount!: number;

  @Column({ name: 'sentiment_sum', type: 'double precision', default: 0 })
  sentimentSum!: number;

  @Column({ name: 'sentiment_count', type: 'integer', default: 0 })
  sentimentCount!: number;

  /** When the newest feedback in the theme was given (occurred_at). */
  @Column({ name: 'last_feedback_at', type: 'timestamptz', nullable: true })
  lastFeedbackAt!: Date | null;
}
