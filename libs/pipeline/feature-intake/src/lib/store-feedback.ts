import {
  FeedbackEnrichedTopic,
  MessageHeaders,
  type FeedbackEnrichedEvent,
} from '@closedloop/contracts';
import { PermanentMessageError, type OutgoingMessage } from '@closedloop/messaging';
import {
  enqueueOutbox,
  resolveCustomers,
  sqlExpression,
  valuesList,
  type IdentityRequest,
} from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Enrichment } from './enrichment';
import type { NormalisedFeedback } from './normalise-inbound-event';

export type StoreOutcome =
  | { readonly outcome: 'stored'; readonly feedbackId: string }
  | { readonly outcome: 'duplicate'; readonly feedbackId: string };

/** One feedback item ready to store. */
export interface FeedbackToStore {
  readonly feedback: NormalisedFeedback;
  readonly enrichment: Enrichment;
  readonly correlationId: string | null;
}

/** Stores one feedback item exactly once in effect; see {@link storeFeedbackBatch}. */
export async function storeFeedback(
  dataSource: DataSource,
  feedback: NormalisedFeedback,
  enrichment: Enrichment,
  correlationId: string | null,
): Promise<StoreOutcome> {
  const [outcome] = await storeFeedbackBatch(dataSource, [{ feedback, enrichment, correlationId }]);
  return outcome as StoreOutcome;
}

/**
 * Stores feedback items exactly once in effect, all in one transaction with multi-row statements,
 * and answers one outcome per item, in order. The event key is unique, so a redelivered or replayed
 * event (or the same event twice in one batch) finds its row and changes nothing. Customers are
 * resolved (one person across sources) and the enriched events enqueued in the same transaction.
 * A staff report answering an unknown research prompt fails the whole call with a
 * PermanentMessageError: the bus then retries the items one by one and dead-letters only that one.
 */
export async function storeFeedbackBatch(
  dataSource: DataSource,
  items: readonly FeedbackToStore[],
): Promise<StoreOutcome[]> {
  if (items.length === 0) return [];
  return dataSource.transaction(async (manager) => {
    const outcomes: (StoreOutcome | undefined)[] = new Array(items.length);
    const known = await existingIds(
      manager,
      items.map((i) => i.feedback.eventKey),
    );
    const fresh: number[] = [];
    const firstIndexOfKey = new Map<string, number>();
    items.forEach((item, index) => {
      const key = item.feedback.eventKey;
      const id = known.get(key);
      if (id) outcomes[index] = { outcome: 'duplicate', feedbackId: id };
      else if (firstIndexOfKey.has(key))
        return; // a repeat within the batch: answered below
      else {
        firstIndexOfKey.set(key, index);
        fresh.push(index);
      }
    });

    if (fresh.length > 0) {
      const toStore = fresh.map((index) => items[index] as FeedbackToStore);
      await checkPrompts(manager, toStore);
      const customerIds = await customersOf(manager, toStore);
      const feedbackIds = toStore.map(() => randomUUID());
      const inserted = await insertFeedback(manager, toStore, customerIds, feedbackIds);
      const enriched: OutgoingMessage<FeedbackEnrichedEvent>[] = [];
      for (let i = 0; i < fresh.length; i++) {
        const item = toStore[i] as FeedbackToStore;
        const feedbackId = feedbackIds[i] as string;
        if (inserted.has(feedbackId)) {
          outcomes[fresh[i] as number] = { outcome: 'stored', feedbackId };
          enriched.push(enrichedEvent(item, feedbackId, customerIds[i] ?? null));
        }
      }
      await enqueueOutbox(manager, FeedbackEnrichedTopic, enriched);
      // Rows a concurrent consumer stored between our look-up and our insert are duplicates.
      const lost = fresh.filter((index) => !outcomes[index]);
      if (lost.length > 0) {
        const raced = await existingIds(
          manager,
          lost.map((index) => (items[index] as FeedbackToStore).feedback.eventKey),
        );
        for (const index of lost) {
          const id = raced.get((items[index] as FeedbackToStore).feedback.eventKey) as string;
          outcomes[index] = { outcome: 'duplicate', feedbackId: id };
        }
      }
    }
    return items.map((item, index) => {
      const own = outcomes[index];
      if (own) return own;
      const first = outcomes[firstIndexOfKey.get(item.feedback.eventKey) as number] as StoreOutcome;
      return { outcome: 'duplicate', feedbackId: first.feedbackId };
    });
  });
}

