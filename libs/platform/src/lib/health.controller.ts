import type { MessageBus } from '@closedloop/messaging';
import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadConsumers, healthReport, type HealthReport } from './health-report';
import { MESSAGE_BUS } from './tokens';

/** How long the database may take to answer `SELECT 1` before it counts as down. */
const DATABASE_CHECK_MS = 2_000;

/**
 * Liveness and readiness for process supervisors and docker-compose health checks. Both answer
 * 503 with what is wrong: `live` when a consumer stopped for good (restart the process), `ready`
 * also while the database does not answer or a consumer has not joined its group.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus?: MessageBus,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    const dead = deadConsumers(this.bus?.consumerHealth() ?? []);
    if (dead.length > 0) throw new ServiceUnavailableException({ status: 'dead', problems: dead });
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<HealthReport> {
    const report = healthReport(await this.databaseAnswers(), this.bus?.consumerHealth() ?? []);
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), DATABASE_CHECK_MS);
      });
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
