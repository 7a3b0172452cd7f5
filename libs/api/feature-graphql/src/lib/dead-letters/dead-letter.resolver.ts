import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorator';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import type { Connection } from '../pagination/connection.model';
import {
  DeadLetter,
  DeadLetterConnection,
  DeadLetterCount,
  DeadLetterFilterInput,
  DeadLetterResolution,
} from './dead-letter.model';
import { DeadLetterService } from './dead-letter.service';

/** Admins see what consumers could not take, replay it after a fix, or set it aside. */
@Resolver(() => DeadLetter)
export class DeadLetterResolver {
  constructor(private readonly service: DeadLetterService) {}

  @Allow('admin')
  @Query(() => DeadLetterConnection, {
    description:
      'Dead letters, newest failure first, by status and source topic, a page at a time.',
  })
  deadLetters(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => DeadLetterFilterInput, nullable: true })
    filter: DeadLetterFilterInput | null,
  ): Promise<Connection<DeadLetter>> {
    return this.service.page(filter, first, after);
  }

  @Allow('admin')
  @Query(() => [DeadLetterCount], {
    description: 'How many dead letters, by source topic and status.',
  })
  deadLetterCounts(): Promise<DeadLetterCount[]> {
    return this.service.counts();
  }

  @Allow('admin')
  @Mutation(() => DeadLetterResolution, {
    description:
      'Writes open dead letters back to their source topics (after a fix) and marks them replayed. Consumers’ effects are keyed, so a replay never doubles anything; one that fails again comes back as a new dead letter.',
  })
  replayDeadLetters(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentUser() user: UserPrincipal,
  ): Promise<DeadLetterResolution> {
    return this.service.replay(ids, user.email);
  }

  @Allow('admin')
  @Mutation(() => DeadLetterResolution, {
    description: 'Sets open dead letters aside for good, with a note saying why.',
  })
  discardDeadLetters(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('note') note: string,
    @CurrentUser() user: UserPrincipal,
  ): Promise<DeadLetterResolution> {
    return this.service.discard(ids, user.email, note);
  }
}
