import { LabelBook, distinctLabel, phraseStatistics } from '../labels/label-book';
import { pickQuotes } from '../labels/pick-quotes';
import { SeededRandom } from '../random/seeded-random';
import { tokeniseText } from '../text/tokenise-text';
import { normalQuantile } from '../statistics/normal-quantile';
import { dot } from '../vectors/dense-vector';
import { QuantisedVector, quantise } from '../vectors/quantised-vector';
import { BackgroundSimilarity } from './background-similarity';
import {
  MutableReport,
  absorbNoise,
  mergeInto,
  mergeNearDuplicates,
  reseatOutliers,
  setAsideNoise,
  splitIncoherent,
} from './consolidate-themes';
import { ConsolidationContext } from './consolidation-context';
import { SampleProfile, sampleProfile, updateProfile } from './sample-profile';
import { EmbeddingFrame } from './embedding-frame';
import { EngineChanges, EngineGlobalState, StoredItem } from './engine-state';
import { NoiseItem } from './noise-item';
import { NoisePool } from './noise-pool';
import { proposeSplit } from './propose-split';
import { offerSample, removeSample } from './theme-sample-reservoir';
import {
  Assignment,
  AssignmentReason,
  ConsolidationReport,
  DEFAULT_THEME_ENGINE_OPTIONS,
  ThemeEngineOptions,
  ThemeItem,
  ThemeQuote,
  ThemeView,
} from './theme-engine-types';
import { ThemeSample, ThemeState, isMachineEditable } from './theme-state';
import { ThemeStore } from './theme-store';
import { fromThemeRecord, toThemeRecord, toThemeView } from './theme-record';

const SHARED_TERMS_IN_REASON = 5;
/** Themes whose cohesion is sampled to learn what is typical. */
const COHESION_SAMPLE = 200;
/** Items between consolidation passes once a space is past its youth. */
export const CONSOLIDATION_INTERVAL = 500;
/** A space's first items, during which every batch ends with a consolidation pass. */
export const YOUNG_SPACE_ITEMS = 500;
/** Items during which the engine re-learns what is typical more often than at consolidation. */
const WARM_UP_ITEMS = 256;
/** How far (Euclidean, in embedding units) the stream's mean must drift before the origin follows. */
const ORIGIN_TOLERANCE = 0.005;
const KEY_PHRASES_KEPT = 8;
/** Samples drawn to re-learn the background after the frame's origin moved. */
const BACKGROUND_RESAMPLE = 400;

/** A person's request to move one item, and the theme it is in now when the caller knows it. */
export interface ItemMove {
  readonly item: ThemeItem;
  readonly fromThemeId?: string;
}

/**
 * Streaming theme engine over sentence embeddings: assigns items to themes online, consolidates
 * periodically, and keeps every manual decision. Memory grows with the number of themes (one sum
 * vector and a bounded reservoir each), never with the number of items.
 *
 * Similarities are cosines of embeddings centred on the stream's mean ({@link EmbeddingFrame});
 * an item joins its closest theme when that cosine stands clear of the background similarity
 * ({@link BackgroundSimilarity}), otherwise it opens a theme.
 */
export class ThemeEngine {
  readonly options: ThemeEngineOptions;
  private frame = new EmbeddingFrame();
  private background: BackgroundSimilarity;
  private store: ThemeStore;
  private random: SeededRandom;
  private readonly noise: NoisePool;
  private readonly labels = new LabelBook();
  private typicalCohesion: number | undefined;
  /** Engine clock at the last consolidation pass. */
  private consolidatedAt = 0;
  private readonly profiles = new Map<
    string,
    { frameVersion: number; revision: number; profile: SampleProfile }
  >();
  private itemCount = 0;

