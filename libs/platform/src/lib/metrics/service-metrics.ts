import type { ConsumeOutcome, MessagingMetrics } from '@closedloop/messaging';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds buckets from a millisecond to a minute: message handling and GraphQL requests. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The Prometheus metrics of one service process (`closedloop_*`, plus Node's own), labelled with
 * the service's name. One instance per process; `/metrics` serves its registry.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly messagesProduced = new Counter({
    name: 'closedloop_messages_produced_total',
    help: 'Messages written to Kafka (acknowledged by the broker), by topic.',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly messagesConsumed = new Counter({
    name: 'closedloop_messages_consumed_total',
    help: 'Messages a consumer group is done with, by topic, group and outcome (handled, dead-lettered).',
    labelNames: ['topic', 'group', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'closedloop_dead_letters_total',
    help: 'Messages sent to a dead-letter topic, by the topic they failed on and the group.',
    labelNames: ['topic', 'group'] as const,
    registers: [this.registry],
  });

  readonly handlingSeconds = new Histogram({
    name: 'closedloop_message_handling_seconds',
    help: 'Time a consumer group took to handle a batch of messages (or one), by topic and group.',
    labelNames: ['topic', 'group'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly messageAgeSeconds = new Histogram({
    name: 'closedloop_message_age_seconds',
    help: 'Time from a message being written to its consumer being done with it, by topic and group.',
    labelNames: ['topic', 'group'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'closedloop_consumer_lag_messages',
    help: 'Messages on a partition a consumer group has not reached yet, as of its last batch.',
    labelNames: ['topic', 'partition', 'group'] as const,
    registers: [this.registry],
  });

  readonly graphqlSeconds = new Histogram({
    name: 'closedloop_graphql_request_seconds',
    help: 'GraphQL requests by operation type, operation name and outcome (ok, error).',
    labelNames: ['type', 'operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly emails = new Counter({
    name: 'closedloop_notice_emails_total',
    help: 'Change-notice emails by outcome: sent, failed (permanently), retried, suppressed.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** What the message bus reports, into these metrics. */
  readonly messaging: MessagingMetrics = {
    produced: (topic, count) => this.messagesProduced.inc({ topic }, count),
    consumed: (topic, group, outcome: ConsumeOutcome, count) => {
      this.messagesConsumed.inc({ topic, group, outcome }, count);
      if (outcome === 'dead-lettered') this.deadLetters.inc({ topic, group }, count);
    },
    handled: (topic, group, _messages, seconds) =>
      this.handlingSeconds.observe({ topic, group }, seconds),
    age: (topic, group, seconds) => this.messageAgeSeconds.observe({ topic, group }, seconds),
    lag: (topic, partition, group, messages) =>
      this.consumerLag.set({ topic, partition: String(partition), group }, messages),
  };
}
