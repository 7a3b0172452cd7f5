import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NoticeStatusValue } from '../notices/notice.model';

@ObjectType({ description: 'How one source knows a customer.' })
export class CustomerIdentity {
  @Field({ description: 'survey, crm, staff, or social:<platform>' })
  source!: string;

  @Field({ description: 'The source’s id: respondent id, CRM contact id, social handle …' })
  externalId!: string;
}

@ObjectType({ description: 'A change notice a customer was (or is to be) sent.' })
export class CustomerNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  actionId!: string;

  @Field()
  actionTitle!: string;

  @Field(() => NoticeStatusValue)
  status!: NoticeStatusValue;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field({ description: 'When the announcement queued it.' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the mail server accepted it (delivered); null until then.',
  })
  sentAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was not delivered (failed or suppressed).',
  })
  reason!: string | null;
}
