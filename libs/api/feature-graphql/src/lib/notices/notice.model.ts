import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';
import { Customer } from '../customers/customer.model';

export enum NoticeStatusValue {
  REQUESTED = 'requested',
  SENDING = 'sending',
  SENT = 'sent',
  FAILED = 'failed',
  SUPPRESSED = 'suppressed',
}
registerEnumType(NoticeStatusValue, { name: 'NoticeStatus' });

@ObjectType({ description: 'The change notice one customer gets about one action.' })
export class Notice {
  @Field(() => ID)
  id!: string;

  @Field(() => NoticeStatusValue)
  status!: NoticeStatusValue;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  messageId!: string | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was not delivered (failed or suppressed); null otherwise.',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The plain-text part as sent.' })
  textBody!: string | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Customer)
  customer!: Customer;
}

@ObjectType()
export class NoticeSummary {
  @Field(() => Int)
  total!: number;
  @Field(() => Int)
  pending!: number;
  @Field(() => Int)
  sent!: number;
  @Field(() => Int, { description: 'Accepted by the mail server (the same as `sent`).' })
  delivered!: number;
  @Field(() => Int)
  failed!: number;
  @Field(() => Int)
  suppressed!: number;
}

@ObjectType()
export class NoticeConnection extends connectionType(Notice, 'Notice') {}
