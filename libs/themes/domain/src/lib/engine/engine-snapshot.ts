import { AdaptiveThresholdSnapshot } from './adaptive-threshold';
import { NoiseItem } from './noise-item';
import { TermStatisticsSnapshot } from '../representation/term-statistics';
import { ThemeEngineOptions } from './theme-engine-types';
import { ThemeSample, ThemeStatus, LabelSource } from './theme-state';

/** Plain-JSON form of one theme. */
export interface ThemeSnapshot {
  readonly id: string;
  readonly status: ThemeStatus;
  readonly centroid: Array<[string, number]>;
  readonly weight: number;
  readonly size: number;
  readonly seen: number;
  readonly samples: ThemeSample[];
  readonly label: string;
  readonly labelSource: LabelSource;
  readonly pinned: boolean;
  readonly keepWhole: boolean;
  readonly keepApartFrom: string[];
  readonly manualNoise: boolean;
  readonly mergedInto?: string;
  readonly splitFrom?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Everything needed to resume an engine: plain JSON, safe to persist. */
export interface ThemeEngineSnapshot {
  readonly version: 1;
  readonly options: ThemeEngineOptions;
  readonly itemCount: number;
  readonly nextThemeNumber: number;
  readonly randomState: number;
  readonly terms: TermStatisticsSnapshot;
  readonly threshold: AdaptiveThresholdSnapshot;
  readonly themes: ThemeSnapshot[];
  readonly noise: NoiseItem[];
}
