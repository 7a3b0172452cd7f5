import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * One chart, drawn with ECharts as SVG. The label names the chart for screen readers; give a
 * table or text next to it with the same figures for anyone who cannot see it.
 */
@Component({
  selector: 'cl-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    class="chart"
    role="img"
    [attr.aria-label]="label()"
    echarts
    [options]="options()"
    [autoResize]="true"
    [style.height.px]="height()"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
    }
  `,
})
export class Chart {
  readonly options = input.required<EChartsCoreOption>();
  readonly label = input.required<string>();
  readonly height = input(240);
}
