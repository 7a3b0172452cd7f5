import { Field, ID, InputType } from '@nestjs/graphql';
import { ActionStatusValue } from './action-status.enum';

@InputType()
export class CreateActionInput {
  @Field()
  title!: string;

  @Field({ defaultValue: '' })
  description!: string;

  @Field()
  owner!: string;

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Feedback this action answers; its customers will be told.',
  })
  feedbackIds!: string[];
}

@InputType()
export class ChangeActionStatusInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => ActionStatusValue)
  status!: ActionStatusValue;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when declining.' })
  reason?: string | null;
}

@InputType()
export class AnnounceActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field({ description: 'Placeholders: {{firstName}}, {{change}}, {{quote}}, {{quoteDate}}.' })
  subject!: string;

  @Field({ description: 'Body text with the same placeholders.' })
  body!: string;
}
