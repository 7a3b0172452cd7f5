import {
  feedbackEventKey,
  type CrmRecordKind,
  type InboundFeedbackEvent,
} from '@closedloop/contracts';
import { normaliseEmail, scoreBand } from '@closedloop/feedback-domain';

/** How intake finds the one customer behind an event: the identity source and what it knows. */
export interface CustomerLookup {
  /** Namespace of the external id: `survey`, `crm`, `staff`, or `social:<platform>`. */
  readonly identitySource: string;
  readonly email?: string;
  readonly externalId?: string;
  readonly name?: string;
}

/** One inbound event, whatever its source, in the shape intake stores. */
export interface NormalisedFeedback {
  readonly eventKey: string;
  readonly source: InboundFeedbackEvent['source'];
  readonly occurredAt: string;
  /** Null when the customer is anonymous (a staff report naming nobody). */
  readonly customer: CustomerLookup | null;
  /** The customer's words before redaction. */
  readonly rawText: string | null;
  readonly metric: 'NPS' | 'CSAT' | 'CES' | null;
  readonly score: number | null;
  readonly scoreBand: string | null;
  readonly crmKind?: CrmRecordKind;
  readonly touchpoint?: string;
  readonly social?: { readonly followers: number; readonly isPublic: boolean };
  readonly promptId: string | null;
  /** Source-specific details kept as they came (no free text: that is redacted into `text`). */
  readonly details: Record<string, unknown>;
}

const emailOf = (email: string | undefined) => (email ? normaliseEmail(email) : undefined);

/** Maps each source's contract onto the common feedback record. Pure: no I/O. */
export function normaliseInboundEvent(event: InboundFeedbackEvent): NormalisedFeedback {
  const common = {
    eventKey: feedbackEventKey(event.source, event.externalId),
    source: event.source,
    occurredAt: event.occurredAt,
  };
  const metadata = event.metadata ?? {};
  switch (event.source) {
    case 'survey': {
      const { survey, customer } = event;
      return {
        ...common,
        customer: {
          identitySource: 'survey',
          email: emailOf(customer.email),
          externalId: customer.externalId,
          name: customer.name,
        },
        rawText: survey.comment ?? null,
        metric: survey.metric,
        score: survey.score,
        scoreBand: scoreBand(survey.metric, survey.score),
        touchpoint: survey.touchpoint,
        promptId: null,
        details: {
          surveyId: survey.surveyId,
          questionId: survey.questionId ?? null,
          channel: survey.channel ?? null,
          touchpoint: survey.touchpoint ?? null,
          metadata,
        },
      };
    }
    case 'social': {
      const { social, customer } = event;
      return {
        ...common,
        customer: {
          identitySource: `social:${social.platform}`,
          externalId: social.authorHandle.trim().toLowerCase(),
          email: emailOf(customer?.email),
          name: customer?.name,
        },
        rawText: social.text,
        metric: null,
        score: null,
        scoreBand: null,
        social: { followers: social.reach.followers, isPublic: social.isPublic },
        promptId: null,
        details: {
          platform: social.platform,
          authorHandle: social.authorHandle,
          url: social.url ?? null,
          reach: social.reach,
          isPublic: social.isPublic,
          metadata,
        },
      };
    }
    case 'crm': {
      const { crm, customer } = event;
      return {
        ...common,
        customer: {
          identitySource: 'crm',
          externalId: crm.contactId ?? customer.externalId,
          email: emailOf(customer.email),
          name: customer.name,
        },
        rawText:
          [crm.subject, crm.text].filter((t) => t && t.trim().length > 0).join('\n\n') || null,
        metric: null,
        score: null,
        scoreBand: null,
        crmKind: crm.kind,
        promptId: null,
        details: {
          kind: crm.kind,
          accountId: crm.accountId,
          contactId: crm.contactId ?? null,
          account: crm.account ?? {},
          metadata,
        },
      };
    }
    case 'staff': {
      const { staff, customer } = event;
      return {
        ...common,
        customer: customer
          ? {
              identitySource: 'staff',
              email: emailOf(customer.email),
              externalId: customer.externalId,
              name: customer.name,
            }
          : null,
        rawText: staff.observation,
        metric: null,
        score: null,
        scoreBand: null,
        promptId: staff.promptId ?? null,
        details: {
          employeeId: staff.employeeId,
          team: staff.team,
          promptId: staff.promptId ?? null,
          metadata,
        },
      };
    }
  }
}
