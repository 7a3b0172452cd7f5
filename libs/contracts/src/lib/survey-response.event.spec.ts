import { SurveyResponseEventSchema } from './survey-response.event';
import { deadLetterTopicName } from './topic';

const valid = {
  schemaVersion: 1,
  source: 'survey',
  externalId: 'resp-1',
  occurredAt: '2026-11-01T10:00:00Z',
  customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
  survey: { surveyId: 'nps-q4', metric: 'NPS', score: 3, comment: 'Checkout is slow' },
};

describe('SurveyResponseEventSchema', () => {
  it('accepts a well-formed survey response', () => {
    expect(SurveyResponseEventSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['NPS', 11],
    ['NPS', -1],
    ['CSAT', 0],
    ['CSAT', 6],
    ['CES', 8],
  ])('rejects a %s score of %d and names the field', (metric, score) => {
    const result = SurveyResponseEventSchema.safeParse({
      ...valid,
      survey: { ...valid.survey, metric, score },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['survey', 'score']);
    expect(result.error?.issues[0]?.message).toContain(`${metric} score must be between`);
  });

  it('rejects a customer without email or external id', () => {
    const result = SurveyResponseEventSchema.safeParse({ ...valid, customer: { name: 'Nobody' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('customer needs an email or an externalId');
  });

  it('rejects an invalid email and unknown fields', () => {
    expect(
      SurveyResponseEventSchema.safeParse({ ...valid, customer: { email: 'not-an-email' } })
        .success,
    ).toBe(false);
    expect(SurveyResponseEventSchema.safeParse({ ...valid, extra: true }).success).toBe(false);
  });

  it('rejects an unknown schema version', () => {
    expect(SurveyResponseEventSchema.safeParse({ ...valid, schemaVersion: 2 }).success).toBe(false);
  });

  it('rejects metadata over the size limit', () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(900)]),
    );
    expect(SurveyResponseEventSchema.safeParse({ ...valid, metadata }).success).toBe(false);
  });
});

describe('deadLetterTopicName', () => {
  it('inserts dlq before the version', () => {
    expect(deadLetterTopicName('feedback.survey.v1')).toBe('feedback.survey.dlq.v1');
  });
  it('refuses a name without a version', () => {
    expect(() => deadLetterTopicName('feedback')).toThrow('no version suffix');
  });
});
