import { INBOUND_TOPICS, correlationIdOf, type InboundFeedbackEvent } from '@closedloop/contracts';
import { loadLanguageDetector } from '@closedloop/feedback-domain';
import {
  subscription,
  type MessageBus,
  type MessageContext,
  type RunningConsumer,
} from '@closedloop/messaging';
import { MESSAGE_BUS, OutboxRelayService } from '@closedloop/platform';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enrichFeedback } from './enrich-feedback';
import { normaliseInboundEvent } from './normalise-inbound-event';
import { storeFeedbackBatch, type FeedbackToStore } from './store-feedback';

export const INTAKE_GROUP_ID = 'closedloop.pipeline.intake';

/** The intake stage: consumes the four inbound feedback topics; validates, dedupes, resolves, redacts, enriches, stores. */
@Injectable()
export class IntakeConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntakeConsumer.name);
  private consumer: RunningConsumer | undefined;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Before consuming: the first batch does not wait for it, and a missing database fails the start.
    loadLanguageDetector();
    const prepare = (event: InboundFeedbackEvent, context: MessageContext): FeedbackToStore => {
      const feedback = normaliseInboundEvent(event);
      return {
        feedback,
        enrichment: enrichFeedback(feedback),
        correlationId: correlationIdOf(context.headers),
      };
    };
    const store = async (items: readonly FeedbackToStore[]) => {
      const outcomes = await storeFeedbackBatch(this.dataSource, items);
      const stored = outcomes.filter((o) => o.outcome === 'stored').length;
      if (stored > 0) this.outbox.nudge();
      this.logger.debug(`stored ${stored}, duplicates ${outcomes.length - stored}`);
    };
    const topics = Object.values(INBOUND_TOPICS);
    this.consumer = await this.bus.startConsumer({
      groupId: INTAKE_GROUP_ID,
      subscriptions: topics.map((topic) =>
        subscription(
          topic as typeof INBOUND_TOPICS.survey,
          (event, context) => store([prepare(event, context)]),
          (items) => store(items.map((item) => prepare(item.value, item.context))),
        ),
      ),
    });
    this.logger.log(`consuming ${topics.map((t) => t.name).join(', ')} as ${INTAKE_GROUP_ID}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }
}
