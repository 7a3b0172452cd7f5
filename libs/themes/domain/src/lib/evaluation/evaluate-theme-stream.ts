import { performance } from 'node:perf_hooks';
import { shuffleWithSeed } from '../random/seeded-random';
import { ThemeEngine } from '../engine/theme-engine';
import { ConsolidationReport, ThemeEngineOptions } from '../engine/theme-engine-types';
import { adjustedRandIndex } from './adjusted-rand-index';
import { matchedAccuracy } from './matched-accuracy';
import { normalizedMutualInformation } from './normalized-mutual-information';

/** A text with its reference label and its raw sentence embedding. */
export interface LabelledItem {
  readonly text: string;
  readonly label: string;
  readonly vector: ArrayLike<number>;
}

export interface StreamEvaluationOptions {
  /** Shuffles the rows before streaming them. */
  readonly seed: number;
  /**
   * Items between two consolidation passes (one more runs at the end); by default the engine's
   * own cadence, as the theming stage runs it with one item per batch.
   */
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
  /** Items through the engine per second (assignment and consolidation, embeddings given). */
  readonly itemsPerSecond: number;
}

/** Cluster name given to items set aside as noise when scoring. */
export const NOISE_CLUSTER = '__noise__';

/**
 * Follows one consolidation pass as the pipeline does: split themes' other members are re-homed
 * between the two parts, noise and absorbed items move. Merges are followed through lineage.
 */
function applyReport(
  engine: ThemeEngine,
  report: ConsolidationReport,
  placement: Map<string, string | undefined>,
  items: ReadonlyMap<string, LabelledItem>,
): void {
  for (const split of report.split) {
    for (const itemId of split.itemIds) placement.set(itemId, split.newThemeId);
    const members = [...placement]
      .filter(([, themeId]) => themeId !== undefined && engine.resolve(themeId) === split.themeId)
      .map(([id]) => ({ id, ...(items.get(id) as LabelledItem) }));
    for (const id of engine.rehomeMembers(split.themeId, split.newThemeId, members)) {
      placement.set(id, split.newThemeId);
    }
  }
  for (const move of report.movedItems) placement.set(move.itemId, move.to);
  for (const evicted of report.evicted) placement.set(evicted.itemId, undefined);
  for (const noised of report.noised) {
    for (const itemId of noised.itemIds) placement.set(itemId, undefined);
  }
  for (const absorbed of report.absorbed) placement.set(absorbed.itemId, absorbed.themeId);
}

/**
 * Streams labelled items one at a time through a {@link ThemeEngine} (shuffled by seed, with
 * consolidation passes as the theming stage runs them) and scores the
 * final themes against the labels: each item's theme is the one it was assigned to, followed
 * through consolidation and merge lineage; items whose theme ended as noise count as noise.
 */
export function evaluateThemeStream(
  rows: readonly LabelledItem[],
  options: StreamEvaluationOptions,
): StreamEvaluation & { engine: ThemeEngine } {
  const ordered = shuffleWithSeed(rows, options.seed);
  const engine = new ThemeEngine({ seed: options.seed, ...options.engineOptions });
  const every = options.consolidateEvery;
  const placement = new Map<string, string | undefined>();
  const items = new Map(ordered.map((row, index) => [`item-${index}`, row]));
  const started = performance.now();
  ordered.forEach((row, index) => {
    const id = `item-${index}`;
    placement.set(id, engine.assign({ id, text: row.text, vector: row.vector }).themeId);
    const due = every === undefined ? engine.consolidationDue : (index + 1) % every === 0;
    if (due) applyReport(engine, engine.consolidate(), placement, items);
  });
  applyReport(engine, engine.consolidate(), placement, items);
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
