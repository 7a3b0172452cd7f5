import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NoticeStatusValue } from '../notices/notice.model';

@ObjectType({ description: 'A change notice reached its final state: sent, failed or suppressed.' })
export class NoticeDelivery {
  @Field(() => ID)
  noticeId!: string;

  @Field(() => ID)
  actionId!: string;

  @Field(() => NoticeStatusValue)
  status!: NoticeStatusValue;

  @Field()
  at!: Date;
}
