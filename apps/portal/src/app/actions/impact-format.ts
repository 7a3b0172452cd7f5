import type { EChartsCoreOption } from 'echarts/core';
import type { ImpactSideFiguresFragment } from '../graphql/generated';

/** One row of the before/after table: a figure, its value on each side, and whether after is better. */
export interface ImpactRow {
  readonly figure: string;
  readonly before: string;
  readonly after: string;
  /** better, worse or same for the customers (fewer complaints, more NPS); null when not comparable. */
  readonly verdict: 'better' | 'worse' | 'same' | null;
}

const fixed = (n: number | null | undefined, digits: number): string =>
  n === null || n === undefined ? '–' : n.toFixed(digits);
const percent = (n: number | null | undefined): string =>
  n === null || n === undefined ? '–' : `${Math.round(n * 100)}%`;

/** Compares two figures where `lowerIsBetter` says which way is good; equal within `epsilon`. */
function verdictOf(
  before: number | null | undefined,
  after: number | null | undefined,
  lowerIsBetter: boolean,
  epsilon: number,
): ImpactRow['verdict'] {
  if (before === null || before === undefined || after === null || after === undefined) return null;
  if (Math.abs(after - before) <= epsilon) return 'same';
  return after < before === lowerIsBetter ? 'better' : 'worse';
}

/** The before/after figures of an action's themes, as rows a person reads. */
export function impactRows(
  before: ImpactSideFiguresFragment,
  after: ImpactSideFiguresFragment,
): ImpactRow[] {
  return [
    {
      figure: 'Feedback per week',
      before: fixed(before.weeklyVolume, 1),
      after: fixed(after.weeklyVolume, 1),
      verdict: verdictOf(before.weeklyVolume, after.weeklyVolume, true, 0.05),
    },
    {
      figure: 'Negative share',
      before: percent(before.negativeShare),
      after: percent(after.negativeShare),
      verdict: verdictOf(before.negativeShare, after.negativeShare, true, 0.005),
    },
    {
      figure: 'Mean sentiment',
      before: fixed(before.meanSentiment, 2),
      after: fixed(after.meanSentiment, 2),
      verdict: verdictOf(before.meanSentiment, after.meanSentiment, false, 0.005),
    },
    {
      figure: `NPS of their customers`,
      before: `${fixed(before.nps, 0)} (${before.npsCustomers})`,
      after: `${fixed(after.nps, 0)} (${after.npsCustomers})`,
      verdict: verdictOf(before.nps, after.nps, false, 0.5),
    },
  ];
}

/** Weekly volume before and after the ship as one bar chart, weeks relative to the ship. */
export function impactChartOptions(
  before: ImpactSideFiguresFragment,
  after: ImpactSideFiguresFragment,
): EChartsCoreOption {
  const weeks = [...before.weeks, ...after.weeks].sort((a, b) => a.offset - b.offset);
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      // −2, −1 before the ship; +1, +2 for the first and second week after it.
      data: weeks.map((w) => (w.offset < 0 ? `${w.offset}` : `+${w.offset + 1}`)),
      name: 'weeks before and after the ship',
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: 'Feedback',
        data: weeks.map((w) => ({
          value: w.volume,
          itemStyle: { color: w.offset < 0 ? '#9e9e9e' : '#1565c0' },
        })),
      },
    ],
  };
}
