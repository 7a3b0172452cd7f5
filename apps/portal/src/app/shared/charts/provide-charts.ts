import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/** ECharts for `echarts` directives, fetched the first time a chart is shown. */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup') });
}
