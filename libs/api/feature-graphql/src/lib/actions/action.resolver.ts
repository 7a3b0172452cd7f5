import { Allow } from '../auth/access.decorator';
import { SettingsService } from '../settings/settings.service';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { Feedback } from '../feedback/feedback.model';
import { FeedbackService } from '../feedback/feedback.service';
import { AnnouncePreviewInput } from '../announce/announce-preview.input';
import { AnnouncePreview } from '../announce/announce-preview.model';
import {
  Notice,
  NoticeConnection,
  NoticeStatusValue,
  NoticeSummary,
} from '../notices/notice.model';
import { NoticeService } from '../notices/notice.service';
import type { Connection } from '../pagination/connection.model';
import { Theme } from '../themes/theme.model';
import { ThemeService } from '../themes/theme.service';
import { actorOf } from './action-actor';
import { ActionConnection } from './action-connection.model';
import { ActionImpact } from './action-impact.model';
import { AnnounceResult } from './announce-result.model';
import {
  ActionFilterInput,
  AnnounceActionInput,
  ChangeActionStatusInput,
  CreateActionInput,
  UpdateActionInput,
} from './action.inputs';
import {
  Action,
  ActionComment,
  ActionHistoryEntry,
  ActionOwner,
  ActionRegression,
} from './action.model';
import { ActionService } from './action.service';
import { LoopMeasuresService } from './loop-measures.service';
import { ActionAnnouncement } from '../announce/action-announcement.model';

const WINDOW_ARG = {
  type: () => Int,
  nullable: true,
  description: 'Weeks before and after the ship; the impactWindowWeeks setting when omitted.',
} as const;

@Resolver(() => Action)
export class ActionResolver {
  constructor(
    private readonly actionService: ActionService,
    private readonly measures: LoopMeasuresService,
    private readonly feedbackService: FeedbackService,
    private readonly noticeService: NoticeService,
    private readonly themeService: ThemeService,
    private readonly settings: SettingsService,
  ) {}

  @Allow('viewer')
  @Query(() => [Action], { description: 'Actions, newest first (at most 500); prefer `actions`.' })
  actionList(): Promise<Action[]> {
    return this.actionService.list();
  }

