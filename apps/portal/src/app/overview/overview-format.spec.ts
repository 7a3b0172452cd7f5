import {
  formatHours,
  formatNps,
  formatSentiment,
  formatShare,
  formatWeek,
} from './overview-format';

describe('overview formatting', () => {
  it('shows shares as whole percentages and a dash for none', () => {
    expect(formatShare(0.416)).toBe('42%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('–');
  });

  it('shows hours below two days, days beyond', () => {
    expect(formatHours(0.4)).toBe('under 1 h');
    expect(formatHours(5.4)).toBe('5 h');
    expect(formatHours(47)).toBe('47 h');
    expect(formatHours(84)).toBe('3.5 days');
    expect(formatHours(undefined)).toBe('–');
  });

  it('signs NPS and sentiment', () => {
    expect(formatNps(12.4)).toBe('+12');
    expect(formatNps(-33.3)).toBe('-33');
    expect(formatNps(0)).toBe('0');
    expect(formatSentiment(0.456)).toBe('+0.46');
    expect(formatSentiment(-0.001)).toBe('0.00');
    expect(formatSentiment(-0.25)).toBe('-0.25');
    expect(formatSentiment(null)).toBe('–');
  });

  it('names a week by its Monday', () => {
    expect(formatWeek('2026-06-01')).toBe('1 Jun');
  });
});
