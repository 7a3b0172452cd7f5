import { NoticeRequestedTopic } from '@closedloop/contracts';
import { subscription, type MessageBus, type RunningConsumer } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService } from '@closedloop/platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { NoticeDeliveryService } from './notice-delivery.service';

export const DELIVERY_GROUP_ID = 'closedloop.notifier.delivery';

/** Consumes notice requests and sends each notice once. */
@Injectable()
export class DeliveryConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryConsumer.name);
  private consumer: RunningConsumer | undefined;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly delivery: NoticeDeliveryService,
    private readonly outbox: OutboxRelayService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.startConsumer({
      groupId: DELIVERY_GROUP_ID,
      // Long enough to outlast another notifier's claim on a notice and a short SMTP outage.
      retry: { maxAttempts: 20, maxDelayMs: 15_000 },
      subscriptions: [
        subscription(NoticeRequestedTopic, async (event) => {
          const outcome = await this.delivery.deliver(event);
          if (outcome !== 'already-done') this.outbox.nudge();
          this.logger.log(`notice ${event.noticeId}: ${outcome}`);
        }),
      ],
    });
    this.logger.log(`consuming ${NoticeRequestedTopic.name} as ${DELIVERY_GROUP_ID}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
