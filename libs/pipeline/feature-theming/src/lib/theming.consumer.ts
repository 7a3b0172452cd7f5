import { correlationIdOf, FeedbackEnrichedTopic } from '@closedloop/contracts';
import { subscription, type MessageBus } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService, StageConsumer } from '@closedloop/platform';
import { DEFAULT_THEME_SPACE, ThemeSpaceStore } from '@closedloop/themes-data-access';
import type { SentenceEncoder } from '@closedloop/themes-encoder';
import { Inject, Injectable } from '@nestjs/common';
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
export class ThemingConsumer extends StageConsumer {
  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly store: ThemeSpaceStore,
    @Inject(SENTENCE_ENCODER) private readonly encoder: SentenceEncoder,
  ) {
    super(bus, THEMING_GROUP_ID);
  }

  protected subscriptions() {
    return [
      subscription(
        FeedbackEnrichedTopic,
        (event, context) =>
          this.theme([{ event, correlationId: correlationIdOf(context.headers) }]),
        (items) =>
          this.theme(
            items.map((i) => ({
              event: i.value,
              correlationId: correlationIdOf(i.context.headers),
            })),
          ),
      ),
    ];
  }

  protected override async release(): Promise<void> {
    await this.encoder.close();
  }

  private async theme(items: readonly EnrichedItem[]): Promise<void> {
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
  }
}
