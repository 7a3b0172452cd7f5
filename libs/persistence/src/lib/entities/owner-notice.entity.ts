import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A message to a user in the portal about an action they own (e.g. a regression). */
@Entity({ name: 'owner_notices' })
@Index('ix_owner_notices_user', ['userId', 'createdAt'])
export class OwnerNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  message!: string;

  /** Unique: what the notice is about, so a redelivered cause writes it once. */
  @Index('uq_owner_notices_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
