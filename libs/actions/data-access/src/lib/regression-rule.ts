import { resolveSettings } from '@closedloop/access-domain';
import { DEFAULT_REGRESSION_RULE, type RegressionRule } from '@closedloop/actions-domain';
import type { EntityManager } from 'typeorm';

/**
 * The regression rule in force: the default minimum count with the admins'
 * `regressionThresholdPercent` setting (its default when unset or no longer valid).
 */
export async function loadRegressionRule(manager: EntityManager): Promise<RegressionRule> {
  const rows: { value: unknown }[] = await manager.query(
    `SELECT value FROM settings WHERE key = 'regressionThresholdPercent'`,
  );
  const settings = resolveSettings(
    new Map(rows.length > 0 ? [['regressionThresholdPercent', rows[0]?.value]] : []),
  );
  return { ...DEFAULT_REGRESSION_RULE, thresholdPercent: settings.regressionThresholdPercent };
}
