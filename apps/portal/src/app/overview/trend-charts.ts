import type { EChartsCoreOption } from 'echarts/core';
import { formatWeek } from './overview-format';

/** Short transitions: the figures beside a chart are already there; the chart need not dawdle. */
export const QUICK = { animationDuration: 300, animationDurationUpdate: 300 } as const;

export interface TrendSeries {
  readonly name: string;
  readonly colour: string;
  /** One value per week; null where the week has none. */
  readonly values: readonly (number | null)[];
}

export interface TrendAxis {
  readonly min?: number;
  readonly max?: number;
  /** Distance between grid lines; ECharts picks one without. */
  readonly interval?: number;
  readonly format: (value: number) => string;
}

/** Weekly values as a small line chart; gaps where a week has no value. */
export function weeklyTrendOptions(
  weeks: readonly string[],
  series: readonly TrendSeries[],
  axis: TrendAxis,
): EChartsCoreOption {
  return {
    ...QUICK,
    grid: { left: 48, right: 12, top: series.length > 1 ? 28 : 12, bottom: 24 },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? axis.format(v) : '–'),
    },
    xAxis: { type: 'category', data: weeks.map(formatWeek), boundaryGap: false },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      splitNumber: 3,
      axisLabel: { formatter: (v: number) => axis.format(v) },
    },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: [...s.values],
      connectNulls: false,
      showSymbol: weeks.length <= 16,
      itemStyle: { color: s.colour },
      lineStyle: { color: s.colour, width: 2 },
    })),
  };
}

/** Counts per category as a bar chart. */
export function barOptions(
  categories: readonly string[],
  counts: readonly number[],
  colour: string,
): EChartsCoreOption {
  return {
    ...QUICK,
    grid: { left: 40, right: 12, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
    series: [{ type: 'bar', name: 'Open loops', data: [...counts], itemStyle: { color: colour } }],
  };
}
