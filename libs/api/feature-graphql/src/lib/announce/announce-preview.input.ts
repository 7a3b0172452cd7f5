import { Field, ID, InputType } from '@nestjs/graphql';
import { AudienceFilterInput } from './audience-filter.input';

@InputType()
export class AnnouncePreviewInput {
  @Field(() => ID)
  actionId!: string;

  @Field({ description: 'Placeholders: {{firstName}}, {{change}}, {{quote}}, {{quoteDate}}.' })
  subject!: string;

  @Field({ description: 'Body text with the same placeholders.' })
  body!: string;

  @Field(() => AudienceFilterInput, { nullable: true })
  audience?: AudienceFilterInput | null;
}