  constructor(options: Partial<ThemeEngineOptions> = {}) {
    this.options = { ...DEFAULT_THEME_ENGINE_OPTIONS, ...options };
    this.background = new BackgroundSimilarity(this.options.backgroundWindow);
    this.store = new ThemeStore(
      this.frame,
      this.options.themeIdPrefix,
      this.options.exhaustiveLimit,
    );
    this.random = new SeededRandom(this.options.seed);
    this.noise = new NoisePool(this.options.noiseCapacity);
    if (this.options.priorOrigin) {
      this.frame.seed(this.options.priorOrigin, this.options.priorOriginWeight);
    }
  }

  /** Items assigned so far. */
  get itemsSeen(): number {
    return this.itemCount;
  }

  /**
   * The similarity an item needs now to join an existing theme. An item is compared with every
   * live theme and keeps the best, so the threshold is a family-wise significance test: the best
   * of that many background similarities would exceed it by chance with probability
   * `joinSignificance` (Bonferroni: z = probit(1 - significance / themes)).
   */
  get joinThreshold(): number {
    if (this.options.fixedThreshold !== undefined) return this.options.fixedThreshold;
    const dimensions = this.frame.dimensions;
    const comparisons = Math.max(1, this.store.activeCount);
    const deviations = normalQuantile(1 - this.options.joinSignificance / comparisons);
    return this.background.threshold(deviations, dimensions ? 1 / Math.sqrt(dimensions) : 0);
  }

  /** Assigns one item to its closest theme, or opens a new theme when none is close enough. */
  assign(item: ThemeItem): Assignment {
    this.itemCount++;
    this.frame.observe(item.vector);
    if (this.frame.dueForWarmUpRefresh()) this.moveOrigin(true);
    // While the stream is young its themes change fast: keep their typical cohesion current.
    if (this.itemCount <= WARM_UP_ITEMS && this.itemCount % 4 === 0) this.learnTypicalCohesion();
    const centred = this.frame.centre(item.vector);
    const [best] = this.store.nearest(centred, 1);
    this.learnBackground(centred, best?.theme);
    const threshold = this.joinThreshold;
    const sample: ThemeSample = {
      id: item.id,
      text: item.text,
      vector: quantise(item.vector),
      manual: false,
    };
    if (best && best.similarity >= threshold && this.fitsMembers(centred, best.theme)) {
      this.joinTheme(best.theme, sample);
      return {
        itemId: item.id,
        themeId: best.theme.id,
        similarity: best.similarity,
        created: false,
        reason: this.reason('matched-theme', item.text, best.theme, best.similarity, threshold),
      };
    }
    const theme = this.createTheme();
    this.joinTheme(theme, sample);
    // A provisional label from its first item; the next pass makes it distinct.
    this.relabel([theme], false);
    return {
      itemId: item.id,
      themeId: theme.id,
      similarity: this.store.similarity(centred, theme),
      created: true,
      reason: best
        ? {
            ...this.reason('created-theme', item.text, best.theme, best.similarity, threshold),
            nearestThemeId: best.theme.id,
          }
        : { kind: 'created-theme', sharedTerms: [], similarity: 0, threshold },
    };
  }

  /**
   * Periodic clean-up of the themes that changed since the last pass: move the frame's origin to
   * the stream's mean, merge near duplicates, split incoherent themes, set tiny old themes aside
   * as noise, absorb noise that now fits a theme, relabel.
   */
  consolidate(): ConsolidationReport {
    this.consolidatedAt = this.itemCount;
    this.moveOrigin(false);
    const context = this.context();
    const report: MutableReport = {
      merged: [],
      split: [],
      movedItems: [],
      evicted: [],
      noised: [],
      absorbed: [],
      relabelled: [],
      threshold: context.threshold,
    };
    const changed = this.store.takeUnsettled().filter((theme) => theme.status === 'active');
    reseatOutliers(context, changed, report);
    mergeNearDuplicates(
      context,
      changed.filter((theme) => theme.status === 'active'),
      report,
    );
    splitIncoherent(
      context,
      changed.filter((theme) => theme.status === 'active'),
      report,
    );
    setAsideNoise(context, report);
    absorbNoise(context, report);
    const settled = this.store.takeUnsettled();
    for (const theme of settled) if (theme.status !== 'active') this.labels.forget(theme.id);
    report.relabelled.push(...this.relabel([...changed, ...settled]));
    this.store.rehomeUnsettled(this.random);
    this.learnTypicalCohesion();
    return report;
  }

