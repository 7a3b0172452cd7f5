import {
  checkRegression,
  loadRegressionRule,
  recordArrival,
} from '@closedloop/actions-data-access';
import type { RegressionRule } from '@closedloop/actions-domain';
import type { ThemeAssignedEvent } from '@closedloop/contracts';
import { PermanentMessageError } from '@closedloop/messaging';
import type { DataSource } from 'typeorm';

export interface TrackingOutcome {
  /** Actions whose lineage the item joined (none on a redelivery). */
  readonly joined: readonly string[];
  /** Actions this item reopened for review. */
  readonly reopened: readonly string[];
}

/**
 * Handles one `theme.assigned.v1` event in one transaction: the weekly roll-up, the lineage of the
 * theme's actions and, for those that shipped, the regression check. The regression's clock is the
 * event's `assignedAt`, so a replay judges as the first delivery did. Without a `rule`, the
 * admins' `regressionThresholdPercent` setting applies.
 */
export async function trackThemeAssignment(
  dataSource: DataSource,
  event: ThemeAssignedEvent,
  rule?: RegressionRule,
): Promise<TrackingOutcome> {
  return dataSource.transaction(async (manager) => {
    const found: unknown[] = await manager.query('SELECT 1 FROM feedback WHERE id = $1', [
      event.feedbackId,
    ]);
    if (found.length === 0) {
      throw new PermanentMessageError(`feedbackId: no feedback ${event.feedbackId}`);
    }
    const assignedAt = new Date(event.assignedAt);
    const joined = await recordArrival(manager, {
      feedbackId: event.feedbackId,
      themeId: event.themeId,
      source: event.source,
      customerId: event.customerId,
      occurredAt: new Date(event.occurredAt),
      sentiment: event.sentiment,
      assignedAt,
    });
    const reopened: string[] = [];
    const applied = joined.length > 0 ? (rule ?? (await loadRegressionRule(manager))) : rule;
    for (const actionId of [...joined].sort()) {
      const outcome = await checkRegression(
        manager,
        actionId,
        `theme.assigned:${event.feedbackId}:${event.themeId ?? ''}`,
        assignedAt,
        applied,
      );
      if (outcome?.reopened) reopened.push(actionId);
    }
    return { joined, reopened };
  });
}
