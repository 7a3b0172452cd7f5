import { Allow } from '../auth/access.decorator';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Feedback } from './feedback.model';
import { FeedbackService } from './feedback.service';

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @Allow('viewer')
  @Query(() => [Feedback], { description: 'The newest feedback first.' })
  feedbackList(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<Feedback[]> {
    return this.feedbackService.list(first);
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
}
