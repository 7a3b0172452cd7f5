import type { MessageBus, RunningConsumer, TopicSubscription } from '@closedloop/messaging';
import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * A pipeline stage: one consumer group over its topics, started once the application is up and
 * stopped (its in-flight batch committed or left for redelivery) when it shuts down. A stage
 * names its group and its subscriptions; anything it must prepare first goes in `prepare`, and
 * anything it must release after its consumer has stopped goes in `release`.
 */
export abstract class StageConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private consumer: RunningConsumer | undefined;

  protected constructor(
    private readonly bus: MessageBus,
    private readonly groupId: string,
  ) {}

  protected abstract subscriptions(): readonly TopicSubscription[];

  /** Runs before the consumer starts; a failure here fails the application's start. */
  protected async prepare(): Promise<void> {
    // nothing by default
  }

  /** Runs after the consumer has stopped. */
  protected async release(): Promise<void> {
    // nothing by default
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.prepare();
    const subscriptions = this.subscriptions();
    this.consumer = await this.bus.startConsumer({ groupId: this.groupId, subscriptions });
    const topics = subscriptions.map((s) => s.topic.name).join(', ');
    this.logger.log(`consuming ${topics} as ${this.groupId}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
    await this.release();
  }
}