  /**
   * Whether a consolidation pass is due: while the space is young (its first
   * {@link YOUNG_SPACE_ITEMS} items, when early mistakes are cheap to mend and costly to keep)
   * whenever it has grown by an eighth since the last pass, then every
   * {@link CONSOLIDATION_INTERVAL} items. The theming stage asks at the end of every batch.
   */
  get consolidationDue(): boolean {
    const since = this.itemCount - this.consolidatedAt;
    if (since <= 0) return false;
    // Young: whenever the stream has grown by an eighth since the last pass.
    if (this.itemCount <= YOUNG_SPACE_ITEMS) return since >= Math.max(1, this.itemCount / 8);
    return since >= CONSOLIDATION_INTERVAL;
  }

  /** Follows the merge chain from any theme id ever issued to the theme that holds it now. */
  resolve(themeId: string): string {
    let current = themeId;
    const visited = new Set<string>();
    for (;;) {
      const theme = this.store.get(current);
      if (!theme?.mergedInto || visited.has(current)) return current;
      visited.add(current);
      current = theme.mergedInto;
    }
  }

  /** Live themes, largest first. */
  themes(): ThemeView[] {
    return this.store
      .active()
      .sort((a, b) => b.size - a.size || a.createdAt - b.createdAt)
      .map((theme) => toThemeView(theme));
  }

  /** Any theme ever issued (including merged and noise ones), or undefined. */
  theme(themeId: string): ThemeView | undefined {
    const theme = this.store.get(themeId);
    return theme ? toThemeView(theme) : undefined;
  }

  /** Representative quotes: central to the theme and different from one another. */
  quotes(themeId: string, count = 3): ThemeQuote[] {
    const theme = this.require(themeId);
    const candidates = theme.samples.map((sample) => ({
      id: sample.id,
      text: sample.text,
      vector: this.frame.centre(this.rawOf(sample.vector)),
    }));
    return pickQuotes(candidates, theme.centroid, count).map(({ id, text, vector }) => ({
      id,
      text,
      similarity: dot(vector, theme.centroid),
    }));
  }

  /** Item ids held in the theme's sample reservoir (all members while the theme is small). */
  sampleIds(themeId: string): string[] {
    return this.require(themeId).samples.map((sample) => sample.id);
  }

  /** Items currently set aside as noise (bounded pool). */
  noiseItems(): Array<{ id: string; text: string; manual: boolean }> {
    return this.noise.all().map(({ id, text, manual }) => ({ id, text, manual }));
  }

  /** Why an item (already in `themeId` or not) belongs there: shared terms and similarity. */
  explain(themeId: string, item: Pick<ThemeItem, 'text' | 'vector'>): AssignmentReason {
    const theme = this.require(themeId);
    const similarity = this.store.similarity(this.frame.centre(item.vector), theme);
    return this.reason('matched-theme', item.text, theme, similarity, this.joinThreshold);
  }

  /** Which of the given live themes an embedding is closest to. */
  closerOf(themeIds: readonly string[], vector: ArrayLike<number>): string {
    const centred = this.frame.centre(vector);
    let best = themeIds[0];
    let bestSimilarity = -Infinity;
    for (const id of themeIds) {
      const similarity = this.store.similarity(centred, this.requireActive(id));
      if (similarity > bestSimilarity) {
        bestSimilarity = similarity;
        best = id;
      }
    }
    return best;
  }

