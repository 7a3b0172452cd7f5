import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';

export enum DeadLetterStatusValue {
  OPEN = 'open',
  REPLAYED = 'replayed',
  DISCARDED = 'discarded',
}

registerEnumType(DeadLetterStatusValue, {
  name: 'DeadLetterStatus',
  description:
    'open (nothing done yet), replayed (written back to its topic), discarded (set aside for good)',
});

/** How much of a dead letter's value the API shows; the bytes are kept whole for replay. */
export const VALUE_PREVIEW_CHARS = 4_000;

@ObjectType({
  description:
    'A message a consumer could not take (malformed, invalid, or failing after its retries), kept with why.',
})
export class DeadLetter {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The topic it was consumed from, where a replay writes it back.' })
  sourceTopic!: string;

  @Field(() => Int, { nullable: true })
  sourcePartition!: number | null;

  @Field(() => String, { nullable: true })
  sourceOffset!: string | null;

  @Field(() => String, { nullable: true, description: 'The consumer group that gave up on it.' })
  consumerGroup!: string | null;

  @Field({ description: 'Why it failed, as the consumer said.' })
  reason!: string;

  @Field(() => GraphQLISODateTime)
  failedAt!: Date;

  @Field(() => String, { nullable: true })
  key!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The message's value as UTF-8 text, its first ${VALUE_PREVIEW_CHARS} characters; null when empty.`,
  })
  valuePreview!: string | null;

  @Field(() => Int, { description: 'The size of the value in bytes.' })
  valueBytes!: number;

  @Field(() => String, { nullable: true, description: 'The correlation id it travelled with.' })
  correlationId!: string | null;

  @Field(() => DeadLetterStatusValue)
  status!: DeadLetterStatusValue;

  @Field(() => Int)
  replayCount!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  resolvedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was discarded.' })
  note!: string | null;
}

@ObjectType({ description: 'A page of dead letters, newest failure first.' })
export class DeadLetterConnection extends connectionType(DeadLetter, 'DeadLetter') {}

@ObjectType({ description: 'How many dead letters a source topic has in one status.' })
export class DeadLetterCount {
  @Field()
  sourceTopic!: string;

  @Field(() => DeadLetterStatusValue)
  status!: DeadLetterStatusValue;

  @Field(() => Int)
  count!: number;
}

@InputType()
export class DeadLetterFilterInput {
  @Field(() => DeadLetterStatusValue, { nullable: true })
  status?: DeadLetterStatusValue | null;

  @Field(() => String, { nullable: true })
  sourceTopic?: string | null;
}

@ObjectType({ description: 'A dead letter left as it was, and why.' })
export class DeadLetterSkip {
  @Field(() => ID)
  id!: string;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'What a replay or discard did.' })
export class DeadLetterResolution {
  @Field(() => [ID], { description: 'The dead letters replayed (or discarded).' })
  done!: string[];

  @Field(() => [DeadLetterSkip])
  skipped!: DeadLetterSkip[];
}
