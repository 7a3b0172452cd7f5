import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Action } from './action.model';

@ObjectType()
export class AnnounceResult {
  @Field(() => Action)
  action!: Action;

  @Field(() => Int, { description: 'Notices queued for sending by this announcement.' })
  noticesQueued!: number;
}
