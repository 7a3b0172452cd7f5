import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { OutboxRelayService } from '@closedloop/platform';
import { DELIVERY_CONFIG, type DeliveryConfig } from './delivery.config';
import { NoticeDeliveryService } from './notice-delivery.service';

/** Customers handled per sweep round. */
const SWEEP_BATCH = 500;

/**
 * Sends what the notice requests alone do not: notices held for the digest window, notices whose
 * retry is due, and notices whose claim went stale (a notifier killed mid-send). Nothing requested
 * is left behind even when its request event was dead-lettered. Customers are handled by
 * `sendConcurrency` workers at a time (the throttle still caps the send rate).
 */
@Injectable()
export class NoticeSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NoticeSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly delivery: NoticeDeliveryService,
    private readonly outbox: OutboxRelayService,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep (or joins the one running); resolves with the number of customers handled. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    let handled = 0;
    try {
      if ((await this.delivery.resolveUnconfirmed()) > 0) this.outbox.nudge();
      for (;;) {
        const customers = await this.delivery.dueCustomers(SWEEP_BATCH);
        let progressed = 0;
        let next = 0;
        const worker = async () => {
          while (next < customers.length && !this.stopped) {
            const customerId = customers[next++] as string;
            try {
              const outcome = await this.delivery.deliverCustomer(customerId);
              if (outcome !== 'nothing-due') progressed++;
            } catch (error) {
              this.logger.warn(
                `customer ${customerId}: ${error instanceof Error ? error.message : String(error)}`,
              );
            }
            handled++;
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, this.config.sendConcurrency) }, worker));
        if (this.stopped) return handled;
        if (progressed > 0) this.outbox.nudge();
        if (customers.length < SWEEP_BATCH || progressed === 0) return handled;
      }
    } catch (error) {
      this.logger.error(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return handled;
    }
  }
}
