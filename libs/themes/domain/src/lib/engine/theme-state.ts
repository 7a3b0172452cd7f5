import { SparseVector } from '../representation/sparse-vector';

/** Lifecycle of a theme: live, set aside as noise, or merged into another theme. */
export type ThemeStatus = 'active' | 'noise' | 'merged';

/** Who last decided a theme's label. */
export type LabelSource = 'machine' | 'manual';

/** An item kept in a theme's bounded sample reservoir (for quotes, splits and re-seating). */
export interface ThemeSample {
  readonly id: string;
  readonly text: string;
  /** Placed by a person: never moved by the machine and never evicted from the reservoir. */
  readonly manual: boolean;
}

/** Mutable internal state of one theme. Memory is bounded: capped centroid and reservoir. */
export interface ThemeState {
  readonly id: string;
  status: ThemeStatus;
  /** Weighted sum of member vectors, truncated to the heaviest terms. */
  centroid: SparseVector;
  centroidNorm: number;
  /** Sum of member weights (manual placements weigh more). */
  weight: number;
  /** Number of member items. */
  size: number;
  /** Items offered to the reservoir so far (Algorithm R). */
  seen: number;
  samples: ThemeSample[];
  label: string;
  labelSource: LabelSource;
  pinned: boolean;
  /** Manually merged or confirmed: the machine does not split it. */
  keepWhole: boolean;
  /** Themes a person separated from this one: the machine never merges them back. */
  keepApartFrom: string[];
  /** Set aside as noise by a person: the machine does not revive its items. */
  manualNoise: boolean;
  mergedInto?: string;
  splitFrom?: string;
  createdAt: number;
  updatedAt: number;
}

/** Creates an empty active theme. */
export function createThemeState(id: string, at: number): ThemeState {
  return {
    id,
    status: 'active',
    centroid: new Map(),
    centroidNorm: 0,
    weight: 0,
    size: 0,
    seen: 0,
    samples: [],
    label: '',
    labelSource: 'machine',
    pinned: false,
    keepWhole: false,
    keepApartFrom: [],
    manualNoise: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** True when the machine may change this theme (not pinned, still live). */
export function isMachineEditable(theme: ThemeState): boolean {
  return theme.status === 'active' && !theme.pinned;
}
