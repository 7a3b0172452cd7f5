import { Logger } from '@nestjs/common';
import { DEMO_RESPONSES } from './demo-feedback';

const logger = new Logger('Demo');

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  apiKey?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey && { authorization: `Bearer ${apiKey}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(
      `demo seeding failed: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`,
    );
  }
  return body.data;
}

/**
 * Seeds the embedded mode on first start through the public GraphQL API, the same path an
 * integrator and a CX lead take: survey responses in, then one action shipped and announced.
 */
export async function seedDemoData(baseUrl: string, apiKey: string): Promise<void> {
  const url = `${baseUrl}/graphql`;
  const existing = await graphql<{ feedbackItems: { edges: unknown[] } }>(
    url,
    'query { feedbackItems(first: 1) { edges { node { id } } } }',
    {},
  );
  if (existing.feedbackItems.edges.length > 0) return;

  const now = Date.now();
  for (const [index, r] of DEMO_RESPONSES.entries()) {
    await graphql(
      url,
      'mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { eventKey } }',
      {
        input: {
          externalId: `demo-${index + 1}`,
          occurredAt: new Date(now - r.daysAgo * 86_400_000).toISOString(),
          customerEmail: r.email,
          customerName: r.name,
          surveyId: `demo-${r.metric.toLowerCase()}`,
          metric: r.metric,
          score: r.score,
          comment: r.comment,
          channel: 'EMAIL',
        },
      },
      apiKey,
    );
  }

  const checkoutKeys = ['demo-1', 'demo-2', 'demo-3', 'demo-7', 'demo-11'].map(
    (id) => `survey:${id}`,
  );
  const feedbackIds: string[] = [];
  for (const eventKey of checkoutKeys) {
    for (let tries = 0; tries < 100; tries++) {
      const found = await graphql<{ feedbackByEventKey: { id: string } | null }>(
        url,
        'query($k: String!) { feedbackByEventKey(eventKey: $k) { id } }',
        { k: eventKey },
      );
      if (found.feedbackByEventKey) {
        feedbackIds.push(found.feedbackByEventKey.id);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const created = await graphql<{ createAction: { id: string } }>(
    url,
    'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
    {
      input: {
        title: 'Fix card payment time-outs at checkout',
        description:
          'Card payments time out under load; move the payment call off the request thread and retry safely.',
        owner: 'Priya (Payments)',
        feedbackIds,
      },
    },
  );
  const actionId = created.createAction.id;
  for (const status of ['PLANNED', 'IN_PROGRESS', 'SHIPPED']) {
    await graphql(
      url,
      'mutation($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id } }',
      {
        input: { actionId, status, note: `demo: moved to ${status.toLowerCase()}` },
      },
    );
  }
  await graphql(
    url,
    'mutation($input: AnnounceActionInput!) { announceAction(input: $input) { noticesQueued } }',
    {
      input: {
        actionId,
        subject: 'You told us, we fixed it: {{change}}',
        body: 'Hi {{firstName}},\n\nOn {{quoteDate}} you told us: "{{quote}}"\n\nThank you. We listened: {{change}}. Card payments now go through in seconds.\n\nThe ClosedLoop demo team',
      },
    },
  );
  await graphql(
    url,
    'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
    {
      input: {
        title: 'Make the delivery address easier to change',
        description: 'Customers cannot find where to edit their address.',
        owner: 'Sam (Accounts)',
        feedbackIds: [],
      },
    },
  );
  logger.log(`seeded ${DEMO_RESPONSES.length} survey responses and 2 actions`);
}
