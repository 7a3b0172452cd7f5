/**
 * Actions, impact and loop measures on a real PostgreSQL (`npm run stack:up`), through the api's
 * services, on a small data set whose answers are worked out by hand below.
 */
import { loopMeasures, markDelivered, recordArrival } from '@closedloop/actions-data-access';
import { ActionRuleError } from '@closedloop/actions-domain';
import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { OutboxRelayService } from '@closedloop/platform';
import { carryActionLinks, rebuildDailyStats } from '@closedloop/themes-data-access';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { ActionService } from './action.service';
import { ActionStatusValue } from './action-status.enum';
import { LoopBreakdownBy } from './loop-measures.model';
import { LoopMeasuresService } from './loop-measures.service';

const U1 = { id: randomUUID(), label: 'Priya' };
const U2 = { id: randomUUID(), label: 'Sam' };

interface Item {
  readonly name: string;
  readonly theme: string;
  readonly source: 'survey' | 'social' | 'crm' | 'staff';
  readonly at: string;
  readonly sentiment: number;
  readonly customer: string | null;
  readonly nps: number | null;
}

/*
 * The data set (all 10:00 UTC, June 2026; weeks start on Monday 06-01, 06-08, 06-15, 06-22):
 *   theme T1 (action A, owner Priya): f1 06-01 survey −0.5 NPS 2 c1 · f2 06-03 survey −0.3 NPS 3 c2 ·
 *     f3 06-09 crm 0.2 c3 · f4 06-17 survey 0.6 NPS 10 c1 · f5 06-24 survey 0.4 NPS 9 c4
 *   theme T2 (action B, owner Sam): f6 06-02 social −0.6 c5 · f7 06-10 survey −0.2 NPS 6 c6
 *   theme T3 (no action): f8 06-04 survey 0.1 c2 · f9 06-11 staff 0 (anonymous)
 * A is actioned on 06-10 10:00, shipped 06-15 10:00, announced (customers told) 06-26 10:00.
 * B is actioned on 06-12 10:00 and neither shipped nor announced.
 */
const ITEMS: Item[] = [
  {
    name: 'f1',
    theme: 'T1',
    source: 'survey',
    at: '2026-06-01',
    sentiment: -0.5,
    customer: 'c1',
    nps: 2,
  },
  {
    name: 'f2',
    theme: 'T1',
    source: 'survey',
    at: '2026-06-03',
    sentiment: -0.3,
    customer: 'c2',
    nps: 3,
  },
  {
    name: 'f3',
    theme: 'T1',
    source: 'crm',
    at: '2026-06-09',
    sentiment: 0.2,
    customer: 'c3',
    nps: null,
  },
  {
    name: 'f4',
    theme: 'T1',
    source: 'survey',
    at: '2026-06-17',
    sentiment: 0.6,
    customer: 'c1',
    nps: 10,
  },
  {
    name: 'f5',
    theme: 'T1',
    source: 'survey',
    at: '2026-06-24',
    sentiment: 0.4,
    customer: 'c4',
    nps: 9,
  },
  {
    name: 'f6',
    theme: 'T2',
    source: 'social',
    at: '2026-06-02',
    sentiment: -0.6,
    customer: 'c5',
    nps: null,
  },
  {
    name: 'f7',
    theme: 'T2',
    source: 'survey',
    at: '2026-06-10',
    sentiment: -0.2,
    customer: 'c6',
    nps: 6,
  },
  {
    name: 'f8',
    theme: 'T3',
    source: 'survey',
    at: '2026-06-04',
    sentiment: 0.1,
    customer: 'c2',
    nps: null,
  },
  {
    name: 'f9',
    theme: 'T3',
    source: 'staff',
    at: '2026-06-11',
    sentiment: 0,
    customer: null,
    nps: null,
  },
];

