import { QuantisedVector } from '../vectors/quantised-vector';

/** Lifecycle of a theme: live, set aside as noise, or merged into another theme. */
export type ThemeStatus = 'active' | 'noise' | 'merged';

/** Who last decided a theme's label. */
export type LabelSource = 'machine' | 'manual';

/** An item kept in a theme's bounded sample reservoir (for quotes, labels, splits and merges). */
export interface ThemeSample {
  readonly id: string;
  readonly text: string;
  /** The item's raw (uncentred) embedding. */
  readonly vector: QuantisedVector;
  /** Placed by a person: never moved by the machine and never evicted from the reservoir. */
  readonly manual: boolean;
}

/** Mutable internal state of one theme. Memory is bounded: one sum vector and a reservoir. */
export interface ThemeState {
  readonly id: string;
  status: ThemeStatus;
  /** Weighted sum of the members' raw embeddings (a person's placement weighs more). */
  sum: Float64Array;
  /** Sum of member weights. */
  weight: number;
  /** Unit direction of the mean embedding seen from the frame's origin (derived from `sum`). */
  centroid: Float32Array;
  /** Number of member items. */
  size: number;
  /** Items offered to the reservoir so far (Algorithm R). */
  seen: number;
  samples: ThemeSample[];
  /** Counts changes to `samples` (not saved): what was derived from them is valid for one value. */
  samplesRevision: number;
  label: string;
  labelSource: LabelSource;
  /** The theme's most distinctive phrases, best first (from the last labelling). */
  keyPhrases: string[];
  /** Stems of those phrases: what an item shares with the theme, for explanations. */
  keyStems: string[];
  pinned: boolean;
  /** Manually merged or confirmed: the machine does not split it. */
  keepWhole: boolean;
  /** Themes a person separated from this one: the machine never merges them back. */
  keepApartFrom: string[];
  /** Set aside as noise by a person: the machine does not revive its items. */
  manualNoise: boolean;
  mergedInto?: string;
  splitFrom?: string;
  /** Engine clock (items seen) at creation and at the last change. */
  createdAt: number;
  updatedAt: number;
}

/** Creates an empty active theme for embeddings of `dimensions`. */
export function createThemeState(id: string, at: number, dimensions: number): ThemeState {
  return {
    id,
    status: 'active',
    sum: new Float64Array(dimensions),
    weight: 0,
    centroid: new Float32Array(dimensions),
    size: 0,
    seen: 0,
    samples: [],
    samplesRevision: 0,
    label: '',
    labelSource: 'machine',
    keyPhrases: [],
    keyStems: [],
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

/** True when a person asked to keep the two themes apart. */
export function keptApart(a: ThemeState, b: ThemeState): boolean {
  return a.keepApartFrom.includes(b.id) || b.keepApartFrom.includes(a.id);
}
