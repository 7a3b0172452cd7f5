import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Customer } from '../customers/customer.model';

export enum AudienceExclusionReason {
  UNSUBSCRIBED = 'UNSUBSCRIBED',
  ERASED = 'ERASED',
  NO_EMAIL = 'NO_EMAIL',
  ALREADY_TOLD = 'ALREADY_TOLD',
  OVER_CAP = 'OVER_CAP',
}
registerEnumType(AudienceExclusionReason, {
  name: 'AudienceExclusionReason',
  description:
    'Why a customer of the audience is not told: unsubscribed, erased, no email address, already told about this action, or over the weekly cap.',
});

@ObjectType()
export class AudienceExclusion {
  @Field(() => AudienceExclusionReason)
  reason!: AudienceExclusionReason;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The notice as one sample customer of the audience would get it.' })
export class NoticePreviewSample {
  @Field(() => Customer)
  customer!: Customer;

  @Field()
  subject!: string;

  @Field({ description: 'The plain-text part.' })
  text!: string;

  @Field({ description: 'The HTML part (every piece of text escaped).' })
  html!: string;
}

@ObjectType({
  description: 'Who an announcement would reach, who is left out and why, and a sample.',
})
export class AnnouncePreview {
  @Field(() => Int, { description: 'Customers who would be told.' })
  size!: number;

  @Field(() => [AudienceExclusion], {
    description: 'Customers left out, per reason (all reasons).',
  })
  excluded!: AudienceExclusion[];

  @Field(() => NoticePreviewSample, {
    nullable: true,
    description: 'Null when nobody would be told.',
  })
  sample!: NoticePreviewSample | null;
}
