import { IngestOnly } from '../auth/access.decorator';
import { FEEDBACK_SOURCES, type FeedbackSource } from '@closedloop/contracts';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { ApiKeyPrincipal } from '../auth/api-key-principal';
import { CurrentApiKey } from '../auth/current-api-key.decorator';
import { apiError } from '../errors/api-error';
import { FeedbackEventInput } from './feedback-event.input';
import { SubmissionStatus } from './ingest-enums';
import { IngestService, MAX_BATCH_SIZE, type IngestItem } from './ingest.service';
import { BatchSubmissionResult, SubmissionResult } from './submission-result.model';
import { SubmitCrmRecordInput } from './submit-crm-record.input';
import { SubmitSocialPostInput } from './submit-social-post.input';
import { SubmitStaffReportInput } from './submit-staff-report.input';
import { SubmitSurveyResponseInput } from './submit-survey-response.input';

/** Integrators' door: one mutation per source and a mixed batch; every one needs an API key (the access guard runs IngestKeyGuard for @IngestOnly). */
@Resolver()
export class IngestResolver {
  constructor(private readonly ingest: IngestService) {}

  @IngestOnly()
  @Mutation(() => SubmissionResult, {
    description: 'Submit one survey response (NPS, CSAT or CES, with its comment).',
  })
  submitSurveyResponse(
    @Args('input') input: SubmitSurveyResponseInput,
    @CurrentApiKey() key: ApiKeyPrincipal,
  ): Promise<SubmissionResult> {
    return this.single('survey', input, key);
  }

  @IngestOnly()
  @Mutation(() => SubmissionResult, { description: 'Submit one social post.' })
  submitSocialPost(
    @Args('input') input: SubmitSocialPostInput,
    @CurrentApiKey() key: ApiKeyPrincipal,
  ): Promise<SubmissionResult> {
    return this.single('social', input, key);
  }

  @IngestOnly()
  @Mutation(() => SubmissionResult, { description: 'Submit one CRM record.' })
  submitCrmRecord(
    @Args('input') input: SubmitCrmRecordInput,
    @CurrentApiKey() key: ApiKeyPrincipal,
  ): Promise<SubmissionResult> {
    return this.single('crm', input, key);
  }

  @IngestOnly()
  @Mutation(() => SubmissionResult, { description: 'Submit one staff report.' })
  submitStaffReport(
    @Args('input') input: SubmitStaffReportInput,
    @CurrentApiKey() key: ApiKeyPrincipal,
  ): Promise<SubmissionResult> {
    return this.single('staff', input, key);
  }

  @IngestOnly()
  @Mutation(() => BatchSubmissionResult, {
    description: `Submit up to ${MAX_BATCH_SIZE} events of any sources; answers per event: ACCEPTED, DUPLICATE or REJECTED with the field and reason.`,
  })
  async submitFeedbackBatch(
    @Args('events', { type: () => [FeedbackEventInput] }) events: FeedbackEventInput[],
    @CurrentApiKey() key: ApiKeyPrincipal,
  ): Promise<BatchSubmissionResult> {
    if (events.length === 0 || events.length > MAX_BATCH_SIZE) {
      throw apiError(
        'BAD_USER_INPUT',
        `A batch holds 1 to ${MAX_BATCH_SIZE} events; this one has ${events.length}`,
        { field: 'events' },
      );
    }
    const items: (IngestItem | SubmissionResult)[] = events.map((event, index) => {
      const set = FEEDBACK_SOURCES.filter((s) => event[s] != null);
      if (set.length !== 1) {
        return {
          index,
          status: SubmissionStatus.REJECTED,
          eventKey: null,
          field: 'source',
          correlationId: null,
          reason: `set exactly one of survey, social, crm, staff (got ${set.length})`,
        };
      }
      const source = set[0] as FeedbackSource;
      return { source, input: event[source] };
    });
    const valid = items.filter((i): i is IngestItem => 'source' in i && 'input' in i);
    const submitted = await this.ingest.submit(valid, key);
    let next = 0;
    const results = items.map((item, index) => {
      if (!('input' in item)) return item;
      const result = submitted[next++] as SubmissionResult;
      return { ...result, index };
    });
    const count = (status: SubmissionStatus) => results.filter((r) => r.status === status).length;
    return {
      accepted: count(SubmissionStatus.ACCEPTED),
      duplicates: count(SubmissionStatus.DUPLICATE),
      rejected: count(SubmissionStatus.REJECTED),
      results,
    };
  }

  /** A single submission reports rejection as an error naming the field, or FORBIDDEN outside the key's scopes. */
  private async single(
    source: FeedbackSource,
    input: unknown,
    key: ApiKeyPrincipal,
  ): Promise<SubmissionResult> {
    const [result] = await this.ingest.submit([{ source, input }], key);
    if (!result) throw new Error('no result for a single submission');
    if (result.status === SubmissionStatus.REJECTED) {
      if (result.field === 'source')
        throw new GraphQLError(result.reason ?? 'forbidden', { extensions: { code: 'FORBIDDEN' } });
      throw apiError(
        'BAD_USER_INPUT',
        `Invalid ${source} event: ${result.field}: ${result.reason}`,
        { field: result.field, reason: result.reason },
      );
    }
    return result;
  }
}