  /**
   * After a split, re-homes members of `fromId` the engine does not hold as samples: each moves
   * to `toId` when it is closer to it. Returns the ids that moved.
   */
  rehomeMembers(fromId: string, toId: string, members: readonly ThemeItem[]): string[] {
    const from = this.requireActive(fromId);
    const to = this.requireActive(toId);
    const moved: string[] = [];
    for (const member of members) {
      if (from.samples.some((sample) => sample.id === member.id)) continue;
      if (this.closerOf([fromId, toId], member.vector) !== toId) continue;
      this.store.addVector(from, member.vector, -1);
      from.size = Math.max(0, from.size - 1);
      from.seen = Math.max(from.samples.length, from.seen - 1);
      this.joinTheme(to, {
        id: member.id,
        text: member.text,
        vector: quantise(member.vector),
        manual: false,
      });
      moved.push(member.id);
    }
    return moved;
  }

  // ---- human control -------------------------------------------------------------------------

  /** Renames a theme; the machine never relabels it afterwards. */
  rename(themeId: string, label: string): void {
    const theme = this.require(themeId);
    const trimmed = label.trim();
    if (trimmed.length === 0) throw new Error('A theme label cannot be empty');
    theme.label = trimmed;
    theme.labelSource = 'manual';
    this.store.markChanged(theme);
  }

  /** Pins (or unpins) a theme: the machine never merges, splits, relabels or noises it. */
  pin(themeId: string, pinned = true): void {
    const theme = this.require(themeId);
    theme.pinned = pinned;
    this.store.markChanged(theme);
  }

  /** Merges themes into `targetId`; the result is kept whole (never split by the machine). */
  merge(targetId: string, sourceIds: readonly string[]): void {
    const target = this.requireActive(this.resolve(targetId));
    const context = this.context();
    for (const sourceId of sourceIds) {
      const source = this.requireActive(this.resolve(sourceId));
      if (source.id === target.id) continue;
      mergeInto(context, source, target);
      this.labels.forget(source.id);
    }
    target.keepWhole = true;
    this.store.touch(target);
    this.relabel([target]);
  }

  /**
   * Splits a theme: the given items (with their embeddings; a person's choice, locked where they
   * land), or the engine's own 2-way proposal over its samples, move to a new theme. The two are
   * kept apart from then on. Returns the new theme id.
   */
  split(themeId: string, items?: readonly ThemeItem[]): string {
    const theme = this.requireActive(themeId);
    const proposal = items ? undefined : this.proposeSplit(themeId);
    if (items?.length === 0 || proposal?.length === 0) {
      throw new Error(`Nothing to split off theme ${themeId}`);
    }
    const created = this.createTheme();
    created.splitFrom = theme.id;
    if (items) {
      for (const item of items) this.moveOne({ item, fromThemeId: theme.id }, created, true);
    } else {
      for (const itemId of proposal ?? []) {
        const sample = this.leaveTheme(theme, itemId);
        if (sample) this.joinTheme(created, sample);
      }
    }
    theme.keepApartFrom = [...new Set([...theme.keepApartFrom, created.id])];
    created.keepApartFrom = [theme.id];
    this.store.touch(theme);
    this.relabel([theme, created]);
    return created.id;
  }

  /** The engine's proposal for splitting a theme: the sampled item ids that would move out. */
  proposeSplit(themeId: string): string[] {
    const theme = this.requireActive(themeId);
    const proposal = proposeSplit(
      theme.samples.map((sample) => ({
        id: sample.id,
        vector: this.frame.centre(this.rawOf(sample.vector)),
      })),
    );
    if (!proposal) return [];
    const [first, second] = proposal.groups;
    return first.length <= second.length ? first : second;
  }

  /**
   * Moves items to a theme. Moved items are locked there (never re-seated by the machine) and
   * weigh `manualWeight` in the target centroid, pulling it towards what the person meant.
   */
  moveItems(moves: readonly ItemMove[], targetId: string): void {
    const target = this.require(this.resolve(targetId));
    if (target.status === 'noise') this.store.revive(target);
    if (target.status !== 'active') throw new Error(`Theme ${targetId} is ${target.status}`);
    for (const move of moves) this.moveOne(move, target, true);
    this.relabel([target]);
  }

