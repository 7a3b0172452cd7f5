import { dotProduct, normaliseVector } from '../representation/sparse-vector';
import { ConsolidationContext, keptApart, mergeScore } from './consolidation-context';
import { proposeSplit } from './propose-split';
import { offerSample, removeSample } from './theme-sample-reservoir';
import { ConsolidationReport } from './theme-engine-types';
import { ThemeState, isMachineEditable } from './theme-state';

type MutableReport = { -readonly [K in keyof ConsolidationReport]: ConsolidationReport[K] };

/** Moves one machine-placed sample between themes, keeping centroids consistent. */
function moveSample(
  context: ConsolidationContext,
  from: ThemeState,
  to: ThemeState,
  itemId: string,
): void {
  const sample = removeSample(from, itemId);
  if (!sample) return;
  const vector = context.vectorOf(sample.text);
  context.store.addVector(from, vector, -1);
  from.size = Math.max(0, from.size - 1);
  from.seen = Math.max(from.samples.length, from.seen - 1);
  context.store.addVector(to, vector, 1);
  to.size++;
  to.updatedAt = context.itemCount;
  offerSample(to, sample, context.options.sampleCapacity, context.random);
}

/** Retires a theme that lost all its members into the theme that took most of them. */
function retireIfEmpty(context: ConsolidationContext, theme: ThemeState, heir: ThemeState): void {
  if (theme.size > 0 || theme.samples.length > 0) return;
  theme.status = 'merged';
  theme.mergedInto = heir.id;
  context.store.reindex(theme);
}

/**
 * Re-seats sampled items whose best theme is no longer their own (one k-means step over the
 * bounded samples). Own similarity is measured leave-one-out so an item does not vote for
 * itself; a move needs the new theme to clear the join threshold.
 */
export function reseatSamples(context: ConsolidationContext, report: MutableReport): void {
  const { store } = context;
  for (const theme of store.active()) {
    if (!isMachineEditable(theme)) continue;
    for (const sample of [...theme.samples]) {
      if (sample.manual || theme.status !== 'active') continue;
      const vector = context.vectorOf(sample.text);
      const dot = dotProduct(vector, theme.centroid);
      const restNormSquared = theme.centroidNorm ** 2 - 2 * dot + 1;
      const own =
        theme.size <= 1 || restNormSquared <= 1e-9 ? 0 : (dot - 1) / Math.sqrt(restNormSquared);
      const [best] = store.bestMatches(vector, {
        exclude: (other) => other.id === theme.id || other.pinned,
        limit: 1,
      });
      if (!best || best.similarity <= own || best.similarity < context.threshold) continue;
      moveSample(context, theme, best.theme, sample.id);
      report.movedItems.push({ itemId: sample.id, from: theme.id, to: best.theme.id });
      retireIfEmpty(context, theme, best.theme);
    }
  }
}

/** Folds `source` into `target` and records the lineage. */
export function mergeInto(
  context: ConsolidationContext,
  source: ThemeState,
  target: ThemeState,
): void {
  context.store.addCentroid(target, source);
  target.size += source.size;
  target.updatedAt = Math.max(target.updatedAt, source.updatedAt);
  for (const sample of source.samples) {
    offerSample(target, sample, context.options.sampleCapacity, context.random);
  }
  target.keepApartFrom = [...new Set([...target.keepApartFrom, ...source.keepApartFrom])];
  source.status = 'merged';
  source.mergedInto = target.id;
  source.samples = [];
  context.store.reindex(source);
}

/**
 * Merges near-duplicate themes: two themes merge when the lighter one's members are, on
 * average, as close to the heavier centroid as the join threshold requires of a new item.
 * The heavier (usually older) theme keeps its id.
 */
export function mergeNearDuplicates(context: ConsolidationContext, report: MutableReport): void {
  const { store } = context;
  const ordered = store.active().sort((a, b) => b.weight - a.weight);
  for (const theme of ordered) {
    if (!isMachineEditable(theme)) continue;
    const probe = normaliseVector(theme.centroid);
    const candidates = store.bestMatches(probe, {
      exclude: (other) =>
        other.id === theme.id || !isMachineEditable(other) || keptApart(theme, other),
    });
    for (const { theme: other } of candidates) {
      if (theme.status !== 'active' || other.status !== 'active') continue;
      const score = mergeScore(store, theme, other);
      if (score < context.threshold) continue;
      const [source, target] = theme.weight <= other.weight ? [theme, other] : [other, theme];
      mergeInto(context, source, target);
      report.merged.push({ from: source.id, into: target.id, similarity: score });
    }
  }
}

