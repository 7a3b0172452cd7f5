import {
  INBOUND_TOPICS,
  type FeedbackSource,
  type InboundFeedbackEvent,
} from '@closedloop/contracts';
import type { MetadataEntryInput } from './metadata-entry.input';
import type { SubmitCrmRecordInput } from './submit-crm-record.input';
import type { SubmitSocialPostInput } from './submit-social-post.input';
import type { SubmitStaffReportInput } from './submit-staff-report.input';
import type { SubmitSurveyResponseInput } from './submit-survey-response.input';

export type ToEventResult =
  | { readonly ok: true; readonly event: InboundFeedbackEvent }
  | { readonly ok: false; readonly field: string; readonly reason: string };

/** Drops null and undefined values, so optional contract fields stay absent. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

function metadataOf(
  entries: MetadataEntryInput[] | null | undefined,
): Record<string, string> | undefined {
  return entries ? Object.fromEntries(entries.map((e) => [e.key, e.value])) : undefined;
}

function customerOf(input: {
  customerEmail?: string | null;
  customerName?: string | null;
  customerExternalId?: string | null;
}): Record<string, unknown> | undefined {
  const customer = compact({
    email: input.customerEmail,
    name: input.customerName,
    externalId: input.customerExternalId,
  });
  return Object.keys(customer).length > 0 ? customer : undefined;
}

/** Each source's GraphQL input as the contract event it becomes. */
const CANDIDATES: { readonly [S in FeedbackSource]: (input: never) => unknown } = {
  survey: (i: SubmitSurveyResponseInput) =>
    compact({
      schemaVersion: 1,
      source: 'survey',
      externalId: i.externalId,
      occurredAt: i.occurredAt,
      customer: customerOf(i) ?? {},
      survey: compact({
        surveyId: i.surveyId,
        questionId: i.questionId,
        metric: i.metric,
        score: i.score,
        comment: i.comment,
        channel: i.channel,
        touchpoint: i.touchpoint,
      }),
      metadata: metadataOf(i.metadata),
    }),
  social: (i: SubmitSocialPostInput) =>
    compact({
      schemaVersion: 1,
      source: 'social',
      externalId: i.externalId,
      occurredAt: i.occurredAt,
      customer: customerOf(i),
      social: compact({
        platform: i.platform,
        authorHandle: i.authorHandle,
        url: i.url,
        text: i.text,
        reach: { followers: i.followers, likes: i.likes },
        isPublic: i.isPublic,
      }),
      metadata: metadataOf(i.metadata),
    }),
  crm: (i: SubmitCrmRecordInput) => {
    const account = compact({ segment: i.segment, plan: i.plan, revenue: i.revenue });
    return compact({
      schemaVersion: 1,
      source: 'crm',
      externalId: i.externalId,
      occurredAt: i.occurredAt,
      customer: customerOf({ ...i, customerExternalId: i.contactId }) ?? {},
      crm: compact({
        kind: i.kind,
        accountId: i.accountId,
        contactId: i.contactId,
        subject: i.subject,
        text: i.text,
        account: Object.keys(account).length > 0 ? account : undefined,
      }),
      metadata: metadataOf(i.metadata),
    });
  },
  staff: (i: SubmitStaffReportInput) =>
    compact({
      schemaVersion: 1,
      source: 'staff',
      externalId: i.externalId,
      occurredAt: i.occurredAt,
      customer: customerOf(i),
      staff: compact({
        employeeId: i.employeeId,
        team: i.team,
        observation: i.observation,
        promptId: i.promptId,
      }),
      metadata: metadataOf(i.metadata),
    }),
};

/** Contract paths mapped back to the GraphQL input's field names, so errors name what the caller sent. */
const INPUT_FIELD: Readonly<Record<string, string>> = {
  'customer.email': 'customerEmail',
  'customer.name': 'customerName',
  'customer.externalId': 'customerExternalId',
  customer: 'customerEmail',
  'social.reach.followers': 'followers',
  'social.reach.likes': 'likes',
  'crm.account.segment': 'segment',
  'crm.account.plan': 'plan',
  'crm.account.revenue': 'revenue',
};

function inputField(path: readonly PropertyKey[]): string {
  const joined = path.map(String).join('.');
  const mapped = INPUT_FIELD[joined];
  if (mapped) return mapped;
  if (path[0] === 'metadata') return 'metadata';
  return String(path[path.length - 1] ?? '(input)');
}

/** Builds the contract event of a source from its GraphQL input and validates it with the contract's own schema. */
export function toInboundEvent(source: FeedbackSource, input: unknown): ToEventResult {
  const candidate = CANDIDATES[source](input as never);
  const parsed = INBOUND_TOPICS[source].schema.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data as InboundFeedbackEvent };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    field: issue ? inputField(issue.path) : '(input)',
    reason: issue?.message ?? 'invalid',
  };
}
