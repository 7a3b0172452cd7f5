import {
  INBOUND_TOPICS,
  MessageHeaders,
  feedbackEventKey,
  type FeedbackSource,
  type InboundFeedbackEvent,
} from '@closedloop/contracts';
import { currentCorrelationId, type MessageBus, type OutgoingMessage } from '@closedloop/messaging';
import { MESSAGE_BUS } from '@closedloop/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApiKeyPrincipal } from '../auth/api-key-principal';
import { SubmissionStatus } from './ingest-enums';
import type { SubmissionResult } from './submission-result.model';
import { toInboundEvent } from './to-inbound-event';

/** Most events one batch may carry. */
export const MAX_BATCH_SIZE = 1000;

export interface IngestItem {
  readonly source: FeedbackSource;
  readonly input: unknown;
}

/**
 * Validates inbound feedback against the contracts, checks the key's scopes, answers duplicates,
 * and produces the accepted events to their topics; answers only after Kafka acknowledged them.
 * The events carry the correlation id of the request (its `x-correlation-id`, or the one made for
 * it), or a new one outside a request.
 */
@Injectable()
export class IngestService {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {}

  async submit(
    items: readonly IngestItem[],
    principal: ApiKeyPrincipal,
    correlationId = currentCorrelationId() ?? randomUUID(),
  ): Promise<SubmissionResult[]> {
    const results: SubmissionResult[] = [];
    const accepted: { index: number; key: string; event: InboundFeedbackEvent }[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const base = { index, correlationId, field: null, reason: null };
      if (!principal.scopes.includes(item.source)) {
        results.push({
          ...base,
          status: SubmissionStatus.REJECTED,
          eventKey: null,
          field: 'source',
          reason: `API key ${principal.prefix} may not submit ${item.source} feedback`,
        });
        return;
      }
      const built = toInboundEvent(item.source, item.input);
      if (!built.ok) {
        results.push({
          ...base,
          status: SubmissionStatus.REJECTED,
          eventKey: null,
          field: built.field,
          reason: built.reason,
        });
        return;
      }
      const key = feedbackEventKey(built.event.source, built.event.externalId);
      if (seen.has(key)) {
        results.push({
          ...base,
          status: SubmissionStatus.DUPLICATE,
          eventKey: key,
          reason: 'the same event appears earlier in this request',
        });
        return;
      }
      seen.add(key);
      accepted.push({ index, key, event: built.event });
      results.push({ ...base, status: SubmissionStatus.ACCEPTED, eventKey: key });
    });

    // A staff report answering a prompt that does not exist could never be stored: refuse it now
    // rather than accept it and have intake dead-letter it.
    const prompts = await this.knownPrompts(accepted.map((a) => a.event));
    const stored = await this.alreadyStored(accepted.map((a) => a.key));
    const toSend = accepted.filter((a) => {
      const promptId = a.event.source === 'staff' ? a.event.staff.promptId : undefined;
      if (promptId !== undefined && !prompts.has(promptId.toLowerCase())) {
        results[a.index] = {
          ...(results[a.index] as SubmissionResult),
          status: SubmissionStatus.REJECTED,
          eventKey: null,
          field: 'promptId',
          reason: `no research prompt ${promptId}`,
        };
        return false;
      }
      if (!stored.has(a.key)) return true;
      results[a.index] = {
        ...(results[a.index] as SubmissionResult),
        status: SubmissionStatus.DUPLICATE,
        reason: 'already received',
      };
      return false;
    });

    const bySource = new Map<FeedbackSource, OutgoingMessage<InboundFeedbackEvent>[]>();
    for (const { key, event } of toSend) {
      const batch = bySource.get(event.source) ?? [];
      batch.push({ key, value: event, headers: { [MessageHeaders.correlationId]: correlationId } });
      bySource.set(event.source, batch);
    }
    await Promise.all(
      [...bySource].map(([source, messages]) =>
        this.bus.publish(INBOUND_TOPICS[source] as never, messages),
      ),
    );
    return results;
  }

  private async knownPrompts(events: readonly InboundFeedbackEvent[]): Promise<Set<string>> {
    const ids = events.flatMap((e) =>
      e.source === 'staff' && e.staff.promptId ? [e.staff.promptId] : [],
    );
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM research_prompts WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  private async alreadyStored(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { event_key: string }[] = await this.dataSource.query(
      'SELECT event_key FROM feedback WHERE event_key = ANY($1::text[])',
      [keys],
    );
    return new Set(rows.map((r) => r.event_key));
  }
}
