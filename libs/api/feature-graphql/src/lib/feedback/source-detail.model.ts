import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One fact the source sent with a feedback item, as text.' })
export class SourceDetailModel {
  @Field({ description: 'Dotted for nested facts: reach.followers, metadata.campaign.' })
  key!: string;

  @Field()
  value!: string;
}
