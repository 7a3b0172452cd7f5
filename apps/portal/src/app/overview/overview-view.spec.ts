import type { LoopMeasuresData, SatisfactionWeeks } from '../data/overview-api';
import { loopFigures, loopTrendOptions, satisfactionPanels } from './overview-view';

const figures = (over: Partial<LoopMeasuresData['overall']>): LoopMeasuresData['overall'] => ({
  key: null,
  feedback: 12,
  actioned: 6,
  actionedShare: 0.5,
  told: 5,
  toldShare: 5 / 6,
  medianHoursToAction: 30,
  medianHoursToShip: null,
  medianHoursToNotice: 372,
  openLoops: [{ age: '<7d', count: 1 }],
  ...over,
});

describe('overview view', () => {
  it('turns the loop measures into figures with their counts', () => {
    expect(loopFigures(figures({})).map((f) => [f.label, f.value, f.detail])).toEqual([
      ['Feedback with an action', '50%', '6 of 12'],
      ['Customers told', '83%', '5 of 6 actioned'],
      ['Median to action', '30 h', 'from when they spoke'],
      ['Median to ship', '–', 'from when they spoke'],
      ['Median to notice', '15.5 days', 'from when they spoke'],
    ]);
  });

  it('charts the weekly shares as percentages and medians as days', () => {
    const weekly = [
      figures({ key: '2026-06-01', actionedShare: 0.25, toldShare: null, medianHoursToAction: 36 }),
      figures({ key: '2026-06-08', actionedShare: 0.5, toldShare: 1, medianHoursToAction: null }),
    ];
    const { shares, medians } = loopTrendOptions({ overall: figures({}), weekly }) as unknown as {
      shares: { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
      medians: { series: { data: (number | null)[] }[] };
    };
    expect(shares.xAxis.data).toEqual(['1 Jun', '8 Jun']);
    expect(shares.series.map((s) => s.data)).toEqual([
      [25, 50],
      [null, 100],
    ]);
    expect(medians.series[0]?.data).toEqual([1.5, null]);
  });

  it('shows the latest week that has each satisfaction measure', () => {
    const weeks: SatisfactionWeeks = [
      {
        week: '2026-06-01',
        npsResponses: 4,
        nps: 25,
        csatResponses: 2,
        csat: 0.5,
        sentimentItems: 5,
        meanSentiment: -0.2,
      },
      {
        week: '2026-06-08',
        npsResponses: 0,
        nps: null,
        csatResponses: 1,
        csat: 1,
        sentimentItems: 2,
        meanSentiment: 0.3,
      },
    ];
    expect(satisfactionPanels(weeks).map((p) => [p.title, p.value, p.detail])).toEqual([
      ['NPS', '+25', 'latest week; 4 responses in range'],
      ['CSAT', '100%', 'latest week; 3 responses in range'],
      ['Sentiment', '+0.30', 'latest week; 7 items in range'],
    ]);
  });
});
