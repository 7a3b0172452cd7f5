import { foldThemeStats, SPARKLINE_DAYS } from './theme-stats.query';

describe('foldThemeStats', () => {
  it('sums sources into sentiment and NPS, orders the mix and places days on the 30-day line', () => {
    const stats = foldThemeStats(
      ['a', 'b'],
      [
        {
          theme_id: 'a',
          source: 'social',
          volume: '1',
          sentiment_sum: -0.5,
          sentiment_count: '1',
          promoters: '0',
          passives: '0',
          detractors: '1',
        },
        {
          theme_id: 'a',
          source: 'survey',
          volume: '3',
          sentiment_sum: 0.9,
          sentiment_count: '3',
          promoters: '2',
          passives: '1',
          detractors: '0',
        },
        {
          theme_id: 'a',
          source: 'crm',
          volume: '0',
          sentiment_sum: 0,
          sentiment_count: '0',
          promoters: '0',
          passives: '0',
          detractors: '0',
        },
        {
          theme_id: 'x',
          source: 'survey',
          volume: '9',
          sentiment_sum: 9,
          sentiment_count: '9',
          promoters: '9',
          passives: '0',
          detractors: '0',
        },
      ],
      [
        { theme_id: 'a', age: '0', volume: '2' },
        { theme_id: 'a', age: 29, volume: 1 },
        { theme_id: 'a', age: 30, volume: 5 },
        { theme_id: 'a', age: -1, volume: 5 },
      ],
    );
    const a = stats.get('a');
    expect(a?.averageSentiment).toBe(0.1);
    expect(a?.nps).toBe(25);
    expect(a?.sources).toEqual([
      { source: 'survey', volume: 3 },
      { source: 'social', volume: 1 },
    ]);
    expect(a?.recentVolume).toHaveLength(SPARKLINE_DAYS);
    expect(a?.recentVolume[0]).toBe(1);
    expect(a?.recentVolume[SPARKLINE_DAYS - 1]).toBe(2);
    expect(a?.recentVolume.reduce((s, v) => s + v, 0)).toBe(3);
    expect(stats.get('b')).toEqual({
      averageSentiment: null,
      nps: null,
      sources: [],
      recentVolume: new Array(SPARKLINE_DAYS).fill(0),
    });
    expect(stats.has('x')).toBe(false);
  });
});
