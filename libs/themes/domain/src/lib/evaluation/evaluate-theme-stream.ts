import { performance } from 'node:perf_hooks';
import { shuffleWithSeed } from '../random/seeded-random';
import { ThemeEngine } from '../engine/theme-engine';
import { ConsolidationReport, ThemeEngineOptions } from '../engine/theme-engine-types';
import { adjustedRandIndex } from './adjusted-rand-index';
import { matchedAccuracy } from './matched-accuracy';
import { normalizedMutualInformation } from './normalized-mutual-information';

/** A text with its reference label. */
export interface LabelledText {
  readonly text: string;
  readonly label: string;
}

export interface StreamEvaluationOptions {
  /** Shuffles the rows before streaming them. */
  readonly seed: number;
  /** Items between two consolidation passes (one more runs at the end). */
  readonly consolidateEvery?: number;
  readonly engineOptions?: Partial<ThemeEngineOptions>;
}

/** Quality and speed of one streaming run. Noise items count as one extra cluster. */
export interface StreamEvaluation {
  readonly nmi: number;
  readonly ari: number;
  readonly accuracy: number;
  readonly themes: number;
  readonly coverage: number;
  readonly items: number;
  readonly itemsPerSecond: number;
}

/** Cluster name given to items set aside as noise when scoring. */
export const NOISE_CLUSTER = '__noise__';

/** Default items between consolidation passes. */
export const DEFAULT_CONSOLIDATE_EVERY = 500;

function applyReport(
  report: ConsolidationReport,
  placement: Map<string, string | undefined>,
): void {
  for (const move of report.movedItems) placement.set(move.itemId, move.to);
  for (const split of report.split) {
    for (const itemId of split.itemIds) placement.set(itemId, split.newThemeId);
  }
  for (const absorbed of report.absorbed) placement.set(absorbed.itemId, absorbed.themeId);
}

/**
 * Streams labelled texts one at a time through a {@link ThemeEngine} (shuffled by seed, with
 * periodic consolidation as a pipeline would run it) and scores the final themes against the
 * labels: each item's theme is the one it was assigned to, followed through consolidation moves
 * and merge lineage; items whose theme ended as noise count as noise.
 */
export function evaluateThemeStream(
  rows: readonly LabelledText[],
  options: StreamEvaluationOptions,
): StreamEvaluation & { engine: ThemeEngine } {
  const ordered = shuffleWithSeed(rows, options.seed);
  const engine = new ThemeEngine({ seed: options.seed, ...options.engineOptions });
  const every = options.consolidateEvery ?? DEFAULT_CONSOLIDATE_EVERY;
  const placement = new Map<string, string | undefined>();
  const started = performance.now();
  ordered.forEach((row, index) => {
    const itemId = `item-${index}`;
    placement.set(itemId, engine.assign({ id: itemId, text: row.text }).themeId);
    if ((index + 1) % every === 0) applyReport(engine.consolidate(), placement);
  });
  applyReport(engine.consolidate(), placement);
  const seconds = (performance.now() - started) / 1000;
  const clusters = ordered.map((_, index) => {
    const themeId = placement.get(`item-${index}`);
    if (themeId === undefined) return NOISE_CLUSTER;
    const resolved = engine.resolve(themeId);
    return engine.theme(resolved)?.status === 'active' ? resolved : NOISE_CLUSTER;
  });
  const labels = ordered.map((row) => row.label);
  const covered = clusters.filter((cluster) => cluster !== NOISE_CLUSTER).length;
  return {
    nmi: normalizedMutualInformation(clusters, labels),
    ari: adjustedRandIndex(clusters, labels),
    accuracy: matchedAccuracy(clusters, labels, new Set([NOISE_CLUSTER])),
    themes: engine.themes().length,
    coverage: ordered.length === 0 ? 0 : covered / ordered.length,
    items: ordered.length,
    itemsPerSecond: seconds === 0 ? 0 : ordered.length / seconds,
    engine,
  };
}
