import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Audit trail of an action: who changed what, when, from and to. */
@Entity({ name: 'action_history' })
@Index('ix_action_history_action', ['actionId', 'at'])
export class ActionHistoryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  /** The actor's label (a user's name, `system`, or `unknown` when nobody was signed in). */
  @Column({ type: 'text' })
  actor!: string;

  /** The acting user; null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** status, theme_linked, theme_unlinked, owner_changed, target_date_changed, details_changed, comment, regression, created, announced */
  @Column({ type: 'text', default: 'status' })
  kind!: string;

  /** The consumed event a system entry came from (unique, so a redelivery writes it once). */
  @Column({ name: 'event_key', type: 'text', nullable: true })
  eventKey!: string | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
