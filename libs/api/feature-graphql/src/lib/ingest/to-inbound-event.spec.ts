import { CrmRecordKind, SocialPlatform, SurveyMetric } from './ingest-enums';
import { toInboundEvent } from './to-inbound-event';

const survey = {
  externalId: 'r-1',
  occurredAt: '2026-11-01T10:00:00Z',
  customerEmail: 'ada@example.com',
  customerName: 'Ada',
  surveyId: 'nps',
  metric: SurveyMetric.NPS,
  score: 9,
  comment: 'Great',
  metadata: [{ key: 'locale', value: 'en-GB' }],
};

describe('toInboundEvent', () => {
  it('builds a survey contract event, metadata included', () => {
    const result = toInboundEvent('survey', survey);
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        source: 'survey',
        customer: { email: 'ada@example.com', name: 'Ada' },
        survey: { surveyId: 'nps', metric: 'NPS', score: 9, comment: 'Great' },
        metadata: { locale: 'en-GB' },
      }),
    });
  });

  it('names the input field that was wrong', () => {
    expect(toInboundEvent('survey', { ...survey, score: 12 })).toEqual({
      ok: false,
      field: 'score',
      reason: 'NPS score must be between 0 and 10, got 12',
    });
    expect(toInboundEvent('survey', { ...survey, customerEmail: 'nope' })).toEqual(
      expect.objectContaining({ ok: false, field: 'customerEmail' }),
    );
    expect(toInboundEvent('survey', { ...survey, occurredAt: 'yesterday' })).toEqual(
      expect.objectContaining({ ok: false, field: 'occurredAt' }),
    );
  });

  it('builds social, CRM and anonymous staff events', () => {
    const social = toInboundEvent('social', {
      externalId: 'p-1',
      occurredAt: '2026-11-01T10:00:00Z',
      platform: SocialPlatform.X,
      authorHandle: '@ada',
      text: 'Lost my basket',
      followers: 10,
      likes: 0,
      isPublic: true,
    });
    expect(social.ok && social.event.source).toBe('social');
    const crm = toInboundEvent('crm', {
      externalId: 't-1',
      occurredAt: '2026-11-01T10:00:00Z',
      kind: CrmRecordKind.SUPPORT_TICKET,
      accountId: 'a-1',
      contactId: 'c-1',
      text: 'Cannot log in',
      plan: 'Pro',
    });
    expect(crm).toEqual({
      ok: true,
      event: expect.objectContaining({
        customer: { externalId: 'c-1' },
        crm: expect.objectContaining({ account: { plan: 'Pro' } }),
      }),
    });
    const staff = toInboundEvent('staff', {
      externalId: 's-1',
      occurredAt: '2026-11-01T10:00:00Z',
      employeeId: 'e',
      team: 't',
      observation: 'Wants receipts',
    });
    expect(staff).toEqual({
      ok: true,
      event: expect.not.objectContaining({ customer: expect.anything() }),
    });
  });

  it('names followers when reach is negative, and text when it is too long', () => {
    const base = {
      externalId: 'p',
      occurredAt: '2026-11-01T10:00:00Z',
      platform: SocialPlatform.X,
      authorHandle: '@a',
      text: 't',
      likes: 0,
      isPublic: true,
    };
    expect(toInboundEvent('social', { ...base, followers: -3 })).toEqual(
      expect.objectContaining({ field: 'followers' }),
    );
    expect(toInboundEvent('social', { ...base, followers: 1, text: 'x'.repeat(5001) })).toEqual({
      ok: false,
      field: 'text',
      reason: 'text is longer than 5000 characters',
    });
  });
});
