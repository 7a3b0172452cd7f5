import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The theme engine's global state for one theme space (embedding frame, background similarity,
 * counters), and the version of its last save. A writer holds the space's advisory lock, catches
 * up on what others saved since its own last save (themes with a higher `engine_version`), and
 * saves in the same transaction as the feedback it placed.
 */
@Entity({ name: 'theme_space_states' })
export class ThemeSpaceStateEntity {
  @PrimaryColumn('text')
  space!: string;

  /** From the sequence theme_space_version_seq: increases with every save of any space. */
  @Column({ type: 'bigint' })
  version!: string;

  @Column({ name: 'global_state', type: 'jsonb' })
  globalState!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
