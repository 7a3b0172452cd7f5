import fc from 'fast-check';
import { CrmRecordEventSchema } from './crm-record.event';
import { INBOUND_TOPICS } from './inbound-feedback';
import { METRIC_SCORE_RANGE, SurveyResponseEventSchema } from './survey-response.event';

const isoDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
const text = fc.string({ maxLength: 200 });
const id = fc.string({ minLength: 1, maxLength: 50 });
/**
 * The contract accepts the address forms people use (zod's email pattern), not every RFC 5322
 * form: fast-check's emailAddress() also makes addresses like `!@a.aa`, which the contract refuses
 * on purpose. So the generator builds common addresses.
 */
const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const email = fc
  .tuple(
    word,
    fc.option(fc.constantFrom('.', '_', '+', '-'), { nil: undefined }),
    word,
    word,
    fc.constantFrom('com', 'org', 'io', 'co.uk', 'de'),
  )
  .map(([a, sep, b, domain, tld]) => `${a}${sep ? `${sep}${b}` : ''}@${domain}.${tld}`);

const validSurvey = fc
  .record({
    metric: fc.constantFrom('NPS', 'CSAT', 'CES' as const),
    externalId: id,
    occurredAt: isoDate,
    email,
    comment: fc.option(text, { nil: undefined }),
    surveyId: id,
  })
  .chain((r) => {
    const range = METRIC_SCORE_RANGE[r.metric];
    return fc.integer({ min: range.min, max: range.max }).map((score) => ({
      schemaVersion: 1,
      source: 'survey',
      externalId: r.externalId,
      occurredAt: r.occurredAt,
      customer: { email: r.email },
      survey: {
        surveyId: r.surveyId,
        metric: r.metric,
        score,
        ...(r.comment !== undefined && { comment: r.comment }),
      },
    }));
  });

describe('inbound contracts, property-based', () => {
  it('accept every well-formed survey event', () => {
    fc.assert(
      fc.property(validSurvey, (event) => SurveyResponseEventSchema.safeParse(event).success),
    );
  });

  it('refuse every out-of-range score, naming survey.score', () => {
    fc.assert(
      fc.property(validSurvey, fc.integer({ min: -1000, max: 1000 }), (event, score) => {
        const range = METRIC_SCORE_RANGE[event.survey.metric as 'NPS' | 'CSAT' | 'CES'];
        fc.pre(score < range.min || score > range.max);
        const result = SurveyResponseEventSchema.safeParse({
          ...event,
          survey: { ...event.survey, score },
        });
        return (
          !result.success && result.error.issues.some((i) => i.path.join('.') === 'survey.score')
        );
      }),
    );
  });

  it('never throw on arbitrary input, and name a path for every refusal', () => {
    for (const topic of Object.values(INBOUND_TOPICS)) {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          const result = topic.schema.safeParse(value);
          return result.success || result.error.issues.length > 0;
        }),
        { numRuns: 300 },
      );
    }
  });

  it('refuse arbitrary JSON objects that are not CRM records', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => !CrmRecordEventSchema.safeParse(value).success),
      { numRuns: 300 },
    );
  });
});
