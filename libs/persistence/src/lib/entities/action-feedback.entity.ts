import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Feedback that an action answers; its customers are the action's audience. */
@Entity({ name: 'action_feedback' })
export class ActionFeedbackEntity {
  @PrimaryColumn({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @Index('ix_action_feedback_feedback')
  @PrimaryColumn({ name: 'feedback_id', type: 'uuid' })
  feedbackId!: string;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}
