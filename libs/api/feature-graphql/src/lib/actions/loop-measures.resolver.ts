import { Allow } from '../auth/access.decorator';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import {
  LoopBreakdownBy,
  LoopFigures,
  LoopFilterInput,
  LoopMeasures,
  OwnerNotice,
} from './loop-measures.model';
import { LoopMeasuresService } from './loop-measures.service';

@Resolver()
export class LoopMeasuresResolver {
  constructor(private readonly measures: LoopMeasuresService) {}

  @Allow('viewer')
  @Query(() => LoopMeasures, {
    description:
      'How well the loop closes: share of feedback actioned, share of actioned feedback told, median hours to action, ship and notice, open loops by age; overall and per week.',
  })
  loopMeasures(@Args('filter') filter: LoopFilterInput): Promise<LoopMeasures> {
    return this.measures.measures(filter);
  }

  @Allow('viewer')
  @Query(() => [LoopFigures], { description: 'The loop measures per source, theme or owner.' })
  loopBreakdown(
    @Args('by', { type: () => LoopBreakdownBy }) by: LoopBreakdownBy,
    @Args('filter') filter: LoopFilterInput,
  ): Promise<LoopFigures[]> {
    return this.measures.breakdown(by, filter);
  }

  @Allow('viewer')
  @Query(() => [OwnerNotice], {
    description: 'The signed-in user’s notices, newest first (empty when signed out).',
  })
  myNotices(
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<OwnerNotice[]> {
    return user ? this.measures.notices(user.userId, unreadOnly) : Promise.resolve([]);
  }

  @Allow('viewer')
  @Mutation(() => Int, {
    description: 'Marks the signed-in user’s notices read; answers how many changed.',
  })
  markNoticesRead(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<number> {
    return user ? this.measures.markRead(user.userId, ids) : Promise.resolve(0);
  }
}
