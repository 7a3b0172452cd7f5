import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ThemeStatus = 'active' | 'noise' | 'merged';

/**
 * A theme as CX leads see it: a mirror of the theme engine's view, written in the same transaction
 * as the engine state of its theme space. A merged theme keeps its row, with `merged_into`, so
 * anything linked to it can follow.
 */
@Entity({ name: 'themes' })
@Index('ix_themes_space_status', ['space', 'status'])
export class ThemeEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column({ type: 'text' })
  space!: string;

  @Column({ type: 'text' })
  label!: string;

  /** `machine` until a person renames the theme. */
  @Column({ name: 'label_source', type: 'text' })
  labelSource!: string;

  @Column({ type: 'text' })
  status!: ThemeStatus;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  /** Items the engine counts in the theme. */
  @Column({ type: 'integer', default: 0 })
  size!: number;

  @Column({ name: 'top_terms', type: 'jsonb', default: () => "'[]'::jsonb" })
  topTerms!: string[];

  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;

  @Column({ name: 'split_from', type: 'text', nullable: true })
  splitFrom!: string | null;

  /** Set while today's volume is well above the theme's own baseline. */
  @Column({ name: 'emerging_since', type: 'timestamptz', nullable: true })
  emergingSince!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