  @Allow('viewer')
  @Query(() => ActionConnection, { description: 'Actions, newest first, filtered and paginated.' })
  actions(
    @Args('filter', { type: () => ActionFilterInput, nullable: true })
    filter: ActionFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<Action>> {
    return this.actionService.page(filter, first, after);
  }

  @Allow('viewer')
  @Query(() => Action, { nullable: true })
  action(@Args('id', { type: () => ID }) id: string): Promise<Action | null> {
    return this.actionService.find(id);
  }

  @Allow('cx_lead')
  @Mutation(() => Action, { description: 'Create an action from one or more themes.' })
  createAction(
    @Args('input') input: CreateActionInput,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.create(input, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Action)
  linkThemesToAction(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('themeIds', { type: () => [ID] }) themeIds: string[],
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.linkThemes(actionId, themeIds, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Action, { description: 'An action keeps at least one theme.' })
  unlinkThemeFromAction(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('themeId', { type: () => ID }) themeId: string,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.unlinkTheme(actionId, themeId, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Action)
  linkFeedbackToAction(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('feedbackIds', { type: () => [ID] }) feedbackIds: string[],
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.linkFeedback(actionId, feedbackIds, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Action, {
    description: 'Change title, description, owner or target date (null clears owner or date).',
  })
  updateAction(
    @Args('input') input: UpdateActionInput,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.update(input, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Action, {
    description:
      'Move an action along its lifecycle; illegal moves are refused with ILLEGAL_TRANSITION.',
  })
  changeActionStatus(
    @Args('input') input: ChangeActionStatusInput,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Action> {
    return this.actionService.changeStatus(input, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => ActionComment)
  addActionComment(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('body') body: string,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<ActionComment> {
    return this.actionService.addComment(actionId, body, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => AnnounceResult, {
    description: 'Tell every customer of the action’s themes and linked feedback, once.',
  })
  announceAction(
    @Args('input') input: AnnounceActionInput,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<AnnounceResult> {
    return this.actionService.announce(input, actorOf(user));
  }

  @Allow('cx_lead')
  @Query(() => AnnouncePreview, {
    description:
      'Who announcing the action would tell (the same audience announceAction uses), who is left out and why, and the notice rendered for a sample customer. Changes nothing.',
  })
  announcePreview(@Args('input') input: AnnouncePreviewInput): Promise<AnnouncePreview> {
    return this.actionService.preview(input);
  }

  @Allow('viewer')
  @Query(() => ActionImpact, { nullable: true, description: 'Null until the action shipped.' })
  actionImpact(
    @Args('actionId', { type: () => ID }) actionId: string,
    @Args('windowWeeks', { ...WINDOW_ARG }) windowWeeks: number | null,
  ): Promise<ActionImpact | null> {
    return this.impactOf(actionId, windowWeeks);
  }

  @ResolveField(() => ActionOwner, { nullable: true })
  owner(@Parent() action: Action): Promise<ActionOwner | null> {
    return this.actionService.owner(action.ownerId);
  }

  @ResolveField(() => [Theme])
  async themes(@Parent() action: Action): Promise<Theme[]> {
    const ids = await this.actionService.themeIds(action.id);
    const themes = await Promise.all(ids.map((id) => this.themeService.byId(id)));
    return themes.filter((t): t is Theme => t !== null);
  }

  @ResolveField(() => [ActionComment])
  comments(@Parent() action: Action): Promise<ActionComment[]> {
    return this.actionService.comments(action.id);
  }

  @ResolveField(() => ActionImpact, { nullable: true })
  impact(
    @Parent() action: Action,
    @Args('windowWeeks', { ...WINDOW_ARG }) windowWeeks: number | null,
  ): Promise<ActionImpact | null> {
    return this.impactOf(action.id, windowWeeks);
  }

  @ResolveField(() => ActionRegression, {
    nullable: true,
    description: 'The latest regression, if any.',
  })
  regression(@Parent() action: Action): Promise<ActionRegression | null> {
    return this.actionService.regression(action.id);
  }

  @ResolveField(() => [Feedback], { description: 'Feedback linked directly.' })
  feedback(@Parent() action: Action): Promise<Feedback[]> {
    return this.feedbackService.forAction(action.id);
  }

  @ResolveField(() => [ActionHistoryEntry])
  history(@Parent() action: Action): Promise<ActionHistoryEntry[]> {
    return this.actionService.history(action.id);
  }

  @ResolveField(() => [Notice])
  notices(@Parent() action: Action): Promise<Notice[]> {
    return this.noticeService.forAction(action.id);
  }

  @ResolveField(() => NoticeConnection, {
    description:
      'The customers told (or to be told) about this action, with their notice’s status, message id, reason and sent time, in the order queued.',
  })
  recipients(
    @Parent() action: Action,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => [NoticeStatusValue], nullable: true })
    status: NoticeStatusValue[] | null,
  ): Promise<Connection<Notice>> {
    return this.noticeService.recipients(action.id, first, after, status);
  }

  @ResolveField(() => ActionAnnouncement, {
    nullable: true,
    description: 'The announcement as it was made; null until the action is announced.',
  })
  announcement(@Parent() action: Action): Promise<ActionAnnouncement | null> {
    return this.actionService.announcement(action.id);
  }

    @ResolveField(() => NoticeSummary)
  noticeSummary(@Parent() action: Action): Promise<NoticeSummary> {
    return this.noticeService.summary(action.id);
  }

  /** The impact over the given window, or the admins' `impactWindowWeeks` setting. */
  private async impactOf(
    actionId: string,
    windowWeeks: number | null,
  ): Promise<ActionImpact | null> {
    const weeks = windowWeeks ?? (await this.settings.get()).impactWindowWeeks;
    return this.measures.impact(actionId, weeks);
  }
}
