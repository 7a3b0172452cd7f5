import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { MetricsTokenGuard } from './metrics-token.guard';
import { ServiceMetrics } from './service-metrics';

/** Prometheus scrapes `/metrics` (text exposition format), with the bearer token when one is set. */
@Controller('metrics')
@UseGuards(MetricsTokenGuard)
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
