import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A theme an action answers: the customers of its feedback are the action's audience. */
@Entity({ name: 'action_themes' })
export class ActionThemeEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Index('ix_action_themes_theme')
  @PrimaryColumn({ name: 'theme_id', type: 'text' })
  themeId!: string;

  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' })
  linkedAt!: Date;

  @Column({ name: 'linked_by', type: 'uuid', nullable: true })
  linkedBy!: string | null;
}