  /** Sets a theme aside as noise by hand; its items are never absorbed back by the machine. */
  markNoise(themeId: string): void {
    const theme = this.requireActive(themeId);
    theme.manualNoise = true;
    for (const sample of theme.samples) this.noise.add({ ...sample, manual: true });
    this.store.retire(theme, 'noise');
    this.labels.forget(theme.id);
  }

  // ---- persistence -----------------------------------------------------------------------------

  /** What changed since the last call (or since loading): the global state, themes and noise. */
  takeChanges(): EngineChanges {
    const noise = this.noise.takeChanges();
    return {
      global: this.globalState(),
      themes: this.store
        .takeChanged()
        .map((theme) => toThemeRecord(theme, this.labels.phraseKeys(theme.id))),
      noiseAdded: noise.added,
      noiseRemoved: noise.removed,
    };
  }

  /** Everything, as a change set from nothing. */
  exportState(): EngineChanges {
    return {
      global: this.globalState(),
      themes: [...this.store.themes.values()].map((theme) =>
        toThemeRecord(theme, this.labels.phraseKeys(theme.id)),
      ),
      noiseAdded: this.noise.all().map(({ id, manual }) => ({ id, manual })),
      noiseRemoved: [],
    };
  }

  /**
   * Applies a change set saved by this or another engine: the global state, the themes in it
   * (replacing those held), and the noise pool's changes. `items` holds the text and embedding
   * of the samples and noise items the change set refers to; one missing (its text was erased)
   * is dropped from the reservoir or the pool, while the theme's sum keeps its contribution.
   */
  load(changes: EngineChanges, items: ReadonlyMap<string, StoredItem>): void {
    const { global } = changes;
    if (global.version !== 2)
      throw new Error(`Unsupported theme engine state version ${global.version}`);
    this.itemCount = global.itemCount;
    this.consolidatedAt = global.consolidatedAt;
    this.random = new SeededRandom(global.randomState);
    this.frame = EmbeddingFrame.fromJSON(global.frame);
    this.profiles.clear();
    this.background = BackgroundSimilarity.fromJSON(
      global.background,
      this.options.backgroundWindow,
    );
    const themes = [...this.store.themes.values()];
    this.store = new ThemeStore(
      this.frame,
      this.options.themeIdPrefix,
      this.options.exhaustiveLimit,
    );
    for (const theme of themes) this.store.register(theme);
    this.store.nextThemeNumber = global.nextThemeNumber;
    for (const record of changes.themes) {
      const theme = fromThemeRecord(record, items);
      this.store.register(theme);
      if (theme.status === 'active') this.labels.setPhrases(theme.id, record.phraseKeys);
      else this.labels.forget(theme.id);
    }
    for (const id of changes.noiseRemoved) this.noise.discard(id);
    for (const record of changes.noiseAdded) {
      const stored = items.get(record.id);
      if (stored) this.noise.restore({ id: record.id, manual: record.manual, ...stored });
    }
    this.store.recentreAll();
    this.store.rehomeUnsettled(this.random);
    this.store.takeChanged();
    this.store.takeUnsettled();
  }

  /** A new engine from a full export (see {@link exportState}). */
  static restore(state: EngineChanges, items: ReadonlyMap<string, StoredItem>): ThemeEngine {
    const engine = new ThemeEngine(state.global.options);
    engine.load(state, items);
    return engine;
  }

  // ---- internals -------------------------------------------------------------------------------

  private createTheme(): ThemeState {
    const dimensions = this.frame.dimensions;
    if (dimensions === undefined) throw new Error('No embedding seen yet: assign an item first');
    return this.store.create(this.itemCount, dimensions);
  }

  private joinTheme(theme: ThemeState, sample: ThemeSample): void {
    const weight = sample.manual ? this.options.manualWeight : 1;
    theme.size++;
    theme.updatedAt = this.itemCount;
    const revision = theme.samplesRevision;
    const evicted = offerSample(theme, sample, this.options.sampleCapacity, this.random);
    if (theme.samplesRevision !== revision) {
      this.followSamples(theme, revision, [sample], evicted ? [evicted] : []);
    }
    this.store.addVector(theme, this.rawOf(sample.vector), weight);
  }