async function existingIds(
  manager: EntityManager,
  eventKeys: readonly string[],
): Promise<Map<string, string>> {
  const rows: { id: string; event_key: string }[] = await manager.query(
    'SELECT id, event_key FROM feedback WHERE event_key = ANY($1::text[])',
    [[...new Set(eventKeys)]],
  );
  return new Map(rows.map((r) => [r.event_key, r.id]));
}

async function checkPrompts(
  manager: EntityManager,
  items: readonly FeedbackToStore[],
): Promise<void> {
  const wanted = [
    ...new Set(items.map((i) => i.feedback.promptId).filter((id): id is string => id !== null)),
  ];
  if (wanted.length === 0) return;
  const rows: { id: string }[] = await manager.query(
    'SELECT id FROM research_prompts WHERE id = ANY($1::uuid[])',
    [wanted],
  );
  const found = new Set(rows.map((r) => r.id));
  // PostgreSQL answers uuids in lower case; a producer may write them in upper case.
  const missing = wanted.find((id) => !found.has(id.toLowerCase()));
  if (missing) throw new PermanentMessageError(`staff.promptId: no research prompt ${missing}`);
}

async function customersOf(
  manager: EntityManager,
  items: readonly FeedbackToStore[],
): Promise<(string | null)[]> {
  const requests: IdentityRequest[] = [];
  const slots: number[] = [];
  items.forEach(({ feedback }, index) => {
    if (!feedback.customer) return;
    const { identitySource, ...identity } = feedback.customer;
    requests.push({ ...identity, source: identitySource });
    slots.push(index);
  });
  const ids = requests.length > 0 ? await resolveCustomers(manager, requests) : [];
  const result: (string | null)[] = items.map(() => null);
  slots.forEach((slot, i) => (result[slot] = ids[i] ?? null));
  return result;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function insertFeedback(
  manager: EntityManager,
  items: readonly FeedbackToStore[],
  customerIds: readonly (string | null)[],
  feedbackIds: readonly string[],
): Promise<Set<string>> {
  // Rows go in event-key order, so concurrent batches take the unique-index locks in one order.
  const order = items
    .map((_, i) => i)
    .sort((a, b) =>
      compare(
        (items[a] as FeedbackToStore).feedback.eventKey,
        (items[b] as FeedbackToStore).feedback.eventKey,
      ),
    );
  const values = valuesList(
    order
      .map((i) => [i, items[i] as FeedbackToStore] as const)
      .map(([i, { feedback, enrichment, correlationId }]) => [
        feedbackIds[i],
        feedback.eventKey,
        feedback.source,
        customerIds[i] ?? null,
        feedback.occurredAt,
        sqlExpression('now()'),
        enrichment.text,
        feedback.metric,
        feedback.score,
        feedback.scoreBand,
        enrichment.language,
        enrichment.sentiment,
        enrichment.sentimentLabel,
        enrichment.journeyStage,
        enrichment.needsPublicAnswer,
        feedback.promptId,
        correlationId,
        JSON.stringify({ ...feedback.details, redactions: enrichment.redactions }),
      ]),
  );
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, metric, score, score_band,
                           language, sentiment, sentiment_label, journey_stage, needs_public_answer, prompt_id,
                           correlation_id, details)
     VALUES ${values.sql}
     ON CONFLICT (event_key) DO NOTHING RETURNING id`,
    values.params,
  );
  return new Set(rows.map((r) => r.id));
}

function enrichedEvent(
  { feedback, enrichment, correlationId }: FeedbackToStore,
  feedbackId: string,
  customerId: string | null,
): OutgoingMessage<FeedbackEnrichedEvent> {
  const headers: Record<string, string> = correlationId
    ? { [MessageHeaders.correlationId]: correlationId }
    : {};
  return {
    key: customerId ?? feedbackId,
    value: {
      schemaVersion: 1 as const,
      feedbackId,
      eventKey: feedback.eventKey,
      source: feedback.source,
      customerId,
      occurredAt: feedback.occurredAt,
      text: enrichment.text,
      metric: feedback.metric,
      score: feedback.score,
      scoreBand: feedback.scoreBand,
      language: enrichment.language,
      sentiment: enrichment.sentiment,
      journeyStage: enrichment.journeyStage,
    },
    headers,
  };
}
