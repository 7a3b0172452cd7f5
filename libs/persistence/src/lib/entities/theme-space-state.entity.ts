import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The theme engine's state for one theme space, with a fresh revision from every writer. A writer
 * holds the space's advisory lock, reloads when its cached revision is not the stored one, and
 * saves in the same transaction as the feedback it placed.
 */
@Entity({ name: 'theme_space_states' })
export class ThemeSpaceStateEntity {
  @PrimaryColumn('text')
  space!: string;

  @Column({ type: 'text' })
  revision!: string;

  @Column({ type: 'jsonb' })
  snapshot!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
