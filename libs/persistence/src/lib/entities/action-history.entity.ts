import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Audit trail of an action: who changed what, when, from and to. */
@Entity({ name: 'action_history' })
@Index('ix_action_history_action', ['actionId', 'at'])
export class ActionHistoryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
