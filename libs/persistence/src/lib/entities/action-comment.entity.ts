import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'action_comments' })
@Index('ix_action_comments_action', ['actionId', 'createdAt'])
export class ActionCommentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'author_label', type: 'text' })
  authorLabel!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
