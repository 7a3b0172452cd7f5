import {
  ThemeAssignedTopic,
  MessageHeaders,
  type FeedbackEnrichedEvent,
  type ThemeAssignedEvent,
} from '@closedloop/contracts';
import type { OutgoingMessage } from '@closedloop/messaging';
import { enqueueOutbox } from '@closedloop/persistence';
import {
  addDailyStats,
  applyConsolidation,
  dayOf,
  placeFeedback,
  rebuildDailyStats,
  refreshEmerging,
  type FeedbackPlacement,
  type ThemeSpaceStore,
  type ThemedItemFacts,
} from '@closedloop/themes-data-access';
import { CONSOLIDATION_INTERVAL } from '@closedloop/themes-domain';
import type { SentenceEncoder } from '@closedloop/themes-encoder';
import type { DataSource } from 'typeorm';

export interface ThemingOutcome {
  readonly themed: number;
  /** Already themed (a redelivery), or without text: nothing changed. */
  readonly skipped: number;
  readonly newThemes: number;
  readonly emerging: readonly string[];
}

/** One enriched event and the correlation id it travelled with. */
export interface EnrichedItem {
  readonly event: FeedbackEnrichedEvent;
  readonly correlationId: string | null;
}

/**
 * Places enriched feedback into themes. The texts of items not themed yet are embedded first,
 * outside any transaction (the expensive, stateless part, which runs in every instance at once);
 * then one transaction per batch holds the theme space's lock (one writer at a time). Feedback
 * already themed is skipped, so a redelivery changes nothing. Stores theme, similarity, reason
 * and embedding on each feedback row, adds to the themes' daily statistics, runs the consolidation
 * passes the engine asks for (after every batch while the space is young, then every 500 items;
 * applying them to the feedback and rebuilding the affected statistics), re-judges emerging
 * themes, and enqueues `theme.assigned.v1`.
 */
export async function themeFeedbackBatch(
  dataSource: DataSource,
  store: ThemeSpaceStore,
  encoder: SentenceEncoder,
  space: string,
  items: readonly EnrichedItem[],
): Promise<ThemingOutcome> {
  const withText = items.filter((i) => i.event.text !== null && i.event.text.trim() !== '');
  const unthemed: { id: string }[] =
    withText.length === 0
      ? []
      : await dataSource.query(
          'SELECT id FROM feedback WHERE id = ANY($1::uuid[]) AND themed_at IS NULL',
          [[...new Set(withText.map((i) => i.event.feedbackId))]],
        );
  const open = new Set(unthemed.map((r) => r.id));
  const candidates = withText.filter((i) => open.delete(i.event.feedbackId));
  if (candidates.length === 0)
    return { themed: 0, skipped: items.length, newThemes: 0, emerging: [] };
  const vectors = await encoder.encode(candidates.map((i) => i.event.text as string));
  const embedded = new Map(candidates.map((i, index) => [i.event.feedbackId, vectors[index]]));
  return dataSource.transaction(async (manager) => {
    const result = await store.withSpace(manager, space, async (engine) => {
      // Under the space's lock: what no other writer has themed since.
      const rows: { id: string }[] = await manager.query(
        'SELECT id FROM feedback WHERE id = ANY($1::uuid[]) AND themed_at IS NULL',
        [[...embedded.keys()]],
      );
      const pending = new Set(rows.map((r) => r.id));
      const todo = candidates.filter((i) => pending.delete(i.event.feedbackId));
      const touched = new Set<string>();
      const placements: FeedbackPlacement[] = [];
      const facts: ThemedItemFacts[] = [];
      const events: OutgoingMessage<ThemeAssignedEvent>[] = [];
      const rebuild = new Set<string>();
      let newThemes = 0;
      const assignedAt = new Date().toISOString();
      const consolidate = async (): Promise<void> => {
        // Placements so far must be on the rows before the pass moves them.
        await placeFeedback(manager, placements.splice(0));
        await addDailyStats(manager, facts.splice(0));
        const report = engine.consolidate();
        for (const id of await applyConsolidation(manager, engine, report)) {
          rebuild.add(id);
          touched.add(id);
        }
        for (const r of report.relabelled) touched.add(r.themeId);
      };
      for (const { event, correlationId } of todo) {
        const vector = embedded.get(event.feedbackId) as Float32Array;
        const assignment = engine.assign({
          id: event.feedbackId,
          text: event.text as string,
          vector,
        });
        const themeId = assignment.themeId;
        if (assignment.created) newThemes += 1;
        touched.add(themeId);
        const similarity = Math.max(0, Math.min(1, assignment.similarity));
        placements.push({
          feedbackId: event.feedbackId,
          themeId,
          similarity,
          reason: { ...assignment.reason },
          embedding: vector,
        });
        facts.push({
          themeId,
          occurredAt: event.occurredAt,
          source: event.source,
          journeyStage: event.journeyStage,
          sentiment: event.sentiment,
          npsBand: event.metric === 'NPS' ? (event.scoreBand as ThemedItemFacts['npsBand']) : null,
        });
        events.push({
          key: themeId,
          value: {
            schemaVersion: 1,
            feedbackId: event.feedbackId,
            space,
            themeId,
            createdTheme: assignment.created,
            similarity,
            sharedTerms: assignment.reason.sharedTerms.slice(0, 20),
            source: event.source,
            customerId: event.customerId,
            occurredAt: event.occurredAt,
            sentiment: event.sentiment,
            journeyStage: event.journeyStage,
            assignedAt,
          },
          headers: correlationId ? { [MessageHeaders.correlationId]: correlationId } : {},
        });
        // A long batch still gets its passes on time.
        if (engine.itemsSeen % CONSOLIDATION_INTERVAL === 0) await consolidate();
      }
      if (engine.consolidationDue) await consolidate();
      await placeFeedback(manager, placements);
      await addDailyStats(manager, facts);
      await rebuildDailyStats(manager, rebuild);
      await enqueueOutbox(manager, ThemeAssignedTopic, events);
      const today = dayOf(new Date().toISOString());
      const recent = todo.some((i) => dayOf(i.event.occurredAt) === today);
      return { themed: todo.length, newThemes, touched: recent ? [...touched] : [], today };
    });
    // After the space saved its theme rows, so new themes can be judged too.
    const emerging = await refreshEmerging(manager, result.touched, result.today);
    return {
      themed: result.themed,
      skipped: items.length - result.themed,
      newThemes: result.newThemes,
      emerging,
    };
  });
}
