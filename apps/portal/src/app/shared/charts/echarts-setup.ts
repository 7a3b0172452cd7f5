import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the portal draws with, registered once. Loaded lazily (see
 * `provideCharts`), so the initial bundle does not carry the charting library. Add a chart type
 * or component here before using it in options.
 */
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export default echarts;