  private leaveTheme(theme: ThemeState, itemId: string): ThemeSample | undefined {
    const revision = theme.samplesRevision;
    const sample = removeSample(theme, itemId);
    if (!sample) return undefined;
    this.followSamples(theme, revision, [], [sample]);
    theme.size = Math.max(0, theme.size - 1);
    theme.seen = Math.max(theme.samples.length, theme.seen - 1);
    this.store.addVector(
      theme,
      this.rawOf(sample.vector),
      -(sample.manual ? this.options.manualWeight : 1),
    );
    return sample;
  }

  private moveOne(move: ItemMove, target: ThemeState, manual: boolean): void {
    const { item, fromThemeId } = move;
    const holders = fromThemeId
      ? [this.require(fromThemeId)]
      : [...this.store.themes.values()].filter((theme) => theme.status === 'active');
    const source = holders.find((theme) => theme.samples.some((sample) => sample.id === item.id));
    if (source) {
      this.leaveTheme(source, item.id);
    } else if (this.noise.remove(item.id)) {
      // Taken out of the noise pool.
    } else if (fromThemeId) {
      // A member the engine does not hold as a sample: it weighed 1 in the source's sum.
      const from = this.require(fromThemeId);
      this.store.addVector(from, item.vector, -1);
      from.size = Math.max(0, from.size - 1);
      from.seen = Math.max(from.samples.length, from.seen - 1);
    }
    this.joinTheme(target, { id: item.id, text: item.text, vector: quantise(item.vector), manual });
  }

  /**
   * Moves the frame's origin to the stream's mean (during warm-up always; later only once it has
   * drifted by more than {@link ORIGIN_TOLERANCE}) and then re-centres every theme and re-learns
   * the background from samples.
   */
  private moveOrigin(warmingUp: boolean): void {
    if (!this.frame.refresh(warmingUp ? 0 : ORIGIN_TOLERANCE)) return;
    this.store.recentreAll();
    const live = this.store.active();
    if (live.length < 2) return;
    const observations: number[] = [];
    for (let i = 0; i < BACKGROUND_RESAMPLE; i++) {
      const theme = live[this.random.nextInt(live.length)];
      if (theme.samples.length === 0) continue;
      const sample = theme.samples[this.random.nextInt(theme.samples.length)];
      const other = live[this.random.nextInt(live.length)];
      if (other === theme) continue;
      observations.push(dot(this.frame.centre(this.rawOf(sample.vector)), other.centroid));
    }
    if (observations.length > 0) this.background.reset(observations);
  }

  /**
   * Whether an item is as alike the theme's members as they are to one another (the same affinity
   * ratio as merges, with the item counted as typically cohesive). A centroid can be close to an
   * item while no member is: a theme that gathered loosely related items points at what they have
   * in common, and would otherwise keep pulling in anything vaguely like it.
   */
  private fitsMembers(centred: Float32Array, theme: ThemeState): boolean {
    if (this.typicalCohesion === undefined) return true;
    const profile = this.profileOf(theme);
    if (profile.count === 0) return true;
    const across = dot(centred, profile.sum) / profile.count;
    const within = Math.sqrt(
      Math.max(1e-9, profile.cohesion ?? this.typicalCohesion) *
        Math.max(1e-9, this.typicalCohesion),
    );
    return across / within >= this.options.mergeAffinity;
  }

  /**
   * Median cohesion of the themes with at least three samples (undefined before there are any),
   * over at most {@link COHESION_SAMPLE} themes drawn at random.
   */
  private learnTypicalCohesion(): void {
    const eligible = this.store.active().filter((theme) => theme.samples.length >= 3);
    const drawn =
      eligible.length <= COHESION_SAMPLE
        ? eligible
        : Array.from(
            { length: COHESION_SAMPLE },
            () => eligible[this.random.nextInt(eligible.length)],
          );
    const cohesions = drawn
      .map((theme) => this.profileOf(theme).cohesion as number)
      .sort((a, b) => a - b);
    if (cohesions.length > 0) this.typicalCohesion = cohesions[cohesions.length >> 1];
  }

