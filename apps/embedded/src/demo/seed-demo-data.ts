import { Logger } from '@nestjs/common';
import { DEMO_RESPONSES } from './demo-feedback';

const logger = new Logger('Demo');

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  bearer: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
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

/** The signed-in CX lead the demo actions are created by and owned by. */
export interface DemoLead {
  readonly token: string;
  readonly userId: string;
}

/**
 * Seeds the embedded mode on first start through the public GraphQL API, the same path an
 * integrator (API key) and a CX lead (signed in) take: survey responses in, then one action
 * shipped and announced.
 */
export async function seedDemoData(
  baseUrl: string,
  apiKey: string,
  lead: DemoLead,
  themesExpected = false,
): Promise<void> {
  const url = `${baseUrl}/graphql`;
  const existing = await graphql<{ feedbackItems: { edges: unknown[] } }>(
    url,
    'query { feedbackItems(first: 1) { edges { node { id } } } }',
    {},
    lead.token,
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
  // With the sentence encoder actions are created from the themes of their feedback (waiting up
  // to 20 s for the theming stage); without it, from the feedback itself.
  const themingDeadline = Date.now() + 20_000;
  const lineageOf = async (eventKeys: readonly string[]) => {
    const feedbackIds: string[] = [];
    const themeIds = new Set<string>();
    for (const eventKey of eventKeys) {
      for (let tries = 0; tries < 200; tries++) {
        const found = await graphql<{
          feedbackByEventKey: { id: string; themeId: string | null } | null;
        }>(
          url,
          'query($k: String!) { feedbackByEventKey(eventKey: $k) { id themeId } }',
          { k: eventKey },
          lead.token,
        );
        const item = found.feedbackByEventKey;
        if (item && (item.themeId || !themesExpected || Date.now() > themingDeadline)) {
          feedbackIds.push(item.id);
          if (item.themeId) themeIds.add(item.themeId);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { feedbackIds, themeIds: [...themeIds] };
  };
  const checkout = await lineageOf(checkoutKeys);

  const created = await graphql<{ createAction: { id: string } }>(
    url,
    'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
    {
      input: {
        title: 'Fix card payment time-outs at checkout',
        description:
          'Card payments time out under load; move the payment call off the request thread and retry safely.',
        ownerId: lead.userId,
        ...checkout,
      },
    },
    lead.token,
  );
  const actionId = created.createAction.id;
  for (const status of ['PLANNED', 'IN_PROGRESS', 'SHIPPED']) {
    await graphql(
      url,
      'mutation($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { id } }',
      {
        input: { actionId, status, note: `demo: moved to ${status.toLowerCase()}` },
      },
      lead.token,
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
    lead.token,
  );
  await graphql(
    url,
    'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
    {
      input: {
        title: 'Make the delivery address easier to change',
        description: 'Customers cannot find where to edit their address.',
        ownerId: lead.userId,
        ...(await lineageOf(['survey:demo-5'])),
      },
    },
    lead.token,
  );
  logger.log(`seeded ${DEMO_RESPONSES.length} survey responses and 2 actions`);
}
