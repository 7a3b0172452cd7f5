import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ThemeStatus = 'active' | 'noise' | 'merged';

/**
 * A theme: what CX leads see (label, status, size, key phrases, lineage) and the theme engine's
 * own record of it, written in the same transaction as the feedback the engine placed. A merged theme keeps its row, with `merged_into`, so
 * anything linked to it can follow.
 */
@Entity({ name: 'themes' })
@Index('ix_themes_space_status', ['space', 'status'])
@Index('ix_themes_space_version', ['space', 'engineVersion'])
@Index('ix_themes_list', { synchronize: false }) // (space, status, (emerging_since IS NULL), size DESC, id)
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

  /** The theme's most distinctive phrases, best first. */
  @Column({ name: 'key_phrases', type: 'jsonb', default: () => "'[]'::jsonb" })
  keyPhrases!: string[];

  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;

  @Column({ name: 'split_from', type: 'text', nullable: true })
  splitFrom!: string | null;

  /** Set while today's volume is well above the theme's own baseline. */
  @Column({ name: 'emerging_since', type: 'timestamptz', nullable: true })
  emergingSince!: Date | null;

  /** The theme engine's record of the theme (reservoir ids, flags, lineage), without its sum. */
  @Column({ name: 'engine_record', type: 'jsonb', nullable: true })
  engineRecord!: unknown;

  /** The weighted sum of the members' embeddings, float32 little-endian. */
  @Column({ name: 'engine_sum', type: 'bytea', nullable: true })
  engineSum!: Buffer | null;

  /** The theme space's save that last wrote this row (see theme_space_states.version). */
  @Column({ name: 'engine_version', type: 'bigint', default: 0 })
  engineVersion!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
