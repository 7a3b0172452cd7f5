import { Allow } from '../auth/access.decorator';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Feedback } from '../feedback/feedback.model';
import { FeedbackService } from '../feedback/feedback.service';
import { Notice, NoticeSummary } from '../notices/notice.model';
import { NoticeService } from '../notices/notice.service';
import { AnnounceResult } from './announce-result.model';
import { AnnounceActionInput, ChangeActionStatusInput, CreateActionInput } from './action.inputs';
import { Action, ActionHistoryEntry } from './action.model';
import { ActionService } from './action.service';

/** Until people and roles exist (see the action-tracking issue), changes are attributed to the portal. */
const ACTOR = 'portal';

@Resolver(() => Action)
export class ActionResolver {
  constructor(
    private readonly actions: ActionService,
    private readonly feedbackService: FeedbackService,
    private readonly noticeService: NoticeService,
  ) {}

  @Allow('viewer')
  @Query(() => [Action], { description: 'Actions, newest first.' })
  actionList(): Promise<Action[]> {
    return this.actions.list();
  }

  @Allow('viewer')
  @Query(() => Action, { nullable: true })
  action(@Args('id', { type: () => ID }) id: string): Promise<Action | null> {
    return this.actions.find(id);
  }

  @Allow('cx_lead')
  @Mutation(() => Action)
  createAction(@Args('input') input: CreateActionInput): Promise<Action> {
    return this.actions.create(input, ACTOR);
  }

  @Allow('cx_lead')
  @Mutation(() => Action)
  linkFeedbackToAction(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('feedbackIds', { type: () => [ID] }) feedbackIds: string[],
  ): Promise<Action> {
    return this.actions.linkFeedback(actionId, feedbackIds);
  }

  @Allow('cx_lead')
  @Mutation(() => Action, {
    description:
      'Move an action along its lifecycle; illegal moves are refused with ILLEGAL_TRANSITION.',
  })
  changeActionStatus(@Args('input') input: ChangeActionStatusInput): Promise<Action> {
    return this.actions.changeStatus(input, ACTOR);
  }

  @Allow('cx_lead')
  @Mutation(() => AnnounceResult, {
    description: 'Tell every customer whose feedback led to this action, once.',
  })
  announceAction(@Args('input') input: AnnounceActionInput): Promise<AnnounceResult> {
    return this.actions.announce(input, ACTOR);
  }

  @ResolveField(() => [Feedback])
  feedback(@Parent() action: Action): Promise<Feedback[]> {
    return this.feedbackService.forAction(action.id);
  }

  @ResolveField(() => [ActionHistoryEntry])
  history(@Parent() action: Action): Promise<ActionHistoryEntry[]> {
    return this.actions.history(action.id);
  }

  @ResolveField(() => [Notice])
  notices(@Parent() action: Action): Promise<Notice[]> {
    return this.noticeService.forAction(action.id);
  }

  @ResolveField(() => NoticeSummary)
  noticeSummary(@Parent() action: Action): Promise<NoticeSummary> {
    return this.noticeService.summary(action.id);
  }
}
