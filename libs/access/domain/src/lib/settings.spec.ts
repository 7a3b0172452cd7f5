import { DEFAULT_SETTINGS, resolveSettings, settingProblem } from './settings';

describe('settings', () => {
  it('have defaults and ranges', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      impactWindowWeeks: 8,
      regressionThresholdPercent: 25,
      noticeWeeklyCap: 3,
    });
    expect(settingProblem('impactWindowWeeks', 52)).toBeNull();
    expect(settingProblem('impactWindowWeeks', 53)).toBe(
      'impactWindowWeeks must be a whole number from 1 to 52',
    );
    expect(settingProblem('regressionThresholdPercent', 0)).toBe(
      'regressionThresholdPercent must be a whole number from 1 to 500',
    );
    expect(settingProblem('regressionThresholdPercent', 2.5)).not.toBeNull();
    expect(settingProblem('noticeWeeklyCap', 50)).toBeNull();
    expect(settingProblem('noticeWeeklyCap', 0)).toBe(
      'noticeWeeklyCap must be a whole number from 1 to 50',
    );
  });

  it('resolve stored values over the defaults, ignoring invalid and unknown ones', () => {
    expect(
      resolveSettings(
        new Map<string, unknown>([
          ['impactWindowWeeks', 12],
          ['regressionThresholdPercent', 'x'],
          ['other', 1],
        ]),
      ),
    ).toEqual({ impactWindowWeeks: 12, regressionThresholdPercent: 25, noticeWeeklyCap: 3 });
  });
});
