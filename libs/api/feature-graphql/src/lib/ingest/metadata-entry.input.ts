import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Free metadata: at most 4 KB in all.' })
export class MetadataEntryInput {
  @Field()
  key!: string;

  @Field()
  value!: string;
}
