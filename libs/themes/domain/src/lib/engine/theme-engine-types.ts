/** One incoming text. Texts are expected to be redacted already. */
export interface FeedbackText {
  readonly id: string;
  readonly text: string;
}

/** Why an item landed where it did. */
export interface AssignmentReason {
  readonly kind: 'matched-theme' | 'created-theme' | 'no-content';
  /** Terms (stems and bigrams) the item shares with the theme, heaviest first. */
  readonly sharedTerms: string[];
  readonly similarity: number;
  /** The adaptive join threshold in force for this item. */
  readonly threshold: number;
}

/** Result of assigning one item. `themeId` is undefined when the item went to noise. */
export interface Assignment {
  readonly itemId: string;
  readonly themeId: string | undefined;
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
  readonly topTerms: string[];
  readonly mergedInto?: string;
  readonly splitFrom?: string;
}

/** A representative quote. */
export interface ThemeQuote {
  readonly id: string;
  readonly text: string;
}

/** Everything one consolidation pass changed. */
export interface ConsolidationReport {
  readonly merged: Array<{ from: string; into: string; similarity: number }>;
  readonly split: Array<{ themeId: string; newThemeId: string; itemIds: string[] }>;
  readonly movedItems: Array<{ itemId: string; from: string; to: string }>;
  readonly noised: Array<{ themeId: string; itemIds: string[] }>;
  readonly absorbed: Array<{ itemId: string; themeId: string }>;
  readonly relabelled: Array<{ themeId: string; before: string; after: string }>;
  readonly threshold: number;
}

/** Tuning knobs. Defaults are structural (memory bounds), not fitted to a data set. */
export interface ThemeEngineOptions {
  /** Terms kept per theme centroid. */
  readonly maxCentroidTerms: number;
  /** Themes kept per term in the inverted index. */
  readonly postingLimit: number;
  /** Index candidates scored exactly per item. */
  readonly candidateLimit: number;
  /** Items kept per theme for quotes, splits and re-seating. */
  readonly sampleCapacity: number;
  /** Terms whose document frequency is tracked. */
  readonly maxVocabulary: number;
  /** A theme needs this many items to survive once it is old enough. */
  readonly minThemeSize: number;
  /** Items kept in the noise pool (oldest dropped first). */
  readonly noiseCapacity: number;
  /** How much a person's placement of an item weighs in the centroid, vs 1 for the machine. */
  readonly manualWeight: number;
  readonly seed: number;
  /** Theme ids are this prefix and a number (e.g. one prefix per theme space). */
  readonly themeIdPrefix: string;
  /** Overrides the adaptive join threshold (experiments and diagnostics only). */
  readonly fixedThreshold?: number;
}

export const DEFAULT_THEME_ENGINE_OPTIONS: ThemeEngineOptions = {
  maxCentroidTerms: 64,
  postingLimit: 64,
  candidateLimit: 16,
  sampleCapacity: 48,
  maxVocabulary: 100_000,
  minThemeSize: 3,
  noiseCapacity: 5_000,
  manualWeight: 3,
  seed: 1,
  themeIdPrefix: 'theme-',
};
