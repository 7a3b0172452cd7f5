import { normaliseInboundEvent } from './normalise-inbound-event';

const base = { schemaVersion: 1 as const, externalId: 'e-1', occurredAt: '2026-11-01T10:00:00Z' };

describe('normaliseInboundEvent', () => {
  it('maps a survey response with its score band and lower-cased email', () => {
    const n = normaliseInboundEvent({
      ...base,
      source: 'survey',
      customer: { email: 'Ada@Example.com', name: 'Ada' },
      survey: { surveyId: 's', metric: 'NPS', score: 8, comment: 'ok', touchpoint: 'checkout' },
    });
    expect(n).toEqual(
      expect.objectContaining({
        eventKey: 'survey:e-1',
        customer: {
          identitySource: 'survey',
          email: 'ada@example.com',
          externalId: undefined,
          name: 'Ada',
        },
        rawText: 'ok',
        metric: 'NPS',
        score: 8,
        scoreBand: 'passive',
        touchpoint: 'checkout',
      }),
    );
  });

  it('identifies a social author by platform and handle, keeping reach', () => {
    const n = normaliseInboundEvent({
      ...base,
      source: 'social',
      social: {
        platform: 'x',
        authorHandle: '@Ada ',
        text: 'meh',
        reach: { followers: 5000, likes: 3 },
        isPublic: true,
      },
    });
    expect(n.customer).toEqual({
      identitySource: 'social:x',
      externalId: '@ada',
      email: undefined,
      name: undefined,
    });
    expect(n.social).toEqual({ followers: 5000, isPublic: true });
  });

  it('uses the CRM contact id, joins subject and text, and keeps the record kind', () => {
    const n = normaliseInboundEvent({
      ...base,
      source: 'crm',
      customer: { externalId: 'c-fallback', email: 'g@example.com' },
      crm: {
        kind: 'churn_reason',
        accountId: 'a',
        contactId: 'c-7',
        subject: 'Leaving',
        text: 'Too pricey',
      },
    });
    expect(n.customer?.externalId).toBe('c-7');
    expect(n.rawText).toBe('Leaving\n\nToo pricey');
    expect(n.crmKind).toBe('churn_reason');
  });

  it('keeps an anonymous staff report anonymous and links its prompt', () => {
    const promptId = '2b0c4f7e-8a43-4a55-9a4e-3f3b8c1d2e10';
    const n = normaliseInboundEvent({
      ...base,
      source: 'staff',
      staff: { employeeId: 'e', team: 't', observation: 'They want receipts', promptId },
    });
    expect(n.customer).toBeNull();
    expect(n.promptId).toBe(promptId);
    expect(n.eventKey).toBe('staff:e-1');
  });
});
