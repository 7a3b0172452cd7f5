import { dot } from '../vectors/dense-vector';
import { ConsolidationContext } from './consolidation-context';
import { proposeSplit } from './propose-split';
import { SampleProfile } from './sample-profile';
import { offerSample } from './theme-sample-reservoir';
import { ConsolidationReport } from './theme-engine-types';
import { ThemeState, isMachineEditable, keptApart } from './theme-state';

export type MutableReport = { -readonly [K in keyof ConsolidationReport]: ConsolidationReport[K] };

/** Mean cosine of a theme's sampled members to another theme's centroid. */
export function meanSampleSimilarity(
  context: ConsolidationContext,
  members: ThemeState,
  to: ThemeState,
): number {
  if (members.samples.length === 0) return 0;
  let sum = 0;
  for (const sample of members.samples) sum += dot(context.centred(sample.vector), to.centroid);
  return sum / members.samples.length;
}

/** Folds `source` into `target` and records the lineage. */
export function mergeInto(
  context: ConsolidationContext,
  source: ThemeState,
  target: ThemeState,
): void {
  const { store, options, random } = context;
  store.addSum(target, source);
  target.size += source.size;
  target.updatedAt = Math.max(target.updatedAt, source.updatedAt, context.itemCount);
  for (const sample of source.samples) offerSample(target, sample, options.sampleCapacity, random);
  target.keepApartFrom = [...new Set([...target.keepApartFrom, ...source.keepApartFrom])].filter(
    (id) => id !== target.id,
  );
  source.mergedInto = target.id;
  source.samples = [];
  source.samplesRevision++;
  store.retire(source, 'merged');
}

/**
 * How alike two themes are, on the scale of their own coherence: the mean cosine between a
 * member of one and a member of the other, divided by the geometric mean of the two themes' own
 * mean pairwise cosines. About 1 when both are draws from one topic, lower when they are
 * neighbouring topics; unbiased by theme size, since no member is compared with itself.
 */
export function themeAffinity(a: SampleProfile, b: SampleProfile, typicalCohesion: number): number {
  if (a.count === 0 || b.count === 0) return 0;
  const cross = dot(a.sum, b.sum) / (a.count * b.count);
  const own = Math.sqrt(
    Math.max(1e-9, a.cohesion ?? typicalCohesion) * Math.max(1e-9, b.cohesion ?? typicalCohesion),
  );
  return cross / own;
}

/**
 * Merges near-duplicate themes: two close themes merge when their members are as alike across
 * the two as within each ({@link themeAffinity} at least `mergeAffinity`). Only themes that
 * changed since the last pass are examined, each against its closest few themes. The heavier
 * theme keeps its id.
 */
export function mergeNearDuplicates(
  context: ConsolidationContext,
  changed: readonly ThemeState[],
  report: MutableReport,
): void {
  const { store, options } = context;
  const profile = (theme: ThemeState): SampleProfile => context.profile(theme);
  const known = changed.map(profile).filter((p) => p.cohesion !== undefined);
  const typicalCohesion =
    known.length === 0
      ? context.threshold
      : known.reduce((s, p) => s + (p.cohesion as number), 0) / known.length;
  const ordered = [...changed].sort((a, b) => b.weight - a.weight);
  for (const theme of ordered) {
    if (!isMachineEditable(theme)) continue;
    // Near duplicates share an index cell: one probe is enough, and keeps the pass cheap.
    const candidates = store.nearest(
      theme.centroid,
      options.mergeCandidates,
      (other) => other.id === theme.id || !isMachineEditable(other) || keptApart(theme, other),
      1,
    );
    for (const { theme: other } of candidates) {
      if (theme.status !== 'active' || other.status !== 'active') continue;
      const affinity = themeAffinity(profile(theme), profile(other), typicalCohesion);
      if (affinity < options.mergeAffinity) continue;
      const [light, heavy] = theme.weight <= other.weight ? [theme, other] : [other, theme];
      // Items a person put in a theme keep it: the machine does not merge it away.
      if (light.samples.some((sample) => sample.manual)) continue;
      mergeInto(context, light, heavy);
      report.merged.push({ from: light.id, into: heavy.id, similarity: affinity });
    }
  }
}