  /**
   * Cosine of a sample to its theme's centroid without it, from the theme's centred mean u, the
   * sample's centred vector v and their weights W, w: the centroid without it points along
   * W u - w v, so the cosine is (W (x.u) - w |v|) / |W u - w v| with x = v / |v|.
   */
  private similarityWithout(theme: ThemeState, sample: ThemeSample): number {
    const weight = sample.manual ? this.options.manualWeight : 1;
    const total = theme.weight;
    if (total - weight <= 1e-9) return 0;
    const raw = this.rawOf(sample.vector);
    const v = this.frame.offset(raw);
    const u = this.frame.offset(Float64Array.from(theme.sum, (value) => value / total));
    let vv = 0;
    let uv = 0;
    let uu = 0;
    for (let d = 0; d < v.length; d++) {
      vv += v[d] * v[d];
      uv += u[d] * v[d];
      uu += u[d] * u[d];
    }
    const length = Math.sqrt(
      Math.max(0, total * total * uu - 2 * total * weight * uv + weight * weight * vv),
    );
    const vLength = Math.sqrt(vv);
    if (length === 0 || vLength === 0) return 0;
    return (total * (uv / vLength) - weight * vLength) / length;
  }

  /** A theme's samples seen from the origin (sum, count, cohesion), cached until either changes. */
  private profileOf(theme: ThemeState): SampleProfile {
    const cached = this.profiles.get(theme.id);
    if (
      cached &&
      cached.frameVersion === this.frame.version &&
      cached.revision === theme.samplesRevision
    ) {
      return cached.profile;
    }
    const profile = sampleProfile(
      theme.samples.map((sample) => this.frame.centre(this.rawOf(sample.vector))),
      theme.centroid.length,
    );
    this.profiles.set(theme.id, {
      frameVersion: this.frame.version,
      revision: theme.samplesRevision,
      profile,
    });
    return profile;
  }

  /**
   * Keeps a theme's cached profile current through one reservoir change (samples added and
   * removed), when it was current before; otherwise it is recomputed when next needed.
   */
  private followSamples(
    theme: ThemeState,
    revisionBefore: number,
    added: readonly ThemeSample[],
    removed: readonly ThemeSample[],
  ): void {
    const cached = this.profiles.get(theme.id);
    if (
      !cached ||
      cached.frameVersion !== this.frame.version ||
      cached.revision !== revisionBefore
    ) {
      return;
    }
    let profile = cached.profile;
    for (const sample of added)
      profile = updateProfile(profile, this.frame.centre(this.rawOf(sample.vector)), 1);
    for (const sample of removed)
      profile = updateProfile(profile, this.frame.centre(this.rawOf(sample.vector)), -1);
    this.profiles.set(theme.id, { ...cached, revision: theme.samplesRevision, profile });
  }

  /** Compares an item with a few random themes other than its best: the background. */
  private learnBackground(centred: Float32Array, best: ThemeState | undefined): void {
    if (this.store.activeCount < 2) return;
    for (let i = 0; i < this.options.backgroundSamples; i++) {
      const other = this.store.randomActive(this.random);
      if (!other || other === best) continue;
      this.background.observe(this.store.similarity(centred, other));
    }
  }

  private reason(
    kind: AssignmentReason['kind'],
    text: string,
    theme: ThemeState,
    similarity: number,
    threshold: number,
  ): AssignmentReason {
    const stems = new Set(theme.keyStems);
    const shared: string[] = [];
    for (const token of tokeniseText(text)) {
      if (stems.has(token.stem) && !shared.includes(token.surface)) shared.push(token.surface);
      if (shared.length >= SHARED_TERMS_IN_REASON) break;
    }
    return { kind, sharedTerms: shared, similarity, threshold };
  }

