/** Settings admins can change, with their ranges and defaults. */
export interface Settings {
  /** Weeks after an action ships over which its impact is measured. */
  readonly impactWindowWeeks: number;
  /** Rise in a theme's volume, in percent, that counts as a regression. */
  readonly regressionThresholdPercent: number;
  /** Change-notice emails a customer may get in 7 days; more are left out at announce time. */
  readonly noticeWeeklyCap: number;
}

export type SettingKey = keyof Settings;

interface IntSetting {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const SETTING_RULES: Record<SettingKey, IntSetting> = {
  impactWindowWeeks: { min: 1, max: 52, default: 8 },
  regressionThresholdPercent: { min: 1, max: 500, default: 25 },
  noticeWeeklyCap: { min: 1, max: 50, default: 3 },
};

export const SETTING_KEYS = Object.keys(SETTING_RULES) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  impactWindowWeeks: SETTING_RULES.impactWindowWeeks.default,
  regressionThresholdPercent: SETTING_RULES.regressionThresholdPercent.default,
  noticeWeeklyCap: SETTING_RULES.noticeWeeklyCap.default,
};

/** Why a value is not acceptable for a setting, or null when it is. */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  const rule = SETTING_RULES[key];
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < rule.min ||
    value > rule.max
  ) {
    return `${key} must be a whole number from ${rule.min} to ${rule.max}`;
  }
  return null;
}

/** Stored values over the defaults; a stored value that is no longer valid falls back to the default. */
export function resolveSettings(stored: ReadonlyMap<string, unknown>): Settings {
  const result: Record<string, number> = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    const value = stored.get(key);
    if (value !== undefined && settingProblem(key, value) === null) result[key] = value as number;
  }
  return result as unknown as Settings;
}
