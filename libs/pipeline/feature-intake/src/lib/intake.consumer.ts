import { INBOUND_TOPICS, correlationIdOf, type InboundFeedbackEvent } from '@closedloop/contracts';
import { loadLanguageDetector } from '@closedloop/feedback-domain';
import { subscription, type MessageBus, type MessageContext } from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService, StageConsumer } from '@closedloop/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enrichFeedback } from './enrich-feedback';
import { normaliseInboundEvent } from './normalise-inbound-event';
import { storeFeedbackBatch, type FeedbackToStore } from './store-feedback';

export const INTAKE_GROUP_ID = 'closedloop.pipeline.intake';

/** The intake stage: consumes the four inbound feedback topics; validates, dedupes, resolves, redacts, enriches, stores. */
@Injectable()
export class IntakeConsumer extends StageConsumer {
  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {
    super(bus, INTAKE_GROUP_ID);
  }

  /** Before consuming: the first batch does not wait for the detector. */
  protected override async prepare(): Promise<void> {
    loadLanguageDetector();
  }

  protected subscriptions() {
    return Object.values(INBOUND_TOPICS).map((topic) =>
      subscription(
        topic as typeof INBOUND_TOPICS.survey,
        (event, context) => this.store([this.prepareItem(event, context)]),
        (items) => this.store(items.map((item) => this.prepareItem(item.value, item.context))),
      ),
    );
  }

  private prepareItem(event: InboundFeedbackEvent, context: MessageContext): FeedbackToStore {
    const feedback = normaliseInboundEvent(event);
    return {
      feedback,
      enrichment: enrichFeedback(feedback),
      correlationId: correlationIdOf(context.headers),
    };
  }

  private async store(items: readonly FeedbackToStore[]): Promise<void> {
    const outcomes = await storeFeedbackBatch(this.dataSource, items);
    const stored = outcomes.filter((o) => o.outcome === 'stored').length;
    if (stored > 0) this.outbox.nudge();
    this.logger.debug(`stored ${stored}, duplicates ${outcomes.length - stored}`);
  }
}
