import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
  @Field(() => Int)
  failed!: number;
  @Field(() => Int)
  suppressed!: number;
}
