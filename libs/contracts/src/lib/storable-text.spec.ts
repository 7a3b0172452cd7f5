import fc from 'fast-check';
import { INBOUND_TOPICS } from './inbound-feedback';
import { MessageHeaders, correlationIdOf } from './message-headers';
import { unstorableTextReason } from './storable-text';

const survey = (comment: string, metadata: Record<string, string> = {}) => ({
  schemaVersion: 1,
  source: 'survey',
  externalId: 'r-1',
  occurredAt: '2026-11-01T10:00:00Z',
  customer: { email: 'ada@example.com' },
  survey: { surveyId: 's', metric: 'NPS', score: 9, comment },
  metadata,
});

describe('storable text in inbound events', () => {
  it('names NUL characters and lone surrogates, and nothing else', () => {
    expect(unstorableTextReason('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextReason('\uD800x')).toMatch(/surrogate/);
    expect(unstorableTextReason('x\uDFFF')).toMatch(/surrogate/);
    expect(unstorableTextReason('😀 <script>')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) =>
        s.includes('\u0000') ? true : unstorableTextReason(s) === null,
      ),
    );
  });

  it('refuses an event holding one anywhere, naming the path; PostgreSQL could not store it', () => {
    const comment = INBOUND_TOPICS.survey.schema.safeParse(survey('fine\u0000'));
    expect(comment.success).toBe(false);
    expect(comment.error?.issues.map((i) => i.path.join('.'))).toEqual(['survey.comment']);
    const key = INBOUND_TOPICS.survey.schema.safeParse(survey('fine', { ['k\uD800']: 'v' }));
    expect(key.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['metadata.k\uD800', 'key: text holds a lone UTF-16 surrogate (not Unicode text)'],
    ]);
    expect(INBOUND_TOPICS.survey.schema.safeParse(survey('fine 😀')).success).toBe(true);
  });

  it('drops a correlation id header that could not be stored', () => {
    expect(correlationIdOf({ [MessageHeaders.correlationId]: 'c-1' })).toBe('c-1');
    expect(correlationIdOf({ [MessageHeaders.correlationId]: 'c\u0000' })).toBeNull();
    expect(correlationIdOf({})).toBeNull();
  });
});
