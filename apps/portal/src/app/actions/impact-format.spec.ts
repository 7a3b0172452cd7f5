import type { ImpactSideFiguresFragment } from '../graphql/generated';
import { impactChartOptions, impactRows } from './impact-format';

const side = (overrides: Partial<ImpactSideFiguresFragment>): ImpactSideFiguresFragment => ({
  volume: 10,
  weeklyVolume: 2.5,
  negativeShare: 0.4,
  meanSentiment: -0.1,
  nps: -20,
  npsCustomers: 5,
  weeks: [],
  ...overrides,
});

describe('impactRows', () => {
  it('says which way each figure moved for the customers', () => {
    const rows = impactRows(
      side({}),
      side({ weeklyVolume: 1, negativeShare: 0.6, meanSentiment: -0.1, nps: 10, npsCustomers: 3 }),
    );
    expect(rows).toEqual([
      { figure: 'Feedback per week', before: '2.5', after: '1.0', verdict: 'better' },
      { figure: 'Negative share', before: '40%', after: '60%', verdict: 'worse' },
      { figure: 'Mean sentiment', before: '-0.10', after: '-0.10', verdict: 'same' },
      { figure: 'NPS of their customers', before: '-20 (5)', after: '10 (3)', verdict: 'better' },
    ]);
  });

  it('leaves a figure without data on one side uncompared', () => {
    const rows = impactRows(side({ nps: null, npsCustomers: 0 }), side({}));
    expect(rows[3]).toEqual({
      figure: 'NPS of their customers',
      before: '– (0)',
      after: '-20 (5)',
      verdict: null,
    });
  });
});

describe('impactChartOptions', () => {
  it('puts the weeks in order around the ship, before in grey and after in blue', () => {
    const options = impactChartOptions(
      side({
        weeks: [
          { offset: -1, start: '2026-11-02', volume: 4, meanSentiment: null },
          { offset: -2, start: '2026-10-26', volume: 6, meanSentiment: null },
        ],
      }),
      side({ weeks: [{ offset: 0, start: '2026-11-09', volume: 1, meanSentiment: null }] }),
    ) as {
      xAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
    };
    expect(options.xAxis.data).toEqual(['-2', '-1', '+1']);
    expect(options.series[0]?.data.map((d) => d.value)).toEqual([6, 4, 1]);
    expect(options.series[0]?.data.map((d) => d.itemStyle.color)).toEqual([
      '#9e9e9e',
      '#9e9e9e',
      '#1565c0',
    ]);
  });
});
