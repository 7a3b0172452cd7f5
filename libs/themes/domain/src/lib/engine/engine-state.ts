import { QuantisedVector } from '../vectors/quantised-vector';
import { BackgroundSimilarityState } from './background-similarity';
import { EmbeddingFrameState } from './embedding-frame';
import { ThemeEngineOptions } from './theme-engine-types';
import { LabelSource, ThemeStatus } from './theme-state';

/** The engine's state that is not per theme: small, saved whole. */
export interface EngineGlobalState {
  readonly version: 2;
  readonly options: ThemeEngineOptions;
  readonly itemCount: number;
  /** The engine clock at the last consolidation pass. */
  readonly consolidatedAt: number;
  readonly nextThemeNumber: number;
  readonly randomState: number;
  readonly frame: EmbeddingFrameState;
  readonly background: BackgroundSimilarityState;
}

/** One theme as stored. Samples are referenced by item id; their text and vector come with them. */
export interface ThemeRecord {
  readonly id: string;
  readonly status: ThemeStatus;
  /** Weighted sum of the members' raw embeddings. */
  readonly sum: Float32Array;
  readonly weight: number;
  readonly size: number;
  readonly seen: number;
  readonly samples: ReadonlyArray<{ readonly id: string; readonly manual: boolean }>;
  readonly label: string;
  readonly labelSource: LabelSource;
  readonly keyPhrases: readonly string[];
  readonly keyStems: readonly string[];
  /** Phrase keys of its samples, for distinctive labels across themes. */
  readonly phraseKeys: readonly string[];
  readonly pinned: boolean;
  readonly keepWhole: boolean;
  readonly keepApartFrom: readonly string[];
  readonly manualNoise: boolean;
  readonly mergedInto?: string;
  readonly splitFrom?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** An item of the noise pool, as stored. */
export interface NoiseRecord {
  readonly id: string;
  readonly manual: boolean;
}

/** Text and raw embedding of an item a theme sample or the noise pool refers to. */
export interface StoredItem {
  readonly text: string;
  readonly vector: QuantisedVector;
}

/**
 * A change set: the global state, the themes that changed, and what entered and left the noise
 * pool. {@link ThemeEngine.takeChanges} produces one; {@link ThemeEngine.load} applies one (a
 * full export is a change set from nothing).
 */
export interface EngineChanges {
  readonly global: EngineGlobalState;
  readonly themes: readonly ThemeRecord[];
  readonly noiseAdded: readonly NoiseRecord[];
  readonly noiseRemoved: readonly string[];
}
