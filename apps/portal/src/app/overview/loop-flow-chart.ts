import type { EChartsCoreOption } from 'echarts/core';
import type { LoopFlowData } from '../data/overview-api';
import { escapeHtml } from '../shared/charts/escape-html';
import { QUICK } from './trend-charts';

/** Node colours by step; "not yet" nodes in grey so the loop's open ends stand out as such. */
const KIND_COLOURS: Readonly<Record<string, string>> = {
  source: '#3f51b5',
  theme: '#00897b',
  action: '#f57c00',
  shipped: '#6a1b9a',
  told: '#2e7d32',
};
const OPEN_END = '#9e9e9e';
const OPEN_ENDS = new Set(['theme:none', 'action:no']);

export const KIND_NAMES: Readonly<Record<string, string>> = {
  source: 'Source',
  theme: 'Theme',
  action: 'Action',
  shipped: 'Shipped',
  told: 'Told',
};

export function nodeColour(id: string, kind: string): string {
  return OPEN_ENDS.has(id) ? OPEN_END : (KIND_COLOURS[kind] ?? OPEN_END);
}

interface SankeyParams {
  readonly dataType?: string;
  readonly name?: string;
  readonly value?: number;
  readonly data?: { readonly source?: string; readonly target?: string };
}

/**
 * The flow as an ECharts Sankey: nodes keep the API's order (sources, themes, action, shipped,
 * told), named by id and labelled with their label and count.
 */
export function loopFlowOptions(flow: LoopFlowData): EChartsCoreOption {
  const labels = new Map(flow.nodes.map((n) => [n.id, n.label]));
  const label = (id: string | undefined) => (id ? (labels.get(id) ?? id) : '');
  const counts = new Map(flow.nodes.map((n) => [n.id, n.count]));
  return {
    ...QUICK,
    tooltip: {
      trigger: 'item',
      // ECharts shows the tooltip as HTML, and theme names are customers' and users' words.
      formatter: (p: SankeyParams) =>
        escapeHtml(
          p.dataType === 'edge'
            ? `${label(p.data?.source)} → ${label(p.data?.target)}: ${p.value ?? 0}`
            : `${label(p.name)}: ${p.value ?? 0}`,
        ),
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 160,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        nodeWidth: 14,
        layoutIterations: 0,
        nodeAlign: 'left',
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: flow.nodes.map((n) => ({
          name: n.id,
          value: n.count,
          itemStyle: { color: nodeColour(n.id, n.kind), borderWidth: 0 },
        })),
        links: flow.links.map((l) => ({ source: l.source, target: l.target, value: l.count })),
        lineStyle: { color: 'source', opacity: 0.3, curveness: 0.5 },
        label: {
          color: '#1f1f1f',
          fontSize: 12,
          formatter: (p: SankeyParams) =>
            `${truncate(label(p.name), 28)} (${counts.get(p.name ?? '') ?? 0})`,
        },
      },
    ],
  };
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One row per node for the flow's text equivalent: the step, its name, its feedback and share. */
export interface FlowTableRow {
  readonly step: string;
  readonly label: string;
  readonly count: number;
  readonly share: number | null;
}

export function flowTable(flow: LoopFlowData): FlowTableRow[] {
  return flow.nodes.map((n) => ({
    step: KIND_NAMES[n.kind] ?? n.kind,
    label: n.label,
    count: n.count,
    share: flow.total > 0 ? n.count / flow.total : null,
  }));
}
