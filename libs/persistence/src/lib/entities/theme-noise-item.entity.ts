import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of a theme space's noise pool (its text and embedding are on the feedback row). */
@Entity({ name: 'theme_noise_items' })
export class ThemeNoiseItemEntity {
  @PrimaryColumn('text')
  space!: string;

  @PrimaryColumn({ name: 'feedback_id', type: 'uuid' })
  feedbackId!: string;

  /** Set aside by a person: the machine never absorbs it again. */
  @Column({ type: 'boolean', default: false })
  manual!: boolean;

  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' })
  addedAt!: Date;
}
