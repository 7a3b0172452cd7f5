import { correlationIdOf, FeedbackEnrichedTopic } from '@closedloop/contracts';
import { subscription, type MessageBus, type RunningConsumer } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService } from '@closedloop/platform';
import { DEFAULT_THEME_SPACE, ThemeSpaceStore } from '@closedloop/themes-data-access';
import type { SentenceEncoder } from '@closedloop/themes-encoder';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { themeFeedbackBatch, type EnrichedItem } from './theme-feedback-batch';
import { SENTENCE_ENCODER } from './sentence-encoder.provider';

export const THEMING_GROUP_ID = 'closedloop.pipeline.theming';

/**
 * The theming stage: consumes `feedback.enriched.v1`, embeds each text and places it in a theme.
 * Any number of instances may run: each embeds its own partitions' texts in parallel, and the theme
 * space's lock lets one place items at a time.
 */
@Injectable()
export class ThemingConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ThemingConsumer.name);
  private consumer: RunningConsumer | undefined;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly store: ThemeSpaceStore,
    @Inject(SENTENCE_ENCODER) private readonly encoder: SentenceEncoder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const theme = async (items: readonly EnrichedItem[]) => {
      const outcome = await themeFeedbackBatch(
        this.dataSource,
        this.store,
        this.encoder,
        DEFAULT_THEME_SPACE,
        items,
      );
      if (outcome.themed > 0) this.outbox.nudge();
      if (outcome.emerging.length > 0)
        this.logger.log(`emerging themes: ${outcome.emerging.join(', ')}`);
      this.logger.debug(
        `themed ${outcome.themed}, skipped ${outcome.skipped}, new themes ${outcome.newThemes}`,
      );
    };
    this.consumer = await this.bus.startConsumer({
      groupId: THEMING_GROUP_ID,
      subscriptions: [
        subscription(
          FeedbackEnrichedTopic,
          (event, context) => theme([{ event, correlationId: correlationIdOf(context.headers) }]),
          (items) =>
            theme(
              items.map((i) => ({
                event: i.value,
                correlationId: correlationIdOf(i.context.headers),
              })),
            ),
        ),
      ],
    });
    this.logger.log(`consuming ${FeedbackEnrichedTopic.name} as ${THEMING_GROUP_ID}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    await this.encoder.close();
  }
}
