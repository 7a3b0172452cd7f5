import { Allow } from '../auth/access.decorator';
import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'graphql-subscriptions';
import { Feedback } from '../feedback/feedback.model';
import { FeedbackService } from '../feedback/feedback.service';
import { LIVE_PUBSUB, LiveTrigger, type LiveFeedbackEvent } from './live-events';
import { ActionStatusChange, FeedbackReceivedFilterInput, ThemeChange } from './live.models';
import { NoticeDelivery } from './notice-delivery.model';

const MEMO_MS = 5_000;

/** GraphQL subscriptions over graphql-ws, fed by LiveEventRelay. */
@Resolver()
export class LiveResolver {
  /** One read per feedback item however many clients receive it. */
  private readonly loading = new Map<string, Promise<Feedback | null>>();

  constructor(
    @Inject(LIVE_PUBSUB) private readonly pubSub: PubSub,
    private readonly feedbackService: FeedbackService,
  ) {}

  @Allow('viewer')
  @Subscription(() => Feedback, {
    description:
      'New feedback as it is stored; with filter.themeId, feedback as it is placed in that theme.',
    filter: (
      event: LiveFeedbackEvent,
      variables: { filter?: FeedbackReceivedFilterInput | null },
    ) => {
      const filter = variables.filter ?? {};
      if (filter.source && event.source !== filter.source) return false;
      return filter.themeId
        ? event.kind === 'themed' && event.themeId === filter.themeId
        : event.kind === 'stored';
    },
    resolve(this: LiveResolver, event: LiveFeedbackEvent) {
      return this.load(event.feedbackId);
    },
  })
  feedbackReceived(
    @Args('filter', { type: () => FeedbackReceivedFilterInput, nullable: true })
    _filter: FeedbackReceivedFilterInput | null,
  ) {
    return this.pubSub.asyncIterableIterator(LiveTrigger.feedback);
  }

  @Allow('viewer')
  @Subscription(() => ThemeChange, {
    description: 'Themes created, renamed, merged, split, set aside, pinned or given feedback.',
    resolve: (change: ThemeChange) => change,
  })
  themeChanged() {
    return this.pubSub.asyncIterableIterator(LiveTrigger.themeChanged);
  }

  @Allow('viewer')
  @Subscription(() => ActionStatusChange, {
    description: 'Status changes of one action, or of every action without actionId.',
    filter: (change: ActionStatusChange, variables: { actionId?: string | null }) =>
      !variables.actionId || change.actionId === variables.actionId,
    resolve: (change: ActionStatusChange) => change,
  })
  actionStatusChanged(
    @Args('actionId', { type: () => ID, nullable: true }) _actionId: string | null,
  ) {
    return this.pubSub.asyncIterableIterator(LiveTrigger.actionStatusChanged);
  }

  @Allow('viewer')
  @Subscription(() => NoticeDelivery, {
    description:
      'Notices of one action as they reach their final state (sent, failed, suppressed): follow an announcement’s delivery.',
    filter: (delivery: NoticeDelivery, variables: { actionId: string }) =>
      delivery.actionId === variables.actionId,
    resolve: (delivery: NoticeDelivery) => delivery,
  })
  noticeDelivered(@Args('actionId', { type: () => ID }) _actionId: string) {
    return this.pubSub.asyncIterableIterator(LiveTrigger.noticeDelivered);
  }

  private async load(feedbackId: string): Promise<Feedback> {
    let pending = this.loading.get(feedbackId);
    if (!pending) {
      pending = this.feedbackService.byId(feedbackId);
      this.loading.set(feedbackId, pending);
      setTimeout(() => this.loading.delete(feedbackId), MEMO_MS).unref();
    }
    const feedback = await pending;
    if (!feedback) throw new Error(`feedback ${feedbackId} is gone`);
    return feedback;
  }
}
