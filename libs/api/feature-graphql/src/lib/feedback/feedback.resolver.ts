import { Allow } from '../auth/access.decorator';
import { Args, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../pagination/connection.model';
import { wantsField } from '../pagination/wants-field';
import { FeedbackConnection } from './feedback-connection.model';
import { FeedbackFilterInput } from './feedback-filter.input';
import { Feedback } from './feedback.model';
import { FeedbackService } from './feedback.service';
import { SourceDetailModel } from './source-detail.model';
import type { SourceDetail } from './source-detail';

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @Allow('viewer')
  @Query(() => FeedbackConnection, {
    description:
      'Feedback, newest received first (by receivedAt), filtered, a page at a time: pass pageInfo.endCursor as after.',
  })
  feedbackItems(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => FeedbackFilterInput, nullable: true })
    filter: FeedbackFilterInput | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Feedback>> {
    return this.feedbackService.page(filter, first, after, wantsField(info, 'totalCount'));
  }

  @Allow('viewer')
  @Query(() => Feedback, { nullable: true })
  feedback(@Args('id', { type: () => ID }) id: string): Promise<Feedback | null> {
    return this.feedbackService.byId(id);
  }

  @Allow('viewer')
  @Query(() => Feedback, {
    nullable: true,
    description: 'Look a submission up by its idempotency key.',
  })
  feedbackByEventKey(@Args('eventKey') eventKey: string): Promise<Feedback | null> {
    return this.feedbackService.byEventKey(eventKey);
  }

  @ResolveField(() => [SourceDetailModel], {
    description:
      'What the source sent besides the text: survey and question ids, channel, platform and reach, CRM kind and account, staff team, metadata.',
  })
  sourceDetails(@Parent() feedback: Feedback): Promise<SourceDetail[]> {
    return this.feedbackService.sourceDetails(feedback.id);
  }
}
