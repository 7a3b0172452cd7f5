import type { EChartsCoreOption } from 'echarts/core';

export interface TrendDay {
  readonly day: string;
  readonly volume: number;
  readonly averageSentiment: number | null;
  readonly nps: number | null;
}

/**
 * Daily volume (bars, left axis), mean sentiment (line, -1 to 1) and NPS (line, -100 to 100)
 * for the trend chart; days without feedback in between are filled with zero volume.
 */
export function themeTrendOptions(days: readonly TrendDay[]): EChartsCoreOption {
  const filled = fillDays(days);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['Volume', 'Sentiment', 'NPS'], bottom: 0 },
    grid: { left: 48, right: 96, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: filled.map((d) => d.day) },
    yAxis: [
      { type: 'value', name: 'Items', minInterval: 1 },
      { type: 'value', name: 'Sentiment', min: -1, max: 1, position: 'right' },
      { type: 'value', name: 'NPS', min: -100, max: 100, position: 'right', offset: 48 },
    ],
    series: [
      {
        name: 'Volume',
        type: 'bar',
        data: filled.map((d) => d.volume),
        itemStyle: { color: '#3f51b5' },
      },
      {
        name: 'Sentiment',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: filled.map((d) => d.averageSentiment),
        itemStyle: { color: '#b3261e' },
      },
      {
        name: 'NPS',
        type: 'line',
        yAxisIndex: 2,
        connectNulls: true,
        data: filled.map((d) => d.nps),
        itemStyle: { color: '#1b6e3a' },
      },
    ],
  };
}

/** The days from the first to the last given, one per UTC day, missing ones empty. */
export function fillDays(days: readonly TrendDay[]): TrendDay[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const out: TrendDay[] = [];
  const end = Date.parse(`${sorted[sorted.length - 1]?.day}T00:00:00Z`);
  for (let t = Date.parse(`${sorted[0]?.day}T00:00:00Z`); t <= end; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, volume: 0, averageSentiment: null, nps: null });
  }
  return out;
}
