import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Feedback per ISO week (Monday, UTC) and source: the loop measures' denominator. */
@Entity({ name: 'feedback_weekly_stats' })
export class FeedbackWeeklyStatEntity {
  @PrimaryColumn({ type: 'date' })
  week!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @Column({ type: 'integer', default: 0 })
  volume!: number;
}
