import {
  ActionEventsTopic,
  FeedbackEnrichedTopic,
  NoticeDeliveredTopic,
  ThemeAssignedTopic,
  ThemeChangedTopic,
} from '@closedloop/contracts';
import { subscription, type MessageBus, type RunningConsumer } from '@closedloop/messaging';
import { MESSAGE_BUS } from '@closedloop/platform';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { PubSub } from 'graphql-subscriptions';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import type { ActionStatusValue } from '../actions/action-status.enum';
import type { ThemeStatus } from '../themes/theme.model';
import { LIVE_PUBSUB, LiveTrigger, type LiveFeedbackEvent } from './live-events';
import { ThemeChangeKind, type ActionStatusChange, type ThemeChange } from './live.models';
import type { NoticeDelivery } from './notice-delivery.model';
import type { NoticeStatusValue } from '../notices/notice.model';

/**
 * Feeds GraphQL subscriptions: consumes the topics that say things happened with a consumer
 * group of its own per process, starting at the latest offsets (so every API instance sees every
 * event from its start on, and none replays history), and publishes them to the PubSub. In the
 * embedded mode the same runs on the in-process bus.
 */
@Injectable()
export class LiveEventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventRelay.name);
  private consumer: RunningConsumer | null = null;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(LIVE_PUBSUB) private readonly pubSub: PubSub,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const groupId = `closedloop-api-live-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.consumer = await this.bus.startConsumer({
      groupId,
      startAt: 'latest',
      retry: { maxAttempts: 1 },
      subscriptions: [
        subscription(FeedbackEnrichedTopic, (event) =>
          this.publishFeedback({
            kind: 'stored',
            feedbackId: event.feedbackId,
            source: event.source,
            themeId: null,
          }),
        ),
        subscription(ThemeAssignedTopic, async (event) => {
          await this.publishFeedback({
            kind: 'themed',
            feedbackId: event.feedbackId,
            source: event.source,
            themeId: event.themeId,
          });
          if (event.createdTheme && event.themeId) {
            await this.publishCreatedTheme(event.themeId, event.assignedAt);
          }
        }),
        subscription(ThemeChangedTopic, (event) =>
          this.publish<ThemeChange>(LiveTrigger.themeChanged, {
            change: event.change as ThemeChangeKind,
            themeId: event.themeId,
            relatedThemeId: event.relatedThemeId,
            label: event.label,
            status: event.status as ThemeStatus,
            actor: event.actor,
            at: new Date(event.occurredAt),
          }),
        ),
        subscription(ActionEventsTopic, async (event) => {
          // Only changes of status: edits, links and comments keep the status as it was.
          if (event.previousStatus === event.status) return;
          await this.publish<ActionStatusChange>(LiveTrigger.actionStatusChanged, {
            actionId: event.actionId,
            from: event.previousStatus as ActionStatusValue | null,
            to: event.status as ActionStatusValue,
            actor: event.actor,
            at: new Date(event.occurredAt),
          });
        }),
        subscription(NoticeDeliveredTopic, (event) =>
          this.publish<NoticeDelivery>(LiveTrigger.noticeDelivered, {
            noticeId: event.noticeId,
            actionId: event.actionId,
            status: event.status as NoticeStatusValue,
            at: new Date(event.occurredAt),
          }),
        ),
      ],
    });
    this.logger.log(`live events from consumer group ${groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  private publishFeedback(event: LiveFeedbackEvent): Promise<void> {
    return this.publish(LiveTrigger.feedback, event);
  }

  /** A theme the engine opened: its label and status as saved. */
  private async publishCreatedTheme(themeId: string, at: string): Promise<void> {
    const rows: { label: string; status: ThemeStatus }[] = await this.dataSource.query(
      'SELECT label, status FROM themes WHERE id = $1',
      [themeId],
    );
    const theme = rows[0];
    if (!theme) return;
    await this.publish<ThemeChange>(LiveTrigger.themeChanged, {
      change: ThemeChangeKind.CREATED,
      themeId,
      relatedThemeId: null,
      label: theme.label,
      status: theme.status,
      actor: 'machine',
      at: new Date(at),
    });
  }

  private publish<T>(trigger: string, payload: T): Promise<void> {
    return this.pubSub.publish(trigger, payload);
  }
}
