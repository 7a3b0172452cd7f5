import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FeedbackSourceKind, SentimentLabel } from '../feedback/feedback-enums';
import { AudienceExclusion } from './announce-preview.model';

@ObjectType({ description: 'The audience filter an announcement used (null fields: no narrowing).' })
export class AnnouncementAudienceFilter {
  @Field(() => [FeedbackSourceKind], { nullable: true })
  sources!: FeedbackSourceKind[] | null;

  @Field(() => String, { nullable: true })
  segment!: string | null;

  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Field(() => Date, { nullable: true })
  to!: Date | null;

  @Field(() => [SentimentLabel], { nullable: true })
  sentiment!: SentimentLabel[] | null;
}

@ObjectType({
  description:
    'An action’s announcement as it was made: the notice written, the audience filter, how many customers it reached and who was left out why, who announced it and when.',
})
export class ActionAnnouncement {
  @Field({ description: 'The subject as written, with its placeholders.' })
  subject!: string;

  @Field({ description: 'The Markdown body as written, with its placeholders.' })
  body!: string;

  @Field(() => AnnouncementAudienceFilter)
  audience!: AnnouncementAudienceFilter;

  @Field(() => Int, { description: 'Customers a notice was queued for.' })
  audienceSize!: number;

  @Field(() => [AudienceExclusion], { description: 'Customers left out, per reason (all reasons).' })
  excluded!: AudienceExclusion[];

  @Field(() => ID, { description: 'Who announced it (user id).' })
  announcedById!: string;

  @Field({ description: 'Who announced it (name).' })
  announcedBy!: string;

  @Field(() => Date)
  announcedAt!: Date;
}
