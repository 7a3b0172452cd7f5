import { NoticeRequestedTopic, type NoticeRequestedEvent } from '@closedloop/contracts';
import { subscription, type MessageBus, type RunningConsumer } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService } from '@closedloop/platform';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DELIVERY_CONFIG, type DeliveryConfig } from './delivery.config';
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
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.startConsumer({
      groupId: DELIVERY_GROUP_ID,
      retry: busRetryFor(this.config.retry),
      subscriptions: [
        subscription(
          NoticeRequestedTopic,
          async (event) => {
            await this.handle(event);
          },
          // A batch is handled by sendConcurrency workers at once, a customer per worker. If any request fails, the bus
          // handles the batch again message by message (with its retries): requests already
          // handled are then 'already-done' at once, claims decide, nothing is sent twice.
          async (items) => {
            // One customer's requests are handled one after another by one worker: two claims
            // for one customer never run at once.
            const byCustomer = new Map<string, NoticeRequestedEvent[]>();
            for (const item of items) {
              const list = byCustomer.get(item.value.customerId) ?? [];
              list.push(item.value);
              byCustomer.set(item.value.customerId, list);
            }
            const groups = [...byCustomer.values()];
            let next = 0;
            const failures: unknown[] = [];
            const worker = async () => {
              while (next < groups.length) {
                const group = groups[next++] ?? [];
                for (const event of group) {
                  try {
                    await this.handle(event);
                  } catch (error) {
                    failures.push(error);
                  }
                }
              }
            };
            await Promise.all(
              Array.from({ length: Math.max(1, this.config.sendConcurrency) }, worker),
            );
            if (failures.length > 0) throw failures[0];
          },
        ),
      ],
    });
    this.logger.log(`consuming ${NoticeRequestedTopic.name} as ${DELIVERY_GROUP_ID}`);
  }

  private async handle(event: NoticeRequestedEvent): Promise<void> {
    const outcome = await this.delivery.deliver(event);
    if (outcome === 'sent' || outcome === 'suppressed' || outcome === 'failed') this.outbox.nudge();
    this.logger.debug(`notice ${event.noticeId}: ${outcome}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}

/**
 * The bus retries a request whose send failed for a temporary reason with the notifier's backoff
 * (the bus adds ±20 % jitter). It gets two attempts more than the notice itself, so the notice's
 * last attempt runs and marks it failed; a notice claimed elsewhere is not waited for (the
 * sweeper takes over stale claims).
 */
export function busRetryFor(policy: DeliveryConfig['retry']): {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
} {
  return {
    maxAttempts: policy.maxAttempts + 2,
    initialDelayMs: policy.initialDelayMs,
    maxDelayMs: policy.maxDelayMs,
    factor: policy.factor,
  };
}