/**
 * Splits incoherent themes: when members are on average below the join threshold to their own
 * centroid, a 2-means proposal is accepted if both parts are viable themes and the parts would
 * not pass the merge test (so the next pass does not undo the split).
 */
export function splitIncoherent(context: ConsolidationContext, report: MutableReport): void {
  const { store, options } = context;
  for (const theme of store.active()) {
    if (!isMachineEditable(theme) || theme.keepWhole) continue;
    const machineSamples = theme.samples.filter((sample) => !sample.manual);
    if (machineSamples.length < 2 * options.minThemeSize) continue;
    const vectors = machineSamples.map((sample) => ({
      id: sample.id,
      vector: context.vectorOf(sample.text),
    }));
    const coherence =
      vectors.reduce((sum, { vector }) => sum + store.similarity(vector, theme), 0) /
      vectors.length;
    if (coherence >= context.threshold) continue;
    const proposal = proposeSplit(vectors);
    if (!proposal) continue;
    const [first, second] = proposal.groups;
    if (Math.min(first.length, second.length) < options.minThemeSize) continue;
    const moving = first.length < second.length ? first : second;
    const stayingCentroid = normaliseVector(proposal.centroids[moving === first ? 1 : 0]);
    const movingVectors = vectors.filter((entry) => moving.includes(entry.id));
    const crossScore =
      movingVectors.reduce((sum, entry) => sum + dotProduct(entry.vector, stayingCentroid), 0) /
      movingVectors.length;
    if (crossScore >= context.threshold) continue;
    const created = store.create(context.itemCount);
    created.splitFrom = theme.id;
    for (const itemId of moving) moveSample(context, theme, created, itemId);
    report.split.push({ themeId: theme.id, newThemeId: created.id, itemIds: [...moving] });
  }
}

/** Adds items to the bounded noise pool, dropping the oldest beyond capacity. */
export function addToNoise(
  context: ConsolidationContext,
  items: ReadonlyArray<{ id: string; text: string; manual: boolean }>,
): void {
  context.noise.push(...items);
  const overflow = context.noise.length - context.options.noiseCapacity;
  if (overflow > 0) context.noise.splice(0, overflow);
}

/**
 * Sets aside themes that stayed tiny: a theme is old enough to judge once an average theme
 * would have received `minThemeSize` items in the same time (age >= minThemeSize x live themes).
 */
export function setAsideNoise(context: ConsolidationContext, report: MutableReport): void {
  const { store, options } = context;
  const live = store.active();
  const matureAge = options.minThemeSize * live.length;
  for (const theme of live) {
    if (!isMachineEditable(theme) || theme.size >= options.minThemeSize) continue;
    if (theme.labelSource === 'manual' || theme.keepWhole) continue;
    if (context.itemCount - theme.createdAt < matureAge) continue;
    const items = theme.samples.map((sample) => ({
      id: sample.id,
      text: sample.text,
      manual: false,
    }));
    theme.status = 'noise';
    store.reindex(theme);
    addToNoise(context, items);
    report.noised.push({ themeId: theme.id, itemIds: items.map((item) => item.id) });
  }
}

/** Gives noise items back to a theme they now clearly belong to. */
export function absorbNoise(context: ConsolidationContext, report: MutableReport): void {
  const { store } = context;
  const remaining = [];
  for (const item of context.noise) {
    if (item.manual) {
      remaining.push(item);
      continue;
    }
    const vector = context.vectorOf(item.text);
    const [best] = store.bestMatches(vector, { exclude: (theme) => theme.pinned, limit: 1 });
    if (!best || best.similarity < context.threshold) {
      remaining.push(item);
      continue;
    }
    store.addVector(best.theme, vector, 1);
    best.theme.size++;
    best.theme.updatedAt = context.itemCount;
    offerSample(
      best.theme,
      { id: item.id, text: item.text, manual: false },
      context.options.sampleCapacity,
      context.random,
    );
    report.absorbed.push({ itemId: item.id, themeId: best.theme.id });
  }
  context.noise.splice(0, context.noise.length, ...remaining);
}

/** Runs every consolidation step in order and returns what changed (labels excepted). */
export function consolidateThemes(context: ConsolidationContext): MutableReport {
  const report: MutableReport = {
    merged: [],
    split: [],
    movedItems: [],
    noised: [],
    absorbed: [],
    relabelled: [],
    threshold: context.threshold,
  };
  reseatSamples(context, report);
  mergeNearDuplicates(context, report);
  splitIncoherent(context, report);
  setAsideNoise(context, report);
  absorbNoise(context, report);
  return report;
}
