import { isUuid } from '@closedloop/persistence';
import { apiError } from '../errors/api-error';
import type { FeedbackFilterInput } from './feedback-filter.input';

const MAX_SEARCH = 200;

/** The feedback text's stored word vector (GIN index ix_feedback_text_search). */
export const FEEDBACK_SEARCH_VECTOR = 'f.search_vector';

/**
 * SQL conditions for a feedback filter, with their parameters numbered after `params`. Each
 * condition is one a feedback index leads with or a cheap check on rows an index already found.
 */
export function feedbackConditions(
  filter: FeedbackFilterInput | null | undefined,
  params: unknown[],
): string[] {
  const conditions: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (!filter) return conditions;
  if (filter.source) add((p) => `f.source = ${p}`, filter.source);
  if (filter.themeId) add((p) => `f.theme_id = ${p}`, filter.themeId);
  if (filter.customerId) {
    if (!isUuid(filter.customerId)) {
      throw apiError('BAD_USER_INPUT', 'filter.customerId is not a customer id', {
        field: 'filter.customerId',
      });
    }
    add((p) => `f.customer_id = ${p}::uuid`, filter.customerId);
  }
  if (filter.sentimentLabel) add((p) => `f.sentiment_label = ${p}`, filter.sentimentLabel);
  if (filter.metric) add((p) => `f.metric = ${p}`, filter.metric);
  if (filter.scoreBand) add((p) => `f.score_band = ${p}`, filter.scoreBand);
  if (filter.language) add((p) => `f.language = ${p}`, filter.language);
  if (filter.journeyStage) add((p) => `f.journey_stage = ${p}`, filter.journeyStage);
  if (filter.occurredFrom) add((p) => `f.occurred_at >= ${p}`, filter.occurredFrom);
  if (filter.occurredTo) add((p) => `f.occurred_at < ${p}`, filter.occurredTo);
  const search = filter.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) {
      throw apiError('BAD_USER_INPUT', `filter.search is longer than ${MAX_SEARCH} characters`, {
        field: 'filter.search',
      });
    }
    add(
      (p) => `${FEEDBACK_SEARCH_VECTOR} @@ websearch_to_tsquery('simple'::regconfig, ${p})`,
      search,
    );
  }
  return conditions;
}
