import type { LoopFlowData } from '../data/overview-api';
import { flowTable, loopFlowOptions, nodeColour, truncate } from './loop-flow-chart';

const FLOW: LoopFlowData = {
  total: 4,
  nodes: [
    { id: 'source:survey', kind: 'source', label: 'survey', count: 4 },
    { id: 'theme:t1', kind: 'theme', label: 'Checkout fails', count: 3 },
    { id: 'theme:none', kind: 'theme', label: 'Not yet in a theme', count: 1 },
    { id: 'action:yes', kind: 'action', label: 'Has an action', count: 3 },
    { id: 'action:no', kind: 'action', label: 'No action yet', count: 1 },
  ],
  links: [
    { source: 'source:survey', target: 'theme:t1', count: 3 },
    { source: 'source:survey', target: 'theme:none', count: 1 },
    { source: 'theme:t1', target: 'action:yes', count: 3 },
    { source: 'theme:none', target: 'action:no', count: 1 },
  ],
};

interface Series {
  data: { name: string; value: number; itemStyle: { color: string } }[];
  links: { source: string; target: string; value: number }[];
  label: { formatter: (p: { name: string }) => string };
}

describe('loop flow chart', () => {
  it('draws every node and link with its count, labelled by name', () => {
    const options = loopFlowOptions(FLOW) as { series: Series[] };
    const series = options.series[0] as Series;
    expect(series.data.map((d) => [d.name, d.value])).toEqual(
      FLOW.nodes.map((n) => [n.id, n.count]),
    );
    expect(series.links).toEqual([
      { source: 'source:survey', target: 'theme:t1', value: 3 },
      { source: 'source:survey', target: 'theme:none', value: 1 },
      { source: 'theme:t1', target: 'action:yes', value: 3 },
      { source: 'theme:none', target: 'action:no', value: 1 },
    ]);
    expect(series.label.formatter({ name: 'theme:t1' })).toBe('Checkout fails (3)');
    expect(series.data.find((d) => d.name === 'action:no')?.itemStyle.color).toBe('#9e9e9e');
  });

  it('greys the open ends and colours the rest by step', () => {
    expect(nodeColour('theme:none', 'theme')).toBe('#9e9e9e');
    expect(nodeColour('told', 'told')).not.toBe('#9e9e9e');
  });

  it('gives a table with each step’s share of all feedback', () => {
    expect(flowTable(FLOW).map((r) => [r.step, r.label, r.count, r.share])).toEqual([
      ['Source', 'survey', 4, 1],
      ['Theme', 'Checkout fails', 3, 0.75],
      ['Theme', 'Not yet in a theme', 1, 0.25],
      ['Action', 'Has an action', 3, 0.75],
      ['Action', 'No action yet', 1, 0.25],
    ]);
  });

  it('shortens long theme labels', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('puts theme names in the tooltip as text, never as HTML', () => {
    // A theme renamed to markup: ECharts writes the tooltip's string into the page as HTML.
    const hostile: LoopFlowData = {
      ...FLOW,
      nodes: FLOW.nodes.map((n) =>
        n.id === 'theme:t1' ? { ...n, label: '<img src=x onerror="alert(1)"> & co' } : n,
      ),
    };
    const options = loopFlowOptions(hostile) as {
      tooltip: { formatter: (p: Record<string, unknown>) => string };
    };
    const format = options.tooltip.formatter;
    expect(format({ dataType: 'node', name: 'theme:t1', value: 3 })).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co: 3',
    );
    expect(
      format({
        dataType: 'edge',
        value: 3,
        data: { source: 'source:survey', target: 'theme:t1' },
      }),
    ).toBe('survey → &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co: 3');
  });
});
