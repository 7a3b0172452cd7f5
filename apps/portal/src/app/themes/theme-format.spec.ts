import {
  breakdownBars,
  formatNps,
  formatSentiment,
  formatShare,
  readThemeListParams,
  reasonText,
  sourceMixText,
  sourceShares,
  sparklinePoints,
  sparklineSummary,
  themeListQueryParams,
} from './theme-format';
import { fillDays, themeTrendOptions } from './theme-trend-chart';

describe('theme list params', () => {
  it('reads known values and falls back to defaults', () => {
    const params = new Map([
      ['search', 'login'],
      ['sort', 'RECENT'],
      ['status', 'bogus'],
      ['emerging', 'true'],
    ]);
    expect(readThemeListParams((n) => params.get(n) ?? null)).toEqual({
      search: 'login',
      sort: 'RECENT',
      status: 'ACTIVE',
      emerging: true,
    });
    expect(readThemeListParams(() => null)).toEqual({
      search: '',
      sort: 'VOLUME',
      status: 'ACTIVE',
      emerging: false,
    });
  });

  it('leaves defaults out of the URL', () => {
    expect(
      themeListQueryParams({ search: '  ', sort: 'VOLUME', status: 'ACTIVE', emerging: false }),
    ).toEqual({ search: null, sort: null, status: null, emerging: null });
    expect(
      themeListQueryParams({
        search: 'card',
        sort: 'NEGATIVE_SHARE',
        status: 'NOISE',
        emerging: true,
      }),
    ).toEqual({ search: 'card', sort: 'NEGATIVE_SHARE', status: 'NOISE', emerging: 'true' });
  });
});

describe('figures', () => {
  it('formats shares, sentiment and NPS with signs and a dash for none', () => {
    expect(formatShare(0.237)).toBe('24%');
    expect(formatShare(null)).toBe('–');
    expect(formatSentiment(0.254)).toBe('+0.25');
    expect(formatSentiment(-0.5)).toBe('−0.50');
    expect(formatSentiment(0.001)).toBe('0.00');
    expect(formatSentiment(undefined)).toBe('–');
    expect(formatNps(12.5)).toBe('+13');
    expect(formatNps(-100)).toBe('−100');
    expect(formatNps(0)).toBe('0');
    expect(formatNps(null)).toBe('–');
  });

  it('shares sources out of their total, largest first', () => {
    const shares = sourceShares([
      { source: 'social', volume: 1 },
      { source: 'survey', volume: 3 },
      { source: 'crm', volume: 0 },
    ]);
    expect(shares).toEqual([
      { source: 'survey', label: 'Survey', volume: 3, percent: 75 },
      { source: 'social', label: 'Social', volume: 1, percent: 25 },
    ]);
    expect(sourceMixText(shares)).toBe('Survey 3, Social 1');
    expect(sourceShares([])).toEqual([]);
    expect(sourceMixText([])).toBe('No sources yet');
  });

  it('scales breakdown bars to the largest row', () => {
    expect(breakdownBars([{ volume: 4 }, { volume: 1 }, { volume: 0 }])).toEqual([
      { volume: 4, percent: 100 },
      { volume: 1, percent: 25 },
      { volume: 0, percent: 0 },
    ]);
  });
});

describe('sparkline', () => {
  it('puts the peak at the top and zero at the bottom', () => {
    expect(sparklinePoints([0, 2, 1], 102, 22)).toBe('1,21 51,1 101,11');
    expect(sparklinePoints([], 100, 20)).toBe('');
    expect(sparklinePoints([0, 0], 12, 12)).toBe('1,11 11,11');
  });

  it('sums up the line in words', () => {
    expect(sparklineSummary([0, 2, 1])).toBe('3 items in the last 3 days, at most 2 a day');
    expect(sparklineSummary([0, 0])).toBe('No items in the last 2 days');
  });
});

describe('why an item is in its theme', () => {
  it('names the shared terms and the similarity against the bar it had to clear', () => {
    expect(
      reasonText({
        kind: 'matched-theme',
        sharedTerms: ['checkout', 'card'],
        similarity: 0.612,
        threshold: 0.4,
      }),
    ).toBe('Matched the theme; shares “checkout”, “card”; similarity 0.61 (needed 0.40)');
    expect(
      reasonText({ kind: 'created-theme', sharedTerms: [], similarity: 0, threshold: null }),
    ).toBe('Opened this theme; no shared terms; similarity 0.00');
    expect(reasonText(null)).toBe('Not placed by the engine yet');
    expect(reasonText({ kind: 'moved', sharedTerms: [], similarity: null, threshold: null })).toBe(
      'Moved here by a person',
    );
    expect(reasonText({ kind: 'split', sharedTerms: [], similarity: null, threshold: null })).toBe(
      'Split out into this theme by a person',
    );
  });
});

describe('trend chart', () => {
  it('fills missing days and plots volume, sentiment and NPS', () => {
    const days = [
      { day: '2026-11-28', volume: 2, averageSentiment: -0.5, nps: -50 },
      { day: '2026-11-30', volume: 1, averageSentiment: 0.5, nps: null },
    ];
    expect(fillDays(days).map((d) => [d.day, d.volume])).toEqual([
      ['2026-11-28', 2],
      ['2026-11-29', 0],
      ['2026-11-30', 1],
    ]);
    const options = themeTrendOptions(days) as {
      series: { name: string; data: (number | null)[] }[];
      xAxis: { data: string[] };
    };
    expect(options.xAxis.data).toHaveLength(3);
    expect(options.series.map((s) => [s.name, s.data])).toEqual([
      ['Volume', [2, 0, 1]],
      ['Sentiment', [-0.5, null, 0.5]],
      ['NPS', [-50, null, null]],
    ]);
    expect(fillDays([])).toEqual([]);
  });
});
