/**
 * The tracking stage on real Kafka and PostgreSQL (`npm run stack:up`): a shipped action whose
 * theme gets more feedback after the ship than before is flagged, reopened for review and its
 * owner told in the portal; redelivery changes nothing twice.
 */
import { linkThemes } from '@closedloop/actions-data-access';
import {
  ActionEventSchema,
  defineTopic,
  ThemeAssignedEventSchema,
  type ThemeAssignedEvent,
} from '@closedloop/contracts';
import { KafkaMessageBus, PermanentMessageError, subscription } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { trackActionEvent } from './track-action-event';
import { trackNoticeDelivered } from './track-notice-delivered';
import { trackThemeAssignment } from './track-theme-assignment';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const DAY = 86_400_000;

async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('tracking stage on Kafka and PostgreSQL', () => {
  let db: TestDatabase;
  const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  async function feedbackAt(
    themeId: string,
    occurredAt: Date,
    sentiment: number,
  ): Promise<ThemeAssignedEvent> {
    const id = randomUUID();
    const customerId = randomUUID();
    await q('INSERT INTO customers (id, email) VALUES ($1, $2)', [
      customerId,
      `${customerId}@example.com`,
    ]);
    await q(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, sentiment, journey_stage, theme_id, themed_at)
       VALUES ($1, $2, 'survey', $3, $4, $4, 'the app is slow', $5, 'use', $6, $4)`,
      [id, `survey:${id}`, customerId, occurredAt, sentiment, themeId],
    );
    return {
      schemaVersion: 1,
      feedbackId: id,
      space: 'default',
      themeId,
      createdTheme: false,
      similarity: 0.9,
      sharedTerms: ['slow'],
      source: 'survey',
      customerId,
      occurredAt: occurredAt.toISOString(),
      sentiment,
      journeyStage: 'use',
      assignedAt: occurredAt.toISOString(),
    };
  }

  it('flags a regression once, reopens the action, tells its owner, and absorbs redelivery', async () => {
    const ownerId = randomUUID();
    await q(
      `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, 'o@example.com', 'Olu', 'cx_lead', 'x')`,
      [ownerId],
    );
    const themeId = `theme-${randomUUID()}`;
    await q(
      `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', 'Slow app', 'manual', 'active')`,
      [themeId],
    );
    const shippedAt = new Date(Date.now() - 2 * DAY);
    // Before the ship: 4 items in the 4 weeks before it → 1 a week, 1 negative of 4.
    for (const [weeksBack, sentiment] of [
      [1, -0.5],
      [2, 0.3],
      [3, 0.2],
      [3.5, 0.1],
    ] as const) {
      await feedbackAt(themeId, new Date(shippedAt.getTime() - weeksBack * 7 * DAY), sentiment);
    }
    const actionId = randomUUID();
    await q(
      `INSERT INTO actions (id, title, description, owner_id, status, created_at, updated_at, shipped_at)
       VALUES ($1, 'Speed up the app', '', $2, 'shipped', $3, $3, $4)`,
      [actionId, ownerId, new Date(shippedAt.getTime() - 30 * DAY), shippedAt],
    );
    await db.dataSource.transaction((m) =>
      linkThemes(m, actionId, [themeId], ownerId, new Date(shippedAt.getTime() - 30 * DAY)),
    );

    // After the ship: 6 items in the two days since. With a week as the least elapsed time that is
    // 6 a week against 1 before (> 1.25): the 5th item (the minimum count) tips it.
    const after: ThemeAssignedEvent[] = [];
    for (let i = 0; i < 6; i++) {
      after.push(
        await feedbackAt(themeId, new Date(shippedAt.getTime() + (i + 1) * 6 * 3_600_000), -0.4),
      );
    }

    const run = randomUUID().slice(0, 8);
    const assigned = defineTopic(`it.assigned-${run}.v1`, ThemeAssignedEventSchema);
    const actionEvents = defineTopic(`it.actions-${run}.v1`, ActionEventSchema);
    const bus = new KafkaMessageBus({ brokers, clientId: `tracking-int-${run}`, partitions: 3 });
    await bus.ensureTopics([assigned, actionEvents]);
    const consumer = await bus.startConsumer({
      groupId: `it-tracking-${run}`,
      retry: { maxAttempts: 2 },
      subscriptions: [
        subscription(assigned, (event) =>
          trackThemeAssignment(db.dataSource, event).then(() => undefined),
        ),
        subscription(actionEvents, (event) =>
          trackActionEvent(db.dataSource, event).then(() => undefined),
        ),
      ],
    });
    // The ship event (baseline), a malformed message, the six items, then all of it again.
    const ship = {
      key: actionId,
      value: {
        schemaVersion: 1 as const,
        eventId: randomUUID(),
        actionId,
        type: 'status-changed' as const,
        status: 'shipped' as const,
        previousStatus: 'in_progress' as const,
        actor: 'Olu',
        occurredAt: shippedAt.toISOString(),
      },
    };
    await bus.publish(actionEvents, [ship]);
    await bus.publishRaw(assigned.name, [{ key: themeId, value: Buffer.from('{not json') }]);
    await bus.publish(
      assigned,
      after.map((value) => ({ key: themeId, value })),
    );
    await bus.publish(actionEvents, [ship]);
    await bus.publish(
      assigned,
      after.map((value) => ({ key: themeId, value })),
    );

    await eventually(async () => {
      const [row] = await q<{ n: number }>(
        'SELECT count(*)::int AS n FROM action_lineage WHERE action_id = $1 AND occurred_at >= $2',
        [actionId, shippedAt],
      );
      expect(row?.n).toBe(6);
      const [status] = await q<{ status: string }>('SELECT status FROM actions WHERE id = $1', [
        actionId,
      ]);
      expect(status?.status).toBe('in_progress');
    });
    await new Promise((r) => setTimeout(r, 2000)); // let the redelivered half land too
    await consumer.stop();
    await bus.close();

    const [baseline] = await q<{
      baseline_volume: number;
      baseline_negatives: number;
      baseline_weeks: number;
    }>('SELECT baseline_volume, baseline_negatives, baseline_weeks FROM actions WHERE id = $1', [
      actionId,
    ]);
    expect(baseline).toEqual({ baseline_volume: 4, baseline_negatives: 1, baseline_weeks: 4 });
    const regressions = await q<{
      reasons: string;
      baseline_weekly_volume: number;
      after_weekly_volume: number;
    }>(
      'SELECT reasons, baseline_weekly_volume, after_weekly_volume FROM action_regressions WHERE action_id = $1',
      [actionId],
    );
    // Flagged at the 5th item: 5 a week vs 1 (volume); negatives 5/5 = 100 % vs 25 % (negative share).
    expect(regressions).toEqual([
      { reasons: 'volume,negative_share', baseline_weekly_volume: 1, after_weekly_volume: 5 },
    ]);
    const history = await q<{
      actor: string;
      actor_id: string | null;
      kind: string;
      from_status: string;
      to_status: string;
    }>(
      `SELECT actor, actor_id, kind, from_status, to_status FROM action_history WHERE action_id = $1`,
      [actionId],
    );
    expect(history).toEqual([
      {
        actor: 'system',
        actor_id: null,
        kind: 'regression',
        from_status: 'shipped',
        to_status: 'in_progress',
      },
    ]);
    const notices = await q<{ user_id: string; kind: string; message: string }>(
      'SELECT user_id, kind, message FROM owner_notices WHERE action_id = $1',
      [actionId],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ user_id: ownerId, kind: 'regression' });
    expect(notices[0]?.message).toContain('"Speed up the app" was reopened for review');
    const events = await q<{ type: string }>(
      `SELECT payload->>'type' AS type FROM outbox WHERE topic = 'action.events.v1' AND payload->>'actionId' = $1`,
      [actionId],
    );
    expect(events).toEqual([{ type: 'reopened' }]);
    // Six published twice, counted once.
    const [weekly] = await q<{ n: number }>(
      'SELECT sum(volume)::int AS n FROM feedback_weekly_stats',
    );
    expect(weekly?.n).toBe(6);
    // The loop roll-ups (kept by triggers in the same transactions): the 4 items linked before the
    // ship and the 6 arriving after, each once, for all owners and for this owner; none told.
    const loop = await q<{ owner_key: string; actioned: number; told: number }>(
      `SELECT owner_key, sum(actioned)::int AS actioned, sum(told)::int AS told FROM loop_weekly_stats
       WHERE theme_key = $1 AND source = '*' GROUP BY owner_key ORDER BY owner_key`,
      [themeId],
    );
    expect([...loop].sort((a, b) => a.owner_key.localeCompare(b.owner_key))).toEqual(
      [
        { owner_key: '*', actioned: 10, told: 0 },
        { owner_key: ownerId, actioned: 10, told: 0 },
      ].sort((a, b) => a.owner_key.localeCompare(b.owner_key)),
    );
  });

  it('makes items told when their notice is sent, at the sending time, once', async () => {
    const themeId = `theme-${randomUUID()}`;
    await q(
      `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', 'Refunds', 'manual', 'active')`,
      [themeId],
    );
    const spoke = new Date('2026-06-01T10:00:00Z');
    const a = await feedbackAt(themeId, spoke, -0.3);
    const b = await feedbackAt(themeId, spoke, -0.2);
    const actionId = randomUUID();
    await q(
      `INSERT INTO actions (id, title, description, status, created_at, updated_at) VALUES ($1, 'Refund faster', '', 'announced', $2, $2)`,
      [actionId, spoke],
    );
    await db.dataSource.transaction((m) => linkThemes(m, actionId, [themeId], null, spoke));
    const delivered = (customerId: string | null, status: 'sent' | 'failed', at: string) =>
      trackNoticeDelivered(db.dataSource, {
        schemaVersion: 1,
        noticeId: randomUUID(),
        actionId,
        customerId: customerId as string,
        status,
        messageId: status === 'sent' ? '<m@example.com>' : null,
        reason: status === 'sent' ? null : 'mailbox full',
        occurredAt: at,
      });
    // a's notice sent 06-03 10:00 (48 h), delivered again later (a redelivery keeps the first);
    // b's failed: b is not told.
    expect(await delivered(a.customerId, 'sent', '2026-06-03T10:00:00Z')).toBe(true);
    expect(await delivered(a.customerId, 'sent', '2026-06-04T10:00:00Z')).toBe(true);
    expect(await delivered(b.customerId, 'failed', '2026-06-03T10:00:00Z')).toBe(false);
    const told = await q<{ feedback_id: string; noticed_at: Date | null }>(
      'SELECT feedback_id, noticed_at FROM action_lineage WHERE action_id = $1',
      [actionId],
    );
    expect(new Map(told.map((r) => [r.feedback_id, r.noticed_at]))).toEqual(
      new Map([
        [a.feedbackId, new Date('2026-06-03T10:00:00Z')],
        [b.feedbackId, null],
      ]),
    );
    // The roll-ups follow: 2 actioned, 1 told; to notice 48 h is bucket 28 ([48, 54)).
    const [week] = await q<{ actioned: number; told: number; notice_lo: number }>(
      `SELECT actioned, told, notice_lo FROM loop_weekly_stats
       WHERE owner_key = '*' AND theme_key = $1 AND source = '*' AND week = '2026-06-01'`,
      [themeId],
    );
    expect(week).toEqual({ actioned: 2, told: 1, notice_lo: 28 });
  });

  it('judges regressions by the admins’ regressionThresholdPercent setting', async () => {
    const themeId = `theme-${randomUUID()}`;
    await q(
      `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', 'Late refunds', 'manual', 'active')`,
      [themeId],
    );
    const shippedAt = new Date(Date.now() - 2 * DAY);
    // Before the ship: 4 items in the 4 weeks before it → 1 a week.
    for (const weeksBack of [1, 2, 3, 3.5]) {
      await feedbackAt(themeId, new Date(shippedAt.getTime() - weeksBack * 7 * DAY), 0.1);
    }
    const actionId = randomUUID();
    await q(
      `INSERT INTO actions (id, title, description, status, created_at, updated_at, shipped_at)
       VALUES ($1, 'Refund faster', '', 'shipped', $2, $2, $3)`,
      [actionId, new Date(shippedAt.getTime() - 30 * DAY), shippedAt],
    );
    await db.dataSource.transaction((m) =>
      linkThemes(m, actionId, [themeId], null, new Date(shippedAt.getTime() - 30 * DAY)),
    );
    await q(
      `INSERT INTO settings (key, value, updated_by) VALUES ('regressionThresholdPercent', '500', 'test')
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    // Six items since the ship (one elapsed week at least): 6 a week against 1 before. With the
    // threshold at 500 % only more than 6 a week regresses, so six items do not.
    const at = (i: number) => new Date(shippedAt.getTime() + (i + 1) * 6 * 3_600_000);
    for (let i = 0; i < 6; i++) {
      const outcome = await trackThemeAssignment(
        db.dataSource,
        await feedbackAt(themeId, at(i), 0.1),
      );
      expect(outcome.reopened).toEqual([]);
    }
    // At 400 % (more than 5 a week) the next item tips it.
    await q(`UPDATE settings SET value = '400' WHERE key = 'regressionThresholdPercent'`);
    const tipped = await trackThemeAssignment(db.dataSource, await feedbackAt(themeId, at(6), 0.1));
    expect(tipped.reopened).toEqual([actionId]);
  });

  it('dead-letters an assignment whose feedback does not exist, as permanent', async () => {
    const event: ThemeAssignedEvent = {
      schemaVersion: 1,
      feedbackId: randomUUID(),
      space: 'default',
      themeId: 'theme-x',
      createdTheme: false,
      similarity: 0.5,
      sharedTerms: [],
      source: 'survey',
      customerId: null,
      occurredAt: new Date().toISOString(),
      sentiment: null,
      journeyStage: 'use',
      assignedAt: new Date().toISOString(),
    };
    const error = await trackThemeAssignment(db.dataSource, event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentMessageError);
    expect((error as Error).message).toBe(`feedbackId: no feedback ${event.feedbackId}`);
  });
});
