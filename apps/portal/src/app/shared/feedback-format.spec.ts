import type { FeedbackRowFragment } from '../graphql/generated';
import {
  bandTone,
  customerEmail,
  customerName,
  matchesFilter,
  newestFirst,
  scoreLabel,
  sourceLabel,
} from './feedback-format';

const row = (overrides: Partial<FeedbackRowFragment> = {}): FeedbackRowFragment => ({
  id: 'f1',
  receivedAt: '2026-01-02T10:00:00.000Z',
  occurredAt: '2026-01-02T09:00:00.000Z',
  source: 'survey',
  metric: 'NPS',
  score: 3,
  scoreBand: 'detractor',
  text: 'Checkout keeps timing out',
  customer: { id: 'c1', name: 'Maya Chen', email: 'maya@example.com', unsubscribedAt: null },
  ...overrides,
});

describe('customer display', () => {
  it('shows the name with the email below, the email alone, or Anonymous', () => {
    expect(customerName(row().customer)).toBe('Maya Chen');
    expect(customerEmail(row().customer)).toBe('maya@example.com');
    const emailOnly = { id: 'c', name: ' ', email: 'x@example.com', unsubscribedAt: null };
    expect(customerName(emailOnly)).toBe('x@example.com');
    expect(customerEmail(emailOnly)).toBeNull();
    expect(customerName(null)).toBe('Anonymous');
    expect(customerEmail(null)).toBeNull();
  });
});

describe('scores', () => {
  it('labels metric, score and band', () => {
    expect(scoreLabel(row())).toBe('NPS 3 · Detractor');
    expect(scoreLabel(row({ metric: 'CSAT', score: 5, scoreBand: null }))).toBe('CSAT 5');
    expect(scoreLabel(row({ metric: null, score: null, scoreBand: null }))).toBeNull();
  });

  it('gives bands a tone', () => {
    expect(bandTone('promoter')).toBe('positive');
    expect(bandTone('Satisfied')).toBe('positive');
    expect(bandTone('difficult')).toBe('negative');
    expect(bandTone('passive')).toBe('neutral');
    expect(bandTone(null)).toBe('neutral');
  });
});

describe('lists', () => {
  it('sorts newest received first', () => {
    const rows = [
      row({ id: 'a', receivedAt: '2026-01-01T00:00:00Z' }),
      row({ id: 'b', receivedAt: '2026-01-03T00:00:00Z' }),
      row({ id: 'c', receivedAt: '2026-01-02T00:00:00Z' }),
    ];
    expect(newestFirst(rows).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('filters on customer, comment and band, ignoring case', () => {
    expect(matchesFilter(row(), 'MAYA')).toBe(true);
    expect(matchesFilter(row(), 'timing')).toBe(true);
    expect(matchesFilter(row(), 'detract')).toBe(true);
    expect(matchesFilter(row(), 'refund')).toBe(false);
    expect(matchesFilter(row({ customer: null, text: null }), 'x')).toBe(false);
    expect(matchesFilter(row(), '  ')).toBe(true);
  });

  it('labels sources', () => {
    expect(sourceLabel('survey')).toBe('Survey');
    expect(sourceLabel('crm')).toBe('CRM');
    expect(sourceLabel('kiosk')).toBe('Kiosk');
  });
});
