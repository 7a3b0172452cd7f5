import type { LoopMeasuresData, SatisfactionWeeks } from '../data/overview-api';
import { formatHours, formatNps, formatSentiment, formatShare } from './overview-format';
import { barOptions, weeklyTrendOptions } from './trend-charts';

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

type Figures = LoopMeasuresData['overall'];

/** The loop measures as figures: shares with their counts, medians in hours or days. */
export function loopFigures(overall: Figures): Figure[] {
  return [
    {
      label: 'Feedback with an action',
      value: formatShare(overall.actionedShare),
      detail: `${overall.actioned} of ${overall.feedback}`,
    },
    {
      label: 'Customers told',
      value: formatShare(overall.toldShare),
      detail: `${overall.told} of ${overall.actioned} actioned`,
    },
    {
      label: 'Median to action',
      value: formatHours(overall.medianHoursToAction),
      detail: 'from when they spoke',
    },
    {
      label: 'Median to ship',
      value: formatHours(overall.medianHoursToShip),
      detail: 'from when they spoke',
    },
    {
      label: 'Median to notice',
      value: formatHours(overall.medianHoursToNotice),
      detail: 'from when they spoke',
    },
  ];
}

/** "1 response", "3 responses". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const percent = (v: number) => `${Math.round(v)}%`;
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const days = (hours: number | null) => (hours === null ? null : Math.round(hours / 2.4) / 10);

/** The weekly shares (actioned, told) and medians (days) as two line charts. */
export function loopTrendOptions(measures: LoopMeasuresData) {
  const weeks = measures.weekly.map((w) => w.key ?? '');
  return {
    shares: weeklyTrendOptions(
      weeks,
      [
        {
          name: 'With an action',
          colour: '#f57c00',
          values: measures.weekly.map((w) => pct(w.actionedShare)),
        },
        {
          name: 'Customers told',
          colour: '#2e7d32',
          values: measures.weekly.map((w) => pct(w.toldShare)),
        },
      ],
      { min: 0, max: 100, interval: 25, format: percent },
    ),
    medians: weeklyTrendOptions(
      weeks,
      [
        {
          name: 'To action',
          colour: '#f57c00',
          values: measures.weekly.map((w) => days(w.medianHoursToAction)),
        },
        {
          name: 'To ship',
          colour: '#6a1b9a',
          values: measures.weekly.map((w) => days(w.medianHoursToShip)),
        },
        {
          name: 'To notice',
          colour: '#2e7d32',
          values: measures.weekly.map((w) => days(w.medianHoursToNotice)),
        },
      ],
      { min: 0, format: (v) => `${v} d` },
    ),
  };
}

export function openLoopsOptions(overall: Figures) {
  return barOptions(
    overall.openLoops.map((b) => b.age),
    overall.openLoops.map((b) => b.count),
    '#f57c00',
  );
}

/** The latest week's value of each satisfaction measure and its charts. */
export function satisfactionPanels(weeks: SatisfactionWeeks) {
  const labels = weeks.map((w) => w.week);
  const latest = <T>(pick: (w: SatisfactionWeeks[number]) => T | null) =>
    [...weeks]
      .reverse()
      .map(pick)
      .find((v) => v !== null) ?? null;
  const total = (pick: (w: SatisfactionWeeks[number]) => number) =>
    weeks.reduce((sum, w) => sum + pick(w), 0);
  return [
    {
      title: 'NPS',
      value: formatNps(latest((w) => (w.npsResponses > 0 ? w.nps : null))),
      detail: `latest week; ${count(
        total((w) => w.npsResponses),
        'response',
      )} in range`,
      options: weeklyTrendOptions(
        labels,
        [{ name: 'NPS', colour: '#3f51b5', values: weeks.map((w) => w.nps) }],
        { min: -100, max: 100, interval: 50, format: (v) => formatNps(v) },
      ),
    },
    {
      title: 'CSAT',
      value: formatShare(latest((w) => (w.csatResponses > 0 ? w.csat : null))),
      detail: `latest week; ${count(
        total((w) => w.csatResponses),
        'response',
      )} in range`,
      options: weeklyTrendOptions(
        labels,
        [{ name: 'CSAT', colour: '#00897b', values: weeks.map((w) => pct(w.csat)) }],
        { min: 0, max: 100, interval: 25, format: percent },
      ),
    },
    {
      title: 'Sentiment',
      value: formatSentiment(latest((w) => w.meanSentiment)),
      detail: `latest week; ${count(
        total((w) => w.sentimentItems),
        'item',
      )} in range`,
      options: weeklyTrendOptions(
        labels,
        [
          {
            name: 'Mean sentiment',
            colour: '#6a1b9a',
            values: weeks.map((w) =>
              w.meanSentiment === null ? null : Math.round(w.meanSentiment * 100) / 100,
            ),
          },
        ],
        { min: -1, max: 1, interval: 0.5, format: (v) => formatSentiment(v) },
      ),
    },
  ];
}
