import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * ECharts for `echarts` directives, fetched the first time a chart is shown. ngx-echarts calls
 * `init` on what the loader resolves to, so it must be the echarts namespace (the module's default).
 */
export function provideCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.default) });
}
