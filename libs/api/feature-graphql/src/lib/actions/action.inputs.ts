import { Field, ID, InputType } from '@nestjs/graphql';
import { AudienceFilterInput } from '../announce/audience-filter.input';
import { ActionStatusValue } from './action-status.enum';

@InputType()
export class CreateActionInput {
  @Field()
  title!: string;

  @Field({ defaultValue: '' })
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The owning user.' })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  targetDate?: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description:
      'The themes this action answers: at least one, unless feedbackIds names feedback that is not themed yet.',
  })
  themeIds!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Feedback this action answers beyond its themes; its customers will be told too.',
  })
  feedbackIds!: string[];
}

@InputType()
export class UpdateActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  targetDate?: string | null;
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

  @Field(() => AudienceFilterInput, {
    nullable: true,
    description: 'The same filter as in announcePreview: exactly the previewed customers are told.',
  })
  audience?: AudienceFilterInput | null;
}

@InputType()
export class ActionFilterInput {
  @Field(() => [ActionStatusValue], { nullable: true })
  status?: ActionStatusValue[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  themeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or description.' })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only actions with (or without) an open regression.',
  })
  regressed?: boolean | null;
}