describe('actions, impact and loop measures on PostgreSQL', () => {
  let db: TestDatabase;
  let outbox: OutboxRelayService;
  let actions: ActionService;
  let measures: LoopMeasuresService;
  const theme: Record<string, string> = {};
  const customer: Record<string, string> = {};
  let actionA = '';
  let actionB = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    outbox = new OutboxRelayService(db.dataSource, new InMemoryMessageBus());
    actions = new ActionService(db.dataSource, outbox);
    measures = new LoopMeasuresService(db.dataSource);
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    for (const user of [U1, U2]) {
      await q(
        `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, 'cx_lead', 'x')`,
        [user.id, `${user.label.toLowerCase()}@example.com`, user.label],
      );
    }
    for (const name of ['T1', 'T2', 'T3']) {
      theme[name] = `theme-${randomUUID()}`;
      await q(
        `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', $2, 'manual', 'active')`,
        [theme[name], name],
      );
    }
    for (const name of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) {
      customer[name] = randomUUID();
      await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)', [
        customer[name],
        `${name}@example.com`,
        name,
      ]);
    }
    for (const item of ITEMS) {
      const id = randomUUID();
      const at = new Date(`${item.at}T10:00:00Z`);
      await q(
        `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, metric, score, score_band,
                               sentiment, journey_stage, theme_id, themed_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, 'use', $11, $5)`,
        [
          id,
          `${item.source}:${id}`,
          item.source,
          item.customer ? customer[item.customer] : null,
          at,
          `feedback ${item.name}`,
          item.nps === null ? null : 'NPS',
          item.nps,
          item.nps === null
            ? null
            : item.nps >= 9
              ? 'promoter'
              : item.nps >= 7
                ? 'passive'
                : 'detractor',
          item.sentiment,
          theme[item.theme],
        ],
      );
      // What the tracking stage does for each theme.assigned event: the weekly roll-up.
      await db.dataSource.transaction((m) =>
        recordArrival(m, {
          feedbackId: id,
          themeId: theme[item.theme] ?? null,
          source: item.source,
          customerId: item.customer ? (customer[item.customer] ?? null) : null,
          occurredAt: at,
          sentiment: item.sentiment,
          assignedAt: at,
        }),
      );
    }
    await db.dataSource.transaction((m) => rebuildDailyStats(m, Object.values(theme)));
  });

  afterAll(async () => {
    await outbox?.beforeApplicationShutdown();
    await db?.drop();
  });

  const expectApiError = async (work: Promise<unknown>, code: string, field?: string) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe(code);
    if (field) expect((error as GraphQLError).extensions['field']).toBe(field);
  };

  it('refuses bad input naming the field', async () => {
    const base = { title: 'Faster payouts', description: '', feedbackIds: [] };
    await expectApiError(
      actions.create({ ...base, themeIds: [] }, U1),
      'BAD_USER_INPUT',
      'themeIds',
    );
    await expectApiError(
      actions.create({ ...base, themeIds: ['nope'] }, U1),
      'BAD_USER_INPUT',
      'themeIds',
    );
    await expectApiError(
      actions.create({ ...base, themeIds: [theme['T1'] as string], ownerId: randomUUID() }, U1),
      'BAD_USER_INPUT',
      'ownerId',
    );
    await expectApiError(
      actions.create({ ...base, themeIds: [theme['T1'] as string], targetDate: '2026-02-30' }, U1),
      'BAD_USER_INPUT',
      'targetDate',
    );
    await expectApiError(
      actions.create({ ...base, title: ' ', themeIds: [theme['T1'] as string] }, U1),
      'BAD_USER_INPUT',
      'title',
    );
    await expectApiError(actions.addComment(randomUUID(), 'hi', U1), 'NOT_FOUND', 'actionId');
  });

  it('creates actions from themes, with owner, target date, comments and an audit trail', async () => {
    const a = await actions.create(
      {
        title: 'Faster payouts',
        description: 'Pay within a day',
        ownerId: U1.id,
        targetDate: '2026-07-01',
        themeIds: [theme['T1'] as string],
        feedbackIds: [],
      },
      U1,
    );
    actionA = a.id;
    expect(a).toMatchObject({ status: 'proposed', ownerId: U1.id, targetDate: '2026-07-01' });
    expect(await actions.owner(a.ownerId)).toEqual({
      id: U1.id,
      name: 'Priya',
      email: 'priya@example.com',
    });
    expect(await actions.themeIds(a.id)).toEqual([theme['T1']]);
    const b = await actions.create(
      {
        title: 'Stop crashes',
        description: '',
        ownerId: U2.id,
        themeIds: [theme['T2'] as string],
        feedbackIds: [],
      },
      { id: null, label: 'unknown' },
    );
    actionB = b.id;

    await actions.addComment(a.id, 'Talked to finance', U1);
    await actions.update({ actionId: a.id, targetDate: '2026-07-15', ownerId: U2.id }, U1);
    await actions.update({ actionId: a.id, ownerId: U1.id }, U1);
    expect((await actions.comments(a.id)).map((c) => [c.author, c.body])).toEqual([
      ['Priya', 'Talked to finance'],
    ]);
    const history = await actions.history(a.id);
    // One update's changes share a timestamp, so their order among themselves is not defined.
    expect(history.map((h) => h.kind).slice(0, 2)).toEqual(['created', 'comment']);
    expect(
      history
        .map((h) => h.kind)
        .slice(2)
        .sort(),
    ).toEqual(['owner_changed', 'owner_changed', 'target_date_changed']);
    expect(history[history.length - 1]).toMatchObject({
      kind: 'owner_changed',
      note: `${U2.id} → ${U1.id}`,
    });
    expect(history[0]).toMatchObject({ actor: 'Priya', actorId: U1.id, toStatus: 'proposed' });
    expect((await actions.history(b.id))[0]).toMatchObject({ actor: 'unknown', actorId: null });
  });

  it('walks the lifecycle and refuses illegal moves naming from, to and what is allowed', async () => {
    const illegal = await actions
      .changeStatus({ actionId: actionA, status: ActionStatusValue.SHIPPED }, U1)
      .catch((e: unknown) => e);
    expect(illegal).toBeInstanceOf(ActionRuleError);
    expect((illegal as ActionRuleError).code).toBe('ILLEGAL_TRANSITION');
    expect((illegal as ActionRuleError).details).toEqual({
      from: 'proposed',
      to: 'shipped',
      allowed: ['planned', 'in_progress', 'declined'],
    });
    await actions.changeStatus({ actionId: actionA, status: ActionStatusValue.PLANNED }, U1);
    await actions.changeStatus({ actionId: actionA, status: ActionStatusValue.IN_PROGRESS }, U1);
    const shipped = await actions.changeStatus(
      { actionId: actionA, status: ActionStatusValue.SHIPPED, note: 'v2.3' },
      U1,
    );
    expect(shipped.shippedAt).not.toBeNull();
    const statuses = (await actions.history(actionA)).filter((h) => h.kind === 'status');
    expect(statuses.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['proposed', 'planned'],
      ['planned', 'in_progress'],
      ['in_progress', 'shipped'],
    ]);
    expect(statuses[2]?.note).toBe('v2.3');
  });

  it('announces to the customers of the action’s themes', async () => {
    const result = await actions.announce(
      { actionId: actionA, subject: 'We fixed it', body: 'Thanks {{firstName}}' },
      U1,
    );
    // T1's customers: c1 (f1, f4), c2 (f2), c3 (f3), c4 (f5) → four notices.
    expect(result.noticesQueued).toBe(4);
    expect(result.action.status).toBe('announced');
  });

  it('pages and filters the action list', async () => {
    const first = await actions.page(null, 1, null);
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e) => e.node.id)).toEqual([actionB]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await actions.page(null, 1, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.id)).toEqual([actionA]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const byTheme = await actions.page({ themeId: theme['T2'] }, 10, null);
    expect(byTheme.edges.map((e) => e.node.id)).toEqual([actionB]);
    const announced = await actions.page(
      { status: [ActionStatusValue.ANNOUNCED], search: 'payout' },
      10,
      null,
    );
    expect(announced.edges.map((e) => e.node.id)).toEqual([actionA]);
    expect((await actions.page({ regressed: true }, 10, null)).totalCount).toBe(0);
    await expectApiError(actions.page(null, 1, 'garbage'), 'BAD_USER_INPUT', 'after');
  });

  describe('on the hand-worked calendar', () => {
    beforeAll(async () => {
      // Put the lifecycle on the calendar of the data set (the services stamp "now").
      const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
      await q(`UPDATE actions SET shipped_at = $2 WHERE id = $1`, [
        actionA,
        new Date('2026-06-15T10:00:00Z'),
      ]);
      await q(
        `UPDATE action_lineage SET actioned_at = GREATEST(occurred_at, $2) WHERE action_id = $1`,
        [actionA, new Date('2026-06-10T10:00:00Z')],
      );
      await q(
        `UPDATE action_lineage SET actioned_at = GREATEST(occurred_at, $2) WHERE action_id = $1`,
        [actionB, new Date('2026-06-12T10:00:00Z')],
      );
      // Queued notices do not count as told: only delivered ones do.
      const queued = await measures.measures(filter);
      expect(queued.overall.told).toBe(0);
      // The notifier delivers A's four notices; the tracking stage hears notice.delivered.v1.
      const delivered = new Date('2026-06-26T10:00:00Z');
      const sent: { customer_id: string }[] = await q(
        `WITH s AS (UPDATE notices SET status = 'sent', sent_at = $2 WHERE action_id = $1 RETURNING customer_id)
         SELECT customer_id FROM s`,
        [actionA, delivered],
      );
      expect(sent).toHaveLength(4);
      await db.dataSource.transaction(async (m) => {
        for (const { customer_id } of sent) await markDelivered(m, actionA, customer_id, delivered);
      });
    });

    const filter = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-06-29T00:00:00Z') };

    it('impact: weekly volume, sentiment and NPS before and after the ship', async () => {
      // Ship day Mon 06-15, window 2 weeks.
      // before −2 (06-01…06-07): f1 −0.5, f2 −0.3 → 2 items, mean −0.4; −1 (06-08…06-14): f3 0.2 → 1, 0.2.
      //   total 3, 1.5/week, mean (−0.5 − 0.3 + 0.2)/3 = −0.2, negatives f1, f2 → 2/3 = 0.6667.
      //   NPS: c1 2 and c2 3 are detractors (f3 has none) → (0 − 2)/2 = −100 of 2 customers.
      // after 0 (06-15…06-21): f4 0.6; 1 (06-22…06-28): f5 0.4 → total 2, 1/week, mean 0.5, no negatives.
      //   NPS: c1 10, c4 9 → 100 of 2 customers.
      const impact = await measures.impact(actionA, 2);
      expect(impact?.shipDay).toBe('2026-06-15');
      expect(impact?.before.weeks).toEqual([
        { offset: -2, start: '2026-06-01', volume: 2, meanSentiment: -0.4 },
        { offset: -1, start: '2026-06-08', volume: 1, meanSentiment: 0.2 },
      ]);
      expect(impact?.after.weeks).toEqual([
        { offset: 0, start: '2026-06-15', volume: 1, meanSentiment: 0.6 },
        { offset: 1, start: '2026-06-22', volume: 1, meanSentiment: 0.4 },
      ]);
      expect(impact?.before).toMatchObject({
        volume: 3,
        weeklyVolume: 1.5,
        meanSentiment: -0.2,
        negativeShare: 0.6667,
        nps: -100,
        npsCustomers: 2,
      });
      expect(impact?.after).toMatchObject({
        volume: 2,
        weeklyVolume: 1,
        meanSentiment: 0.5,
        negativeShare: 0,
        nps: 100,
        npsCustomers: 2,
      });
      expect(await measures.impact(actionB, 2)).toBeNull();
      await expectApiError(measures.impact(actionA, 0), 'BAD_USER_INPUT', 'windowWeeks');
    });

    it('loop measures overall and per week', async () => {
      // 9 items in June; actioned: T1 f1–f5 and T2 f6, f7 = 7 → 7/9 = 0.7778.
      // Told: A's five (its customers got notices), B's two not → 5/7 = 0.7143.
      // Hours to action (A from 06-10, B from 06-12, or when the item arrived if later):
      //   f1 216, f2 168, f3 24, f4 0, f5 0, f6 240, f7 48 → sorted 0 0 24 48 168 216 240 → 48.
      // Hours to ship (A 06-15 10:00, items before it): f1 336, f2 288, f3 144 → 288.
      // Hours to notice (06-26 10:00): f1 600, f2 552, f3 408, f4 216, f5 48 → 408.
      // Open loops: f6, f7 not told, both older than 90 days now.
      // Medians are bucketed (docs/architecture.md: the midpoint of the middle item's bucket; 6 h
      // buckets from 24 h to 14 days, 24 h buckets to 90 days): 48 h is in [48, 54) → 51;
      // 288 h in [288, 294) → 291; 408 h in [408, 432) → 420.
      const result = await measures.measures(filter);
      expect(result.overall).toEqual({
        key: null,
        feedback: 9,
        actioned: 7,
        actionedShare: 0.7778,
        told: 5,
        toldShare: 0.7143,
        medianHoursToAction: 51,
        medianHoursToShip: 291,
        medianHoursToNotice: 420,
        openLoops: [
          { age: '<7d', count: 0 },
          { age: '7-30d', count: 0 },
          { age: '30-90d', count: 0 },
          { age: '>90d', count: 2 },
        ],
      });
      // Week 06-01: f1 f2 f6 f8 = 4; actioned f1 f2 f6 = 3 (0.75); told f1 f2 (0.6667);
      //   to action 216 168 240 → 216; to ship 336 288 → 312; to notice 600 552 → 576.
      // Week 06-08: f3 f7 f9 = 3; actioned f3 f7 (0.6667); told f3 (0.5); to action 24 48 → 36;
      //   ship 144; notice 408.
      // Week 06-15: f4 alone: actioned, told; to action 0, no ship (after it), notice 216.
      // Week 06-22: f5 alone: to action 0, notice 48.
      // Bucketed: 06-01 to action 216 in [216, 222) → 219; ship 288 [288, 294) and 336 [336, 360)
      //   → (291 + 348) / 2 = 319.5; notice 552 [552, 576) and 600 [600, 624) → (564 + 612) / 2 = 588.
      // 06-08 to action 24 [24, 30) and 48 [48, 54) → (27 + 51) / 2 = 39; ship 144 [144, 150) → 147;
      //   notice 408 → 420. 06-15: 0 in [0, 1) → 0.5; notice 216 → 219. 06-22: 0.5; notice 48 → 51.
      expect(
        result.weekly.map((w) => [
          w.key,
          w.feedback,
          w.actioned,
          w.actionedShare,
          w.told,
          w.toldShare,
          w.medianHoursToAction,
          w.medianHoursToShip,
          w.medianHoursToNotice,
        ]),
      ).toEqual([
        ['2026-06-01', 4, 3, 0.75, 2, 0.6667, 219, 319.5, 588],
        ['2026-06-08', 3, 2, 0.6667, 1, 0.5, 39, 147, 420],
        ['2026-06-15', 1, 1, 1, 1, 1, 0.5, null, 219],
        ['2026-06-22', 1, 1, 1, 1, 1, 0.5, null, 51],
      ]);
    });

    it('loop breakdown per source, owner and theme, and filters', async () => {
      // Per source: survey f1 f2 f4 f5 f7 f8 = 6, actioned 5 (0.8333), told f1 f2 f4 f5 = 4 (0.8);
      // social f6: 1/1 actioned, 0 told; crm f3: 1/1, told; staff f9: 0 actioned.
      const bySource = await measures.breakdown(LoopBreakdownBy.SOURCE, filter);
      expect(
        bySource.map((r) => [r.key, r.feedback, r.actioned, r.actionedShare, r.told, r.toldShare]),
      ).toEqual([
        ['crm', 1, 1, 1, 1, 1],
        ['social', 1, 1, 1, 0, 0],
        ['staff', 1, 0, 0, 0, null],
        ['survey', 6, 5, 0.8333, 4, 0.8],
      ]);
      // Per owner (of all 9): Priya's A 5 actioned (0.5556), all told; Sam's B 2 (0.2222), none told.
      const byOwner = await measures.breakdown(LoopBreakdownBy.OWNER, filter);
      expect(byOwner.map((r) => [r.key, r.actioned, r.actionedShare, r.told]).sort()).toEqual(
        [
          [U1.id, 5, 0.5556, 5],
          [U2.id, 2, 0.2222, 0],
        ].sort(),
      );
      // Per theme: T1 5 of 5, T2 2 of 2 (T3 has no action, so no row).
      const byTheme = await measures.breakdown(LoopBreakdownBy.THEME, filter);
      expect(byTheme.map((r) => [r.key, r.feedback, r.actioned]).sort()).toEqual(
        [
          [theme['T1'], 5, 5],
          [theme['T2'], 2, 2],
        ].sort(),
      );
      // Filtered to social: f6 only; 240 h is in [240, 246) → 243.
      const social = await measures.measures({ ...filter, source: 'social' });
      expect(social.overall).toMatchObject({
        feedback: 1,
        actioned: 1,
        told: 0,
        medianHoursToAction: 243,
      });
      // Filtered to Sam: f6, f7 → to action 240 [240, 246) and 48 [48, 54) → (243 + 51) / 2 = 147.
      const sam = await measures.measures({ ...filter, ownerId: U2.id });
      expect(sam.overall).toMatchObject({
        actioned: 2,
        medianHoursToAction: 147,
        medianHoursToShip: null,
      });
      await expectApiError(
        measures.measures({ from: filter.to, to: filter.from }),
        'BAD_USER_INPUT',
        'filter.to',
      );
    });

    it('reads part-weeks and weeks an open-loop age boundary falls in item by item', async () => {
      // Wed 06-03 00:00 … Wed 06-17 12:00: the whole week 06-08 from the roll-ups, 06-03…06-08 and
      // 06-15…06-17 12:00 from the facts. Actioned: f2 (A, edge), f3 (A), f7 (B), f4 (A, edge) = 4;
      // told f2 f3 f4 = 3. Feedback: whole weeks overlapping (06-01, 06-08, 06-15) = 4 + 3 + 1 = 8.
      // To action: f2 168, f3 24, f7 48, f4 0 → middle 24 [24, 30) and 48 [48, 54) → (27 + 51) / 2 = 39.
      // To ship: f2 288 [288, 294), f3 144 [144, 150) → (291 + 147) / 2 = 219. To notice: f2 552,
      // f3 408, f4 216 → 408 in [408, 432) → 420.
      // Asked on 06-20 00:00, week 06-08 is 5 to 12 days old (the 7-day boundary falls inside):
      // f7 (not told) is 9.6 days old → 7-30d. Asked on 12-01: > 90 days.
      const range = {
        from: new Date('2026-06-03T00:00:00Z'),
        to: new Date('2026-06-17T12:00:00Z'),
      };
      const [early] = await loopMeasures(
        db.dataSource.manager,
        range,
        'overall',
        new Date('2026-06-20T00:00:00Z'),
      );
      expect(early).toEqual({
        key: null,
        feedback: 8,
        actioned: 4,
        actionedShare: 0.5,
        told: 3,
        toldShare: 0.75,
        medianHoursToAction: 39,
        medianHoursToShip: 219,
        medianHoursToNotice: 420,
        openLoops: { '<7d': 0, '7-30d': 1, '30-90d': 0, '>90d': 0 },
      });
      const [late] = await loopMeasures(
        db.dataSource.manager,
        range,
        'overall',
        new Date('2026-12-01T00:00:00Z'),
      );
      expect(late?.openLoops).toEqual({ '<7d': 0, '7-30d': 0, '30-90d': 0, '>90d': 1 });
      // Asked on 06-18 00:00 the 7-day boundary is 06-11 00:00, 3 days into week 06-08: its open
      // loops go to <7d from the roll-up, and the shorter side [06-08, 06-11] is counted item by
      // item: f7 (06-10 10:00, 7.6 days old) moves to 7-30d.
      const [boundary] = await loopMeasures(
        db.dataSource.manager,
        range,
        'overall',
        new Date('2026-06-18T00:00:00Z'),
      );
      expect(boundary?.openLoops).toEqual({ '<7d': 0, '7-30d': 1, '30-90d': 0, '>90d': 0 });
      // Per week: 06-01 holds f2 only (part-week), 06-08 f3 f7, 06-15 f4 (part-week).
      const weekly = await loopMeasures(db.dataSource.manager, range, 'week', new Date());
      expect(weekly.map((w) => [w.key, w.actioned, w.told, w.medianHoursToAction])).toEqual([
        ['2026-06-01', 1, 1, 171], // 168 h in [168, 174)
        ['2026-06-08', 2, 1, 39],
        ['2026-06-15', 1, 1, 0.5],
      ]);
    });

    it('owners read and mark their portal notices', async () => {
      const [notice]: { id: string }[] = await db.dataSource.query(
        `INSERT INTO owner_notices (id, user_id, action_id, kind, message, dedupe_key)
         VALUES ($1, $2, $3, 'regression', 'came back', 'test:1') RETURNING id`,
        [randomUUID(), U1.id, actionA],
      );
      expect((await measures.notices(U1.id, true)).map((n) => n.id)).toEqual([notice?.id]);
      expect(await measures.notices(U2.id, false)).toEqual([]);
      // Another user cannot mark it; its owner can, once.
      expect(await measures.markRead(U2.id, [notice?.id as string])).toBe(0);
      expect(await measures.markRead(U1.id, [notice?.id as string])).toBe(1);
      expect(await measures.markRead(U1.id, [notice?.id as string])).toBe(0);
      expect(await measures.notices(U1.id, true)).toEqual([]);
      await expectApiError(measures.markRead(U1.id, ['x']), 'BAD_USER_INPUT', 'ids');
    });

    it('links and unlinks themes, keeping at least one', async () => {
      await expectApiError(
        actions.unlinkTheme(actionB, theme['T2'] as string, U2),
        'BAD_USER_INPUT',
        'themeId',
      );
      await actions.linkThemes(actionB, [theme['T3'] as string], U2);
      expect((await actions.themeIds(actionB)).sort()).toEqual([theme['T2'], theme['T3']].sort());
      const [{ n }]: { n: number }[] = await db.dataSource.query(
        'SELECT count(*)::int AS n FROM action_lineage WHERE action_id = $1',
        [actionB],
      );
      expect(n).toBe(4); // f6, f7 and T3's f8, f9
      await actions.unlinkTheme(actionB, theme['T3'] as string, U2);
      expect(await actions.themeIds(actionB)).toEqual([theme['T2']]);
      const [{ m }]: { m: number }[] = await db.dataSource.query(
        'SELECT count(*)::int AS m FROM action_lineage WHERE action_id = $1',
        [actionB],
      );
      expect(m).toBe(2);
      expect((await actions.history(actionB)).map((h) => h.kind).slice(-2)).toEqual([
        'theme_linked',
        'theme_unlinked',
      ]);
    });

    it('a merged theme carries its action links to the surviving theme', async () => {
      await db.dataSource.transaction((m) =>
        carryActionLinks(m, [{ from: theme['T2'] as string, into: theme['T3'] as string }]),
      );
      expect(await actions.themeIds(actionB)).toEqual([theme['T3']]);
      const lineage: { theme_id: string }[] = await db.dataSource.query(
        'SELECT DISTINCT theme_id FROM action_lineage WHERE action_id = $1',
        [actionB],
      );
      expect(lineage).toEqual([{ theme_id: theme['T3'] }]);
    });

    it('the loop roll-ups kept along the way equal a rebuild from the lineage', async () => {
      const q = (sql: string) => db.dataSource.query(sql);
      const snapshot = async () => ({
        items: await q(
          `SELECT feedback_id, owner_key, theme_id, source, occurred_at, week::text, told, b_action, b_ship, b_notice
           FROM loop_items ORDER BY 1, 2`,
        ),
        stats: await q(
          `SELECT owner_key, theme_key, week::text, source, actioned, told, action_lo, action_hi, ship_lo, ship_hi,
                  notice_lo, notice_hi FROM loop_weekly_stats
           WHERE actioned <> 0 OR told <> 0 ORDER BY 1, 2, 3, 4`,
        ),
        latency: await q(
          `SELECT owner_key, theme_key, week::text, source, measure, bucket, items FROM loop_weekly_latency
           WHERE items <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
        ),
      });
      const kept = await snapshot();
      expect(kept.items.length).toBeGreaterThan(0);
      // The merge above moved B's lineage to T3: its facts and theme rows moved with it.
      expect(kept.stats.some((r: { theme_key: string }) => r.theme_key === theme['T3'])).toBe(true);
      expect(kept.stats.some((r: { theme_key: string }) => r.theme_key === theme['T2'])).toBe(
        false,
      );
      await q('TRUNCATE loop_items, loop_weekly_stats, loop_weekly_latency');
      await q('SELECT loop_refresh(ARRAY(SELECT DISTINCT feedback_id FROM action_lineage))');
      expect(await snapshot()).toEqual(kept);
      // Refreshing again (a redelivery) changes nothing.
      await q('SELECT loop_refresh(ARRAY(SELECT DISTINCT feedback_id FROM action_lineage))');
      expect(await snapshot()).toEqual(kept);
    });
  });
});
