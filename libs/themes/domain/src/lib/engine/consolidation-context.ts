import { SeededRandom } from '../random/seeded-random';
import { QuantisedVector } from '../vectors/quantised-vector';
import { NoisePool } from './noise-pool';
import { SampleProfile } from './sample-profile';
import { ThemeEngineOptions } from './theme-engine-types';
import { ThemeSample, ThemeState } from './theme-state';
import { ThemeStore } from './theme-store';

/** What the consolidation steps share with the engine. */
export interface ConsolidationContext {
  readonly store: ThemeStore;
  readonly options: ThemeEngineOptions;
  readonly random: SeededRandom;
  /** Items seen so far (the engine's clock). */
  readonly itemCount: number;
  /** Whether the space is still in its first items (see ThemeEngine.consolidationDue). */
  readonly young: boolean;
  /** The join threshold in force for this pass. */
  readonly threshold: number;
  readonly noise: NoisePool;
  /** The centred unit vector of a stored raw embedding (memoised for the pass). */
  centred(vector: QuantisedVector): Float32Array;
  /** A theme's samples seen from the current origin (cached while neither changes). */
  profile(theme: ThemeState): SampleProfile;
  /** Cosine of a sample to its theme's centroid as it would be without it (leave-one-out). */
  similarityWithout(theme: ThemeState, sample: ThemeSample): number;
  /** Whether a centred item is as alike a theme's members as they are to one another. */
  fitsMembers(centred: Float32Array, theme: ThemeState): boolean;
  /** Adds an item to a theme: its sum, size and reservoir. */
  join(theme: ThemeState, sample: ThemeSample): void;
  /** Takes a sampled item out of a theme: its sum, size and reservoir. */
  leave(theme: ThemeState, itemId: string): ThemeSample | undefined;
  /** Opens a new, empty theme. */
  createTheme(): ThemeState;
}
