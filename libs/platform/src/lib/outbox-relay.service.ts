import { OutboxRelay } from '@closedloop/persistence';
import type { MessageBus } from '@closedloop/messaging';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nestMessagingLogger } from './nest-messaging-logger';
import { MESSAGE_BUS } from './tokens';

/** Runs the transactional outbox relay for as long as the app runs. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, @Inject(MESSAGE_BUS) bus: MessageBus) {
    this.relay = new OutboxRelay(dataSource, bus, { logger: nestMessagingLogger('Outbox') });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Call after committing a transaction that wrote to the outbox, to publish without waiting for the poll. */
  nudge(): void {
    this.relay.nudge();
  }

  flush(): Promise<number> {
    return this.relay.flush();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
