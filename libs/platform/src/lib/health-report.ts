import type { ConsumerHealth } from '@closedloop/messaging';

/** What `/health/ready` answers. */
export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly database: 'up' | 'down';
  readonly consumers: readonly ConsumerHealth[];
  /** What keeps the process from being ready, in words; empty when ready. */
  readonly problems: readonly string[];
}

/**
 * Ready means: the database answers, and every consumer has joined its group and holds its
 * partitions (one that is still joining, restarting after a crash or gone for good is not).
 */
export function healthReport(
  databaseUp: boolean,
  consumers: readonly ConsumerHealth[],
): HealthReport {
  const problems = [
    ...(databaseUp ? [] : ['the database does not answer']),
    ...consumers
      .filter((c) => c.failed !== null)
      .map((c) => `consumer ${c.groupId} stopped for good: ${c.failed}`),
    ...consumers
      .filter((c) => c.failed === null && !c.joined)
      .map((c) => `consumer ${c.groupId} has not joined its group`),
  ];
  return {
    status: problems.length === 0 ? 'ok' : 'unavailable',
    database: databaseUp ? 'up' : 'down',
    consumers,
    problems,
  };
}

/** Alive unless a consumer stopped for good: then only a restart of the process brings it back. */
export function deadConsumers(consumers: readonly ConsumerHealth[]): string[] {
  return consumers
    .filter((c) => c.failed !== null)
    .map((c) => `consumer ${c.groupId} stopped for good: ${c.failed}`);
}
