import { Field, InputType, Int } from '@nestjs/graphql';
import { SocialPlatform } from './ingest-enums';
import { MetadataEntryInput } from './metadata-entry.input';

@InputType({ description: 'One social post, as a listening tool sends it.' })
export class SubmitSocialPostInput {
  @Field({ description: 'The platform’s id of the post.' })
  externalId!: string;

  @Field()
  occurredAt!: string;

  @Field(() => SocialPlatform)
  platform!: SocialPlatform;

  @Field()
  authorHandle!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field()
  text!: string;

  @Field(() => Int)
  followers!: number;

  @Field(() => Int, { defaultValue: 0 })
  likes!: number;

  @Field()
  isPublic!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When the listener knows who is behind the handle.',
  })
  customerEmail?: string | null;

  @Field(() => String, { nullable: true })
  customerName?: string | null;

  @Field(() => [MetadataEntryInput], { nullable: true })
  metadata?: MetadataEntryInput[] | null;
}
