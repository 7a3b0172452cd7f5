import {
  ActionEventsTopic,
  FeedbackEnrichedTopic,
  NoticeDeliveredTopic,
  ThemeChangedTopic,
  type FeedbackEnrichedEvent,
} from '@closedloop/contracts';
import { KafkaMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  createTestSession,
  postGraphql,
  startTestApi,
  type TestApi,
} from '../../test-support/start-test-api';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

/** Collects what one subscription delivers. */
function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) received.push(result.data as T);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { received, errors, dispose };
}

async function eventually(check: () => void, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('GraphQL subscriptions over graphql-ws, fed from Kafka', () => {
  let db: TestDatabase;
  let api: TestApi;
  let producer: KafkaMessageBus;
  let client: Client;
  let token: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    db = await createTestDatabase();
    producer = new KafkaMessageBus({ brokers, clientId: `live-it-producer-${run}` });
    api = await startTestApi(
      db.url,
      () => new KafkaMessageBus({ brokers, clientId: `live-it-api-${run}` }),
    );
    token = await createTestSession(db.dataSource);
    client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
    // The API's live consumer starts at the latest offsets once it has joined its group: wait
    // until an event produced now reaches a subscriber, so later events cannot be missed.
    const probeAction = randomUUID();
    const probe = subscribe<{ actionStatusChanged: { actionId: string } }>(
      client,
      'subscription($id: ID) { actionStatusChanged(actionId: $id) { actionId } }',
      { id: probeAction },
    );
    const deadline = Date.now() + 60_000;
    while (probe.received.length === 0) {
      if (Date.now() > deadline) throw new Error('the live consumer never delivered the probe');
      await producer.publish(ActionEventsTopic, [
        {
          key: probeAction,
          value: {
            schemaVersion: 1,
            eventId: randomUUID(),
            actionId: probeAction,
            type: 'status-changed',
            status: 'planned',
            previousStatus: 'proposed',
            actor: 'probe',
            occurredAt: new Date().toISOString(),
          },
        },
      ]);
      await new Promise((r) => setTimeout(r, 500));
    }
    probe.dispose();
  }, 120_000);

  afterAll(async () => {
    await client?.dispose();
    await api?.close();
    await producer?.close();
    await db?.drop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(api, token, query, variables);

  it("delivers an action's status change made through the mutation to a subscribed client", async () => {
    const feedbackId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO feedback (id, event_key, source, occurred_at, received_at, text)
       VALUES ($1, $2, 'survey', now(), now(), 'Checkout is slow')`,
      [feedbackId, `survey:action-${run}`],
    );
    const CREATE =
      'mutation($title: String!, $f: [ID!]!) { createAction(input: { title: $title, feedbackIds: $f }) { id } }';
    const created = await gql<{ createAction: { id: string } }>(CREATE, {
      title: 'Faster checkout',
      f: [feedbackId],
    });
    expect(created.errors).toBeUndefined();
    const actionId = created.data?.createAction.id as string;
    const other = await gql<{ createAction: { id: string } }>(CREATE, {
      title: 'Other action',
      f: [feedbackId],
    });
    const sub = subscribe<{
      actionStatusChanged: {
        actionId: string;
        from: string;
        to: string;
        actor: string;
        at: string;
      };
    }>(
      client,
      'subscription($id: ID) { actionStatusChanged(actionId: $id) { actionId from to actor at } }',
      { id: actionId },
    );
    await new Promise((r) => setTimeout(r, 300));
    const move = (id: string, status: string) =>
      gql<{ changeActionStatus: { status: string } }>(
        'mutation($id: ID!, $status: ActionStatus!) { changeActionStatus(input: { actionId: $id, status: $status }) { status } }',
        { id, status },
      );
    expect((await move(other.data?.createAction.id as string, 'PLANNED')).errors).toBeUndefined();
    const edited = await gql(
      'mutation($id: ID!) { updateAction(input: { actionId: $id, title: "Much faster checkout" }) { id } }',
      { id: actionId },
    );
    expect(edited.errors).toBeUndefined();
    expect((await move(actionId, 'PLANNED')).errors).toBeUndefined();
    const planned = () =>
      sub.received.map((r) => r.actionStatusChanged).filter((c) => c.to === 'PLANNED');
    await eventually(() => expect(planned()).toHaveLength(1));
    const change = planned()[0];
    expect(change).toEqual(expect.objectContaining({ actionId, from: 'PROPOSED', to: 'PLANNED' }));
    // The action's creation may still arrive (Kafka gives no bound on when); the edit never does,
    // and nothing about the other action does.
    for (const delivered of sub.received.map((r) => r.actionStatusChanged)) {
      expect(delivered.actionId).toBe(actionId);
      expect(delivered.from).not.toBe(delivered.to);
    }
    expect(change?.actor).toEqual(expect.any(String));
    expect(Date.now() - Date.parse(change?.at ?? '')).toBeLessThan(60_000);
    expect(sub.errors).toEqual([]);
    sub.dispose();
  });

  it('refuses a subscription without a session, and one with an unknown token', async () => {
    for (const connectionParams of [{}, { authorization: 'Bearer not-a-session-token' }]) {
      const anonymous = createClient({
        url: `${api.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
      });
      const sub = subscribe(anonymous, 'subscription { themeChanged { themeId } }');
      await eventually(() => expect(sub.errors).toHaveLength(1));
      expect(JSON.stringify(sub.errors[0])).toContain('UNAUTHENTICATED');
      expect(sub.received).toEqual([]);
      sub.dispose();
      await anonymous.dispose();
    }
  });

  it('delivers new feedback produced to Kafka, filtered by source', async () => {
    const surveyId = randomUUID();
    const socialId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO feedback (id, event_key, source, occurred_at, received_at, text)
       VALUES ($1, $2, 'survey', now(), now(), 'Checkout is quick now'),
              ($3, $4, 'social', now(), now(), 'Love it')`,
      [surveyId, `survey:live-${run}`, socialId, `social:live-${run}`],
    );
    const sub = subscribe<{ feedbackReceived: { id: string; source: string; text: string } }>(
      client,
      'subscription { feedbackReceived(filter: { source: SURVEY }) { id source text } }',
    );
    await new Promise((r) => setTimeout(r, 300));
    const enriched = (id: string, source: 'survey' | 'social'): FeedbackEnrichedEvent => ({
      schemaVersion: 1,
      feedbackId: id,
      eventKey: `${source}:live-${run}`,
      source,
      customerId: null,
      occurredAt: new Date().toISOString(),
      text: 'redacted',
      metric: null,
      score: null,
      scoreBand: null,
      language: 'en',
      sentiment: 0.5,
      journeyStage: 'use',
    });
    await producer.publish(FeedbackEnrichedTopic, [
      { key: socialId, value: enriched(socialId, 'social') },
      { key: surveyId, value: enriched(surveyId, 'survey') },
    ]);
    await eventually(() => expect(sub.received).toHaveLength(1));
    expect(sub.received[0]?.feedbackReceived).toEqual({
      id: surveyId,
      source: 'survey',
      text: 'Checkout is quick now',
    });
    sub.dispose();
  });

  it('delivers theme changes', async () => {
    const themeId = `theme-${run}`;
    const sub = subscribe<{ themeChanged: { change: string; themeId: string; label: string } }>(
      client,
      'subscription { themeChanged { change themeId relatedThemeId label status actor } }',
    );
    await new Promise((r) => setTimeout(r, 300));
    await producer.publish(ThemeChangedTopic, [
      {
        key: themeId,
        value: {
          schemaVersion: 1,
          eventId: randomUUID(),
          space: 'default',
          themeId,
          change: 'renamed',
          relatedThemeId: null,
          label: 'Opening hours',
          status: 'active',
          actor: 'someone',
          occurredAt: new Date().toISOString(),
        },
      },
    ]);
    await eventually(() =>
      expect(sub.received.map((r) => r.themeChanged)).toContainEqual({
        change: 'RENAMED',
        themeId,
        relatedThemeId: null,
        label: 'Opening hours',
        status: 'ACTIVE',
        actor: 'someone',
      }),
    );
    sub.dispose();
  });

  it("delivers one action's notices as they reach their final state, and not another's", async () => {
    const actionId = randomUUID();
    const otherAction = randomUUID();
    const sub = subscribe<{
      noticeDelivered: { noticeId: string; actionId: string; status: string };
    }>(
      client,
      'subscription($id: ID!) { noticeDelivered(actionId: $id) { noticeId actionId status at } }',
      { id: actionId },
    );
    await new Promise((r) => setTimeout(r, 300));
    const delivered = (action: string, status: 'sent' | 'failed' | 'suppressed') => {
      const noticeId = randomUUID();
      return {
        key: noticeId,
        value: {
          schemaVersion: 1 as const,
          noticeId,
          actionId: action,
          customerId: randomUUID(),
          status,
          messageId: null,
          reason: null,
          occurredAt: new Date().toISOString(),
        },
      };
    };
    const sent = delivered(actionId, 'sent');
    const suppressed = delivered(actionId, 'suppressed');
    await producer.publish(NoticeDeliveredTopic, [
      sent,
      delivered(otherAction, 'sent'),
      suppressed,
    ]);
    await eventually(() =>
      expect(
        sub.received.map((r) => [r.noticeDelivered.noticeId, r.noticeDelivered.status]).sort(),
      ).toEqual(
        [
          [sent.value.noticeId, 'SENT'],
          [suppressed.value.noticeId, 'SUPPRESSED'],
        ].sort(),
      ),
    );
    expect(sub.received.every((r) => r.noticeDelivered.actionId === actionId)).toBe(true);
    sub.dispose();
  });
});
