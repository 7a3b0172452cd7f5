import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { METRICS_TOKEN } from './metrics-token.guard';
import { ServiceMetrics } from './service-metrics';

export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <token>` (METRICS_TOKEN). */
  readonly token?: string | undefined;
}

/** The service's Prometheus metrics, injectable everywhere as ServiceMetrics, served at /metrics. */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string, options: MetricsOptions = {}): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: ServiceMetrics, useValue: new ServiceMetrics(service) },
        { provide: METRICS_TOKEN, useValue: options.token },
      ],
      exports: [ServiceMetrics],
    };
  }
}
