import { ActionEventsTopic, NoticeDeliveredTopic, ThemeAssignedTopic } from '@closedloop/contracts';
import { subscription, type MessageBus } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService, StageConsumer } from '@closedloop/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { trackActionEvent } from './track-action-event';
import { trackNoticeDelivered } from './track-notice-delivered';
import { trackThemeAssignment } from './track-theme-assignment';

export const TRACKING_GROUP_ID = 'closedloop.pipeline.tracking';

/**
 * The action-tracking stage: consumes `theme.assigned.v1` (roll-ups, lineage, regression check)
 * `action.events.v1` (pre-ship baselines) and `notice.delivered.v1` (sent notices make their
 * customers' items told). Any number of instances may run; every write is
 * keyed, so redelivery and parallel consumers change nothing twice.
 */
@Injectable()
export class TrackingConsumer extends StageConsumer {
  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {
    super(bus, TRACKING_GROUP_ID);
  }

  protected subscriptions() {
    return [
      subscription(ThemeAssignedTopic, async (event) => {
        const outcome = await trackThemeAssignment(this.dataSource, event);
        if (outcome.reopened.length > 0) {
          this.outbox.nudge();
          this.logger.log(`regression: reopened ${outcome.reopened.join(', ')} for review`);
        }
      }),
      subscription(ActionEventsTopic, async (event) => {
        await trackActionEvent(this.dataSource, event);
      }),
      subscription(NoticeDeliveredTopic, async (event) => {
        await trackNoticeDelivered(this.dataSource, event);
      }),
    ];
  }
}