/**
 * Re-seats outliers: a machine-placed sample that, judged against the rest of its theme (leave
 * one out), would not have joined it now moves to the theme it clearly fits; in a young space,
 * one that fits nowhere goes to the noise pool (from which a later theme may absorb it). Early in a stream, an item can join whatever theme was nearest at the time and then
 * draw its own topic after it; this undoes that once the topic has a theme.
 */
export function reseatOutliers(
  context: ConsolidationContext,
  changed: readonly ThemeState[],
  report: MutableReport,
): void {
  const { store, options } = context;
  if (!context.young) return;
  for (const theme of changed) {
    if (!isMachineEditable(theme) || theme.samples.length < options.minThemeSize) continue;
    for (const sample of [...theme.samples]) {
      if (sample.manual || theme.status !== 'active') continue;
      const centred = context.centred(sample.vector);
      if (context.similarityWithout(theme, sample) >= context.threshold) continue;
      const [best] = store.nearest(centred, 1, (other) => other.id === theme.id || other.pinned);
      const fits =
        best !== undefined &&
        best.similarity >= context.threshold &&
        context.fitsMembers(centred, best.theme);
      const moved = context.leave(theme, sample.id);
      if (!moved) continue;
      if (fits) {
        context.join(best.theme, moved);
        report.movedItems.push({ itemId: sample.id, from: theme.id, to: best.theme.id });
      } else {
        context.noise.add({ ...moved, manual: false });
        report.evicted.push({ itemId: sample.id, from: theme.id });
      }
    }
  }
}

/**
 * Splits incoherent themes: when a theme's sampled members are on average below the join
 * threshold to its own centroid, a 2-means proposal is accepted if both parts are viable themes
 * and the moving part would not pass the merge test against the rest (so the next pass does
 * not undo the split). The larger part keeps the id.
 */
export function splitIncoherent(
  context: ConsolidationContext,
  changed: readonly ThemeState[],
  report: MutableReport,
): void {
  const { options } = context;
  for (const theme of changed) {
    if (!isMachineEditable(theme) || theme.keepWhole) continue;
    const machineSamples = theme.samples.filter((sample) => !sample.manual);
    if (machineSamples.length < 2 * options.minThemeSize) continue;
    const profile = context.profile(theme);
    if (dot(profile.sum, theme.centroid) / profile.count >= context.threshold) continue;
    const vectors = machineSamples.map((sample) => ({
      id: sample.id,
      vector: context.centred(sample.vector),
    }));
    const proposal = proposeSplit(vectors);
    if (!proposal) continue;
    const [first, second] = proposal.groups;
    if (Math.min(first.length, second.length) < options.minThemeSize) continue;
    const movingIndex = first.length < second.length ? 0 : 1;
    const moving = proposal.groups[movingIndex];
    const staying = proposal.centroids[1 - movingIndex];
    const cross =
      vectors
        .filter((entry) => moving.includes(entry.id))
        .reduce((sum, entry) => sum + dot(entry.vector, staying), 0) / moving.length;
    if (cross >= context.threshold) continue;
    const created = context.createTheme();
    created.splitFrom = theme.id;
    for (const itemId of moving) {
      const sample = context.leave(theme, itemId);
      if (sample) context.join(created, sample);
    }
    report.split.push({ themeId: theme.id, newThemeId: created.id, itemIds: [...moving] });
  }
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
    if (theme.samples.some((sample) => sample.manual)) continue;
    if (context.itemCount - theme.createdAt < matureAge) continue;
    const itemIds = theme.samples.map((sample) => sample.id);
    for (const sample of theme.samples) context.noise.add({ ...sample, manual: false });
    store.retire(theme, 'noise');
    report.noised.push({ themeId: theme.id, itemIds });
  }
}

/**
 * Gives noise items back to a theme they now clearly belong to. Each pass looks at the items set
 * aside since the last one and a rotating share of the older ones.
 */
export function absorbNoise(context: ConsolidationContext, report: MutableReport): void {
  const { store, options } = context;
  for (const item of context.noise.forReview(options.noiseReviewPerPass)) {
    if (item.manual) continue;
    const centred = context.centred(item.vector);
    const [best] = store.nearest(centred, 1, (theme) => theme.pinned);
    if (!best || best.similarity < context.threshold || !context.fitsMembers(centred, best.theme)) {
      continue;
    }
    context.noise.remove(item.id);
    context.join(best.theme, { ...item, manual: false });
    report.absorbed.push({ itemId: item.id, themeId: best.theme.id });
  }
}