  /**
   * Relabels themes (skipping manual and pinned labels) and refreshes their key phrases; labels
   * are kept distinct from every live theme's unless `distinct` is false (a provisional label).
   */
  private relabel(
    themes: readonly ThemeState[],
    distinct = true,
  ): Array<{ themeId: string; before: string; after: string }> {
    // A pinned theme is the person's: not even its key phrases move.
    const unique = [
      ...new Map(
        themes.filter((t) => t.status === 'active' && !t.pinned).map((t) => [t.id, t]),
      ).values(),
    ];
    const stats = new Map(
      unique.map((theme) => [
        theme.id,
        phraseStatistics(theme.samples.map((sample) => sample.text)),
      ]),
    );
    for (const theme of unique) this.labels.setPhrases(theme.id, stats.get(theme.id)?.keys() ?? []);
    const taken = new Set(distinct ? this.store.active().map((theme) => theme.label) : []);
    const changes: Array<{ themeId: string; before: string; after: string }> = [];
    for (const theme of unique.sort((a, b) => b.size - a.size)) {
      const ranked = this.labels.rank(stats.get(theme.id) ?? new Map(), theme.samples.length);
      theme.keyPhrases = ranked.slice(0, KEY_PHRASES_KEPT).map((phrase) => phrase.surface);
      theme.keyStems = [
        ...new Set(ranked.slice(0, KEY_PHRASES_KEPT).flatMap((p) => p.key.split(' '))),
      ];
      this.store.markChanged(theme);
      if (theme.labelSource === 'manual') continue;
      taken.delete(theme.label);
      const label = distinctLabel(ranked, taken);
      taken.add(label);
      if (label === theme.label) continue;
      changes.push({ themeId: theme.id, before: theme.label, after: label });
      theme.label = label;
    }
    return changes;
  }

  private rawOf(vector: QuantisedVector): Float32Array {
    const out = new Float32Array(vector.values.length);
    for (let i = 0; i < out.length; i++) out[i] = vector.values[i] * vector.scale;
    return out;
  }

  private context(): ConsolidationContext {
    const cache = new Map<QuantisedVector, Float32Array>();
    return {
      store: this.store,
      options: this.options,
      random: this.random,
      itemCount: this.itemCount,
      young: this.itemCount <= YOUNG_SPACE_ITEMS,
      threshold: this.joinThreshold,
      noise: this.noise,
      centred: (vector) => {
        let centred = cache.get(vector);
        if (!centred) {
          centred = this.frame.centre(this.rawOf(vector));
          cache.set(vector, centred);
        }
        return centred;
      },
      profile: (theme) => this.profileOf(theme),
      similarityWithout: (theme, sample) => this.similarityWithout(theme, sample),
      fitsMembers: (centred, theme) => this.fitsMembers(centred, theme),
      join: (theme, sample) => this.joinTheme(theme, sample),
      leave: (theme, itemId) => this.leaveTheme(theme, itemId),
      createTheme: () => this.createTheme(),
    };
  }

  private globalState(): EngineGlobalState {
    return {
      version: 2,
      options: this.options,
      itemCount: this.itemCount,
      consolidatedAt: this.consolidatedAt,
      nextThemeNumber: this.store.nextThemeNumber,
      randomState: this.random.seed,
      frame: this.frame.toJSON(),
      background: this.background.toJSON(),
    };
  }

  private require(themeId: string): ThemeState {
    const theme = this.store.get(themeId);
    if (!theme) throw new Error(`Unknown theme ${themeId}`);
    return theme;
  }

  private requireActive(themeId: string): ThemeState {
    const theme = this.require(themeId);
    if (theme.status !== 'active') throw new Error(`Theme ${themeId} is ${theme.status}`);
    return theme;
  }
}

/** Re-exported for callers that build noise items by hand (tests, tools). */
export type { NoiseItem };
export { isMachineEditable };
