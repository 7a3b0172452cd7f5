import { audienceFilterOf, exclusionLines } from './audience-filter';

describe('audienceFilterOf', () => {
  const none = { sources: [], sentiment: [], segment: ' ', from: '', to: '' };

  it('is null when nothing narrows the audience', () => {
    expect(audienceFilterOf(none)).toBeNull();
  });

  it('keeps what narrows, with the last day included whole', () => {
    expect(
      audienceFilterOf({
        sources: ['SURVEY', 'CRM'],
        sentiment: ['NEGATIVE'],
        segment: ' enterprise ',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    ).toEqual({
      sources: ['SURVEY', 'CRM'],
      sentiment: ['NEGATIVE'],
      segment: 'enterprise',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
  });

  it('ignores a date that is not a day', () => {
    expect(audienceFilterOf({ ...none, from: '2026-1-1', to: 'soon' })).toBeNull();
  });
});

describe('exclusionLines', () => {
  it('names each reason with its count, leaving out reasons with nobody', () => {
    expect(
      exclusionLines([
        { reason: 'UNSUBSCRIBED', count: 1 },
        { reason: 'NO_EMAIL', count: 0 },
        { reason: 'OVER_CAP', count: 3 },
      ]),
    ).toEqual(['1 customer: unsubscribed', '3 customers: over the weekly email cap']);
  });
});
