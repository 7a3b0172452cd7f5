import { ALL_TOPICS, deadLetterTopic } from '@closedloop/contracts';
import { deadLetterFromMessage, keepDeadLetters } from '@closedloop/dead-letters-data-access';
import { subscription, type MessageBus } from '@closedloop/messaging';
import { MESSAGE_BUS, StageConsumer } from '@closedloop/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const DEAD_LETTERS_GROUP_ID = 'closedloop.pipeline.dead-letters';

/**
 * The dead-letters stage: reads the dead-letter topic of every topic of the loop, as raw bytes,
 * and keeps each message once in `dead_letters`, where admins list, replay and discard them.
 */
@Injectable()
export class DeadLetterKeeper extends StageConsumer {
  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {
    super(bus, DEAD_LETTERS_GROUP_ID);
  }

  protected subscriptions() {
    return ALL_TOPICS.map((topic) =>
      subscription(
        deadLetterTopic(topic.name),
        async (value, context) => {
          await this.keep(
            keepDeadLetters(this.dataSource, [deadLetterFromMessage(value, context, new Date())]),
          );
        },
        async (items) => {
          const now = new Date();
          await this.keep(
            keepDeadLetters(
              this.dataSource,
              items.map((i) => deadLetterFromMessage(i.value, i.context, now)),
            ),
          );
        },
      ),
    );
  }

  private async keep(kept: Promise<number>): Promise<void> {
    const count = await kept;
    if (count > 0) this.logger.warn(`kept ${count} new dead letter(s); see deadLetters`);
  }
}
