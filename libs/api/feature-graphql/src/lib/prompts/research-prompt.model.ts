import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A question CX leads hand to front-line staff; staff reports can answer it.',
})
export class ResearchPrompt {
  @Field(() => ID)
  id!: string;

  @Field()
  question!: string;

  @Field()
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int)
  answerCount!: number;
}
