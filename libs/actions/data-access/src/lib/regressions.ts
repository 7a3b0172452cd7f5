import {
  DEFAULT_REGRESSION_RULE,
  detectRegression,
  planReopenForReview,
  REOPENABLE_STATUSES,
  type ActionStatus,
  type RegressionRule,
  type RegressionVerdict,
} from '@closedloop/actions-domain';
import { ActionEventsTopic } from '@closedloop/contracts';
import { enqueueOutbox } from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from './actor';
import { recordHistory } from './audit';
import { writeOwnerNotice } from './owner-notices';

const WEEK_MS = 7 * 86_400_000;

/** The pre-ship window the baseline covers, in weeks. */
export const DEFAULT_BASELINE_WEEKS = 4;

interface ShipRow {
  status: string;
  title: string;
  owner_id: string | null;
  shipped_at: Date | null;
  baseline_shipped_at: Date | null;
  baseline_weeks: number | null;
  baseline_volume: number | null;
  baseline_negatives: number | null;
}

/**
 * Captures the pre-ship picture of an action's current ship (volume and negatives of its lineage
 * in the `weeks` before the ship), once per ship. Answers false when there is nothing to capture.
 */
export async function captureBaseline(
  manager: EntityManager,
  actionId: string,
  weeks = DEFAULT_BASELINE_WEEKS,
): Promise<boolean> {
  const [action]: ShipRow[] = await manager.query(
    'SELECT shipped_at, baseline_shipped_at FROM actions WHERE id = $1',
    [actionId],
  );
  if (!action?.shipped_at) return false;
  if (
    action.baseline_shipped_at &&
    new Date(action.baseline_shipped_at).getTime() === new Date(action.shipped_at).getTime()
  ) {
    return false;
  }
  const shippedAt = new Date(action.shipped_at);
  await manager.query(
    `UPDATE actions a SET baseline_shipped_at = a.shipped_at, baseline_weeks = $2, baseline_volume = b.volume, baseline_negatives = b.negatives
     FROM (SELECT count(*)::int AS volume, count(*) FILTER (WHERE negative)::int AS negatives FROM action_lineage
           WHERE action_id = $1 AND occurred_at >= $3 AND occurred_at < $4) b
     WHERE a.id = $1`,
    [actionId, weeks, new Date(shippedAt.getTime() - weeks * WEEK_MS), shippedAt],
  );
  return true;
}

export interface RegressionOutcome {
  readonly verdict: RegressionVerdict;
  /** True when this call flagged and reopened the action (false when it already had been). */
  readonly reopened: boolean;
}

/**
 * Checks a shipped or announced action against its pre-ship baseline and, when its themes came
 * back, in the caller's transaction: records the regression (one per ship), reopens the action for
 * review (system actor), writes a notice to its owner, and queues `action.events.v1` `reopened`.
 * `eventKey` names the event that caused the check. Answers null for actions not shipped.
 */
export async function checkRegression(
  manager: EntityManager,
  actionId: string,
  eventKey: string,
  now: Date,
  rule: RegressionRule = DEFAULT_REGRESSION_RULE,
): Promise<RegressionOutcome | null> {
  const [locked]: ShipRow[] = await manager.query(
    'SELECT status FROM actions WHERE id = $1 FOR UPDATE',
    [actionId],
  );
  if (!locked || !REOPENABLE_STATUSES.includes(locked.status as ActionStatus)) return null;
  await captureBaseline(manager, actionId);
  const [action]: ShipRow[] = await manager.query(
    `SELECT status, title, owner_id, shipped_at, baseline_weeks, baseline_volume, baseline_negatives FROM actions WHERE id = $1`,
    [actionId],
  );
  if (!action?.shipped_at) return null;
  const shippedAt = new Date(action.shipped_at);
  const [after]: { volume: number; negatives: number }[] = await manager.query(
    `SELECT count(*)::int AS volume, count(*) FILTER (WHERE negative)::int AS negatives FROM action_lineage
     WHERE action_id = $1 AND occurred_at >= $2`,
    [actionId, shippedAt],
  );
  const verdict = detectRegression(
    {
      weeks: action.baseline_weeks ?? DEFAULT_BASELINE_WEEKS,
      volume: action.baseline_volume ?? 0,
      negatives: action.baseline_negatives ?? 0,
    },
    { shippedAt, now, volume: after?.volume ?? 0, negatives: after?.negatives ?? 0 },
    rule,
  );
  if (!verdict.regressed) return { verdict, reopened: false };
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO action_regressions (id, action_id, shipped_at, detected_at, reasons, baseline_weekly_volume, after_weekly_volume,
                                     baseline_negative_share, after_negative_share, message, event_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (action_id, shipped_at) DO NOTHING RETURNING id`,
    [
      randomUUID(),
      actionId,
      shippedAt,
      now,
      verdict.reasons.join(','),
      verdict.baselineWeeklyVolume,
      verdict.afterWeeklyVolume,
      verdict.baselineNegativeShare,
      verdict.afterNegativeShare,
      verdict.message,
      eventKey,
    ],
  );
  const regression = inserted[0];
  if (!regression) return { verdict, reopened: false };
  const from = action.status as ActionStatus;
  const plan = planReopenForReview(from, now);
  await manager.query(
    'UPDATE actions SET status = $2, reopened_at = $3, updated_at = $3 WHERE id = $1',
    [actionId, plan.status, now],
  );
  await recordHistory(manager, {
    actionId,
    actor: SYSTEM_ACTOR,
    kind: 'regression',
    from,
    to: plan.status,
    note: `Reopened for review: ${verdict.message}`,
    at: now,
    eventKey: `regression:${regression.id}`,
  });
  if (action.owner_id) {
    await writeOwnerNotice(manager, {
      userId: action.owner_id,
      actionId,
      kind: 'regression',
      message: `"${action.title}" was reopened for review. ${verdict.message}.`,
      dedupeKey: `regression:${regression.id}`,
      at: now,
    });
  }
  await enqueueOutbox(manager, ActionEventsTopic, [
    {
      key: actionId,
      value: {
        schemaVersion: 1,
        eventId: randomUUID(),
        actionId,
        type: 'reopened',
        status: plan.status,
        previousStatus: from,
        actor: SYSTEM_ACTOR.label,
        occurredAt: now.toISOString(),
      },
    },
  ]);
  return { verdict, reopened: true };
}

export interface RegressionRow {
  readonly id: string;
  readonly shipped_at: Date;
  readonly detected_at: Date;
  readonly reasons: string;
  readonly baseline_weekly_volume: number;
  readonly after_weekly_volume: number;
  readonly baseline_negative_share: number;
  readonly after_negative_share: number;
  readonly message: string;
  readonly resolved_at: Date | null;
}

/** The action's latest regression, if any. */
export async function latestRegression(
  manager: EntityManager,
  actionId: string,
): Promise<RegressionRow | null> {
  const rows: RegressionRow[] = await manager.query(
    `SELECT id, shipped_at, detected_at, reasons, baseline_weekly_volume, after_weekly_volume, baseline_negative_share,
            after_negative_share, message, resolved_at
     FROM action_regressions WHERE action_id = $1 ORDER BY detected_at DESC, id DESC LIMIT 1`,
    [actionId],
  );
  return rows[0] ?? null;
}

/** A new ship resolves the open regression of the previous one. */
export async function resolveRegressions(
  manager: EntityManager,
  actionId: string,
  at: Date,
): Promise<void> {
  await manager.query(
    'UPDATE action_regressions SET resolved_at = $2 WHERE action_id = $1 AND resolved_at IS NULL',
    [actionId, at],
  );
}
