/** One incoming item: its (redacted) text and its raw sentence embedding. */
export interface ThemeItem {
  readonly id: string;
  readonly text: string;
  readonly vector: ArrayLike<number>;
}

/** Why an item landed where it did. */
export interface AssignmentReason {
  readonly kind: 'matched-theme' | 'created-theme';
  /** Words of the item among the key phrases of that theme (joined, or nearest), in text order. */
  readonly sharedTerms: string[];
  /**
   * Cosine (centred embeddings) between the item and the theme it joined, or, when it opened a
   * theme, the nearest existing theme, which was not close enough.
   */
  readonly similarity: number;
  /** The similarity an item needed to join an existing theme at that moment. */
  readonly threshold: number;
  /** For a new theme: the closest existing theme it was not close enough to. */
  readonly nearestThemeId?: string;
}

/** Result of assigning one item. */
export interface Assignment {
  readonly itemId: string;
  readonly themeId: string;
  readonly similarity: number;
  readonly created: boolean;
  readonly reason: AssignmentReason;
}

/** Read-only view of a theme. */
export interface ThemeView {
  readonly id: string;
  readonly label: string;
  readonly labelSource: 'machine' | 'manual';
  readonly status: 'active' | 'noise' | 'merged';
  readonly size: number;
  readonly pinned: boolean;
  /** The theme's most distinctive phrases, best first. */
  readonly keyPhrases: string[];
  readonly mergedInto?: string;
  readonly splitFrom?: string;
}

/** A representative quote. */
export interface ThemeQuote {
  readonly id: string;
  readonly text: string;
  /** Cosine to the theme's centroid. */
  readonly similarity: number;
}

/** Everything one consolidation pass changed. */
export interface ConsolidationReport {
  readonly merged: Array<{ from: string; into: string; similarity: number }>;
  /**
   * Themes split in two. `itemIds` are the sampled items that moved; other members of `themeId`
   * should be re-homed between the two with {@link ThemeEngine.closerOf}.
   */
  readonly split: Array<{ themeId: string; newThemeId: string; itemIds: string[] }>;
  /** Outliers re-seated into a theme they fit. */
  readonly movedItems: Array<{ itemId: string; from: string; to: string }>;
  /** Outliers that fit no theme, now in the noise pool. */
  readonly evicted: Array<{ itemId: string; from: string }>;
  readonly noised: Array<{ themeId: string; itemIds: string[] }>;
  readonly absorbed: Array<{ itemId: string; themeId: string }>;
  readonly relabelled: Array<{ themeId: string; before: string; after: string }>;
  readonly threshold: number;
}

/** Tuning knobs. Defaults are structural (memory bounds, significance), not fitted to a data set. */
export interface ThemeEngineOptions {
  /** Items kept per theme for quotes, labels, splits and merges. */
  readonly sampleCapacity: number;
  /** A theme needs this many items to survive once it is old enough. */
  readonly minThemeSize: number;
  /** Items kept in the noise pool (oldest dropped first). */
  readonly noiseCapacity: number;
  /** Older noise items re-examined per consolidation pass (items new to the pool always are). */
  readonly noiseReviewPerPass: number;
  /** How much a person's placement of an item weighs in the centroid, vs 1 for the machine. */
  readonly manualWeight: number;
  /**
   * Chance that an item joins a theme it does not belong to, all live themes considered: sets how
   * far above the background similarity an item's best match must stand (a significance level).
   */
  readonly joinSignificance: number;
  /** Observations after which the background similarity forgets old ones (1/e). */
  readonly backgroundWindow: number;
  /** Random other themes an item is compared with to learn the background. */
  readonly backgroundSamples: number;
  /** Up to this many themes, every centroid is scored; beyond, an inverted-file index. */
  readonly exhaustiveLimit: number;
  /** Closest themes checked as merge partners of a theme that changed. */
  readonly mergeCandidates: number;
  /**
   * Two themes merge when members across them are at least this alike, relative to how alike
   * members within each are (1: indistinguishable topics). A ratio, so it holds at any scale.
   */
  readonly mergeAffinity: number;
  readonly seed: number;
  /** Theme ids are this prefix and a number (e.g. one prefix per theme space). */
  readonly themeIdPrefix: string;
  /**
   * Where to centre embeddings before the stream has its own mean: the encoder's mean embedding
   * of a reference corpus (see the encoder library), weighing `priorOriginWeight` items.
   */
  readonly priorOrigin?: readonly number[];
  readonly priorOriginWeight: number;
  /** Overrides the adaptive join threshold (experiments and diagnostics only). */
  readonly fixedThreshold?: number;
}

export const DEFAULT_THEME_ENGINE_OPTIONS: ThemeEngineOptions = {
  sampleCapacity: 32,
  minThemeSize: 3,
  noiseCapacity: 5_000,
  noiseReviewPerPass: 100,
  manualWeight: 3,
  joinSignificance: 0.01,
  backgroundWindow: 2_000,
  backgroundSamples: 4,
  exhaustiveLimit: 200,
  mergeCandidates: 4,
  mergeAffinity: 0.7,
  seed: 1,
  themeIdPrefix: 'theme-',
  priorOriginWeight: 32,
};
