import { SparseVector } from '../representation/sparse-vector';
import { SeededRandom } from '../random/seeded-random';
import { NoiseItem } from './noise-item';
import { ThemeEngineOptions } from './theme-engine-types';
import { ThemeState } from './theme-state';
import { ThemeStore } from './theme-store';

/** What the consolidation steps share. */
export interface ConsolidationContext {
  readonly store: ThemeStore;
  readonly options: ThemeEngineOptions;
  readonly random: SeededRandom;
  /** Items seen so far (the engine's clock). */
  readonly itemCount: number;
  /** Current adaptive join threshold. */
  readonly threshold: number;
  readonly noise: NoiseItem[];
  /** Vectorises a text with current statistics, without learning from it (memoised). */
  readonly vectorOf: (text: string) => SparseVector;
}

/** Mean similarity of the lighter theme's members to the heavier theme's centroid. */
export function mergeScore(store: ThemeStore, a: ThemeState, b: ThemeState): number {
  const [light, heavy] = a.weight <= b.weight ? [a, b] : [b, a];
  if (light.weight === 0 || heavy.centroidNorm === 0) return 0;
  let dot = 0;
  for (const [term, value] of light.centroid) dot += value * (heavy.centroid.get(term) ?? 0);
  return dot / (light.weight * heavy.centroidNorm);
}

/** True when a person asked to keep the two themes apart. */
export function keptApart(a: ThemeState, b: ThemeState): boolean {
  return a.keepApartFrom.includes(b.id) || b.keepApartFrom.includes(a.id);
}
