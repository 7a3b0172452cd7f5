import { WEEK_MS } from './week';

/** The theme picture before a ship: per week volume and the share of negative items. */
export interface RegressionBaseline {
  readonly weeks: number;
  readonly volume: number;
  readonly negatives: number;
}

/** What arrived on the action's themes since it shipped. */
export interface AfterShip {
  readonly shippedAt: Date;
  readonly now: Date;
  readonly volume: number;
  readonly negatives: number;
}

export interface RegressionRule {
  /** How far above the pre-ship level counts as back, in percent (default 25). */
  readonly thresholdPercent: number;
  /** Fewer items after the ship than this never trigger (small numbers are noise). */
  readonly minCount: number;
}

export const DEFAULT_REGRESSION_RULE: RegressionRule = { thresholdPercent: 25, minCount: 5 };

export interface RegressionVerdict {
  readonly regressed: boolean;
  readonly reasons: readonly ('volume' | 'negative_share')[];
  readonly baselineWeeklyVolume: number;
  readonly afterWeeklyVolume: number;
  readonly baselineNegativeShare: number;
  readonly afterNegativeShare: number;
  readonly message: string;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Has a shipped action's theme come back? Compares the weekly volume since the ship (elapsed time,
 * at least one week, so a first busy day is not extrapolated) and the negative share with the
 * pre-ship baseline: either above baseline × (1 + threshold) regresses, once at least `minCount`
 * items arrived after the ship. A baseline without volume regresses on volume alone once the
 * minimum count is reached.
 */
export function detectRegression(
  baseline: RegressionBaseline,
  after: AfterShip,
  rule: RegressionRule = DEFAULT_REGRESSION_RULE,
): RegressionVerdict {
  const baseWeekly = baseline.weeks > 0 ? baseline.volume / baseline.weeks : 0;
  const baseShare = baseline.volume > 0 ? baseline.negatives / baseline.volume : 0;
  const elapsedWeeks = Math.max(1, (after.now.getTime() - after.shippedAt.getTime()) / WEEK_MS);
  const afterWeekly = after.volume / elapsedWeeks;
  const afterShare = after.volume > 0 ? after.negatives / after.volume : 0;
  const factor = 1 + rule.thresholdPercent / 100;
  const reasons: ('volume' | 'negative_share')[] = [];
  if (after.volume >= rule.minCount) {
    if (afterWeekly > baseWeekly * factor) reasons.push('volume');
    if (baseline.volume > 0 && afterShare > baseShare * factor && after.negatives > 0) {
      reasons.push('negative_share');
    }
  }
  const verdict = {
    regressed: reasons.length > 0,
    reasons,
    baselineWeeklyVolume: round(baseWeekly),
    afterWeeklyVolume: round(afterWeekly),
    baselineNegativeShare: round(baseShare, 4),
    afterNegativeShare: round(afterShare, 4),
  };
  const parts = [
    reasons.includes('volume')
      ? `volume ${verdict.afterWeeklyVolume}/week after the ship vs ${verdict.baselineWeeklyVolume}/week before`
      : null,
    reasons.includes('negative_share')
      ? `negative share ${round(afterShare * 100, 1)}% vs ${round(baseShare * 100, 1)}% before`
      : null,
  ].filter((p): p is string => p !== null);
  return {
    ...verdict,
    message: parts.length > 0 ? `Themes came back: ${parts.join('; ')}` : 'No regression',
  };
}
