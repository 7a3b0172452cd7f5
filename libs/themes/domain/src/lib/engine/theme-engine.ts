import { labelThemes } from '../labels/label-themes';
import { pickQuotes } from '../labels/pick-quotes';
import { SeededRandom } from '../random/seeded-random';
import {
  SparseVector,
  normaliseVector,
  sharedTerms,
  topTerms,
  vectorNorm,
} from '../representation/sparse-vector';
import { TermStatistics } from '../representation/term-statistics';
import { TextVectoriser } from '../representation/text-vectoriser';
import { AdaptiveThreshold } from './adaptive-threshold';
import { ConsolidationContext } from './consolidation-context';
import { addToNoise, consolidateThemes, mergeInto } from './consolidate-themes';
import { ThemeEngineSnapshot } from './engine-snapshot';
import { NoiseItem } from './noise-item';
import { proposeSplit } from './propose-split';
import { offerSample, removeSample } from './theme-sample-reservoir';
import {
  Assignment,
  ConsolidationReport,
  DEFAULT_THEME_ENGINE_OPTIONS,
  FeedbackText,
  ThemeEngineOptions,
  ThemeQuote,
  ThemeView,
} from './theme-engine-types';
import { ThemeState } from './theme-state';
import { ThemeStore } from './theme-store';

const SHARED_TERMS_IN_REASON = 5;

/** A person's request to move one item; `text` is needed when the engine no longer holds it. */
export interface ItemMove {
  readonly itemId: string;
  readonly text?: string;
}

/**
 * Streaming theme engine: assigns texts to themes online, consolidates periodically, and keeps
 * every manual decision. Memory grows with the number of themes, never with the item count.
 */
export class ThemeEngine {
  readonly options: ThemeEngineOptions;
  private readonly store: ThemeStore;
  private terms: TermStatistics;
  private vectoriser: TextVectoriser;
  private threshold: AdaptiveThreshold;
  private random: SeededRandom;
  private noise: NoiseItem[] = [];
  private itemCount = 0;

  constructor(options: Partial<ThemeEngineOptions> = {}) {
    this.options = { ...DEFAULT_THEME_ENGINE_OPTIONS, ...options };
    this.store = new ThemeStore(
      this.options.maxCentroidTerms,
      this.options.postingLimit,
      this.options.candidateLimit,
      this.options.themeIdPrefix,
    );
    this.terms = new TermStatistics(this.options.maxVocabulary);
    this.vectoriser = new TextVectoriser(this.terms);
    this.threshold = new AdaptiveThreshold();
    this.random = new SeededRandom(this.options.seed);
  }

  /** Items assigned so far. */
  get itemsSeen(): number {
    return this.itemCount;
  }

  /** The adaptive similarity an item needs to join an existing theme. */
  get joinThreshold(): number {
    return this.options.fixedThreshold ?? this.threshold.value();
  }

  /** Assigns one item to its best theme, or opens a new theme when none is close enough. */
  assign(item: FeedbackText): Assignment {
    this.itemCount++;
    const { vector } = this.vectoriser.vectorise(item.text, true);
    if (vector.size === 0) {
      addToNoise(this.context(), [{ id: item.id, text: item.text, manual: false }]);
      return {
        itemId: item.id,
        themeId: undefined,
        similarity: 0,
        created: false,
        reason: {
          kind: 'no-content',
          sharedTerms: [],
          similarity: 0,
          threshold: this.joinThreshold,
        },
      };
    }
    const [best] = this.store.bestMatches(vector, { limit: 1 });
    this.threshold.observe(best?.similarity ?? 0);
    const threshold = this.joinThreshold;
    if (best && best.similarity >= threshold) {
      const shared = sharedTerms(vector, best.theme.centroid, SHARED_TERMS_IN_REASON);
      this.join(best.theme, item, vector, 1, false);
      return {
        itemId: item.id,
        themeId: best.theme.id,
        similarity: best.similarity,
        created: false,
        reason: {
          kind: 'matched-theme',
          sharedTerms: shared,
          similarity: best.similarity,
          threshold,
        },
      };
    }
    const theme = this.store.create(this.itemCount);
    this.join(theme, item, vector, 1, false);
    theme.label = this.provisionalLabel(vector);
    return {
      itemId: item.id,
      themeId: theme.id,
      similarity: best?.similarity ?? 0,
      created: true,
      reason: {
        kind: 'created-theme',
        sharedTerms: best ? sharedTerms(vector, best.theme.centroid, SHARED_TERMS_IN_REASON) : [],
        similarity: best?.similarity ?? 0,
        threshold,
      },
    };
  }

  /** Periodic clean-up: re-seat samples, merge, split, set noise aside, absorb noise, relabel. */
  consolidate(): ConsolidationReport {
    const report = consolidateThemes(this.context());
    report.relabelled.push(...this.relabel());
    return report;
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
      .sort((a, b) => b.size - a.size)
      .map((theme) => this.view(theme));
  }

  /** Any theme ever issued (including merged and noise ones), or undefined. */
  theme(themeId: string): ThemeView | undefined {
    const theme = this.store.get(themeId);
    return theme ? this.view(theme) : undefined;
  }

  /** Representative quotes: central to the theme and different from one another. */
  quotes(themeId: string, count = 3): ThemeQuote[] {
    const theme = this.require(themeId);
    const candidates = theme.samples.map((sample) => ({
      id: sample.id,
      text: sample.text,
      vector: this.vectorOf(sample.text),
    }));
    return pickQuotes(candidates, theme.centroid, theme.centroidNorm, count).map(
      ({ id, text }) => ({
        id,
        text,
      }),
    );
  }

  /** Item ids held in the theme's sample reservoir (all members while the theme is small). */
  sampleIds(themeId: string): string[] {
    return this.require(themeId).samples.map((sample) => sample.id);
  }

  /** Items currently set aside as noise (bounded pool). */
  noiseItems(): NoiseItem[] {
    return [...this.noise];
  }

  // ---- human control -------------------------------------------------------------------------

  /** Renames a theme; the machine never relabels it afterwards. */
  rename(themeId: string, label: string): void {
    const theme = this.require(themeId);
    theme.label = label.trim();
    theme.labelSource = 'manual';
  }

  /** Pins (or unpins) a theme: the machine never merges, splits, relabels or noises it. */
  pin(themeId: string, pinned = true): void {
    this.require(themeId).pinned = pinned;
  }

  /** Merges themes into `targetId`; the result is kept whole (never split by the machine). */
  merge(targetId: string, sourceIds: readonly string[]): void {
    const target = this.requireActive(targetId);
    for (const sourceId of sourceIds) {
      const source = this.requireActive(this.resolve(sourceId));
      if (source.id === target.id) continue;
      mergeInto(this.context(), source, target);
    }
    target.keepWhole = true;
  }

  /**
   * Splits a theme: the given item ids (from its samples), or the engine's own 2-way proposal,
   * move to a new theme. The two are kept apart from then on. Returns the new theme id.
   */
  split(themeId: string, itemIds?: readonly string[]): string {
    const theme = this.requireActive(themeId);
    const moving = itemIds ? [...itemIds] : this.proposeSplit(themeId);
    if (moving.length === 0) throw new Error(`No split proposed for theme ${themeId}`);
    const created = this.store.create(this.itemCount);
    created.splitFrom = theme.id;
    for (const itemId of moving) this.moveOne(itemId, created, undefined, theme);
    theme.keepApartFrom = [...new Set([...theme.keepApartFrom, created.id])];
    created.keepApartFrom = [theme.id];
    created.label = this.provisionalLabel(created.centroid);
    this.relabel();
    return created.id;
  }

  /** The engine's proposal for splitting a theme: the item ids that would move out. */
  proposeSplit(themeId: string): string[] {
    const theme = this.requireActive(themeId);
    const proposal = proposeSplit(
      theme.samples.map((sample) => ({ id: sample.id, vector: this.vectorOf(sample.text) })),
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
    const target = this.requireActive(this.resolve(targetId));
    for (const move of moves) this.moveOne(move.itemId, target, move.text);
    this.relabel();
  }

  /** Sets a theme aside as noise by hand; its items are never absorbed back by the machine. */
  markNoise(themeId: string): void {
    const theme = this.requireActive(themeId);
    theme.status = 'noise';
    theme.manualNoise = true;
    this.store.reindex(theme);
    addToNoise(
      this.context(),
      theme.samples.map((sample) => ({ id: sample.id, text: sample.text, manual: true })),
    );
  }

  // ---- persistence -----------------------------------------------------------------------------

  /** Plain-JSON snapshot of the whole state. */
  snapshot(): ThemeEngineSnapshot {
    return {
      version: 1,
      options: this.options,
      itemCount: this.itemCount,
      nextThemeNumber: this.store.nextThemeNumber,
      randomState: this.random.seed,
      terms: this.terms.toJSON(),
      threshold: this.threshold.toJSON(),
      themes: [...this.store.themes.values()].map((theme) => ({
        id: theme.id,
        status: theme.status,
        centroid: [...theme.centroid],
        weight: theme.weight,
        size: theme.size,
        seen: theme.seen,
        samples: theme.samples.map((sample) => ({ ...sample })),
        label: theme.label,
        labelSource: theme.labelSource,
        pinned: theme.pinned,
        keepWhole: theme.keepWhole,
        keepApartFrom: [...theme.keepApartFrom],
        manualNoise: theme.manualNoise,
        ...(theme.mergedInto ? { mergedInto: theme.mergedInto } : {}),
        ...(theme.splitFrom ? { splitFrom: theme.splitFrom } : {}),
        createdAt: theme.createdAt,
        updatedAt: theme.updatedAt,
      })),
      noise: this.noise.map((item) => ({ ...item })),
    };
  }

  /** Rebuilds an engine from {@link snapshot} output (after JSON round-trip). */
  static restore(snapshot: ThemeEngineSnapshot): ThemeEngine {
    if (snapshot.version !== 1) throw new Error(`Unsupported snapshot version ${snapshot.version}`);
    const engine = new ThemeEngine(snapshot.options);
    engine.itemCount = snapshot.itemCount;
    engine.random = new SeededRandom(snapshot.randomState);
    engine.threshold = AdaptiveThreshold.fromJSON(snapshot.threshold);
    const terms = TermStatistics.fromJSON(snapshot.terms, engine.options.maxVocabulary);
    engine.terms = terms;
    engine.vectoriser = new TextVectoriser(terms);
    engine.store.nextThemeNumber = snapshot.nextThemeNumber;
    for (const saved of snapshot.themes) {
      const centroid = new Map(saved.centroid);
      engine.store.restore({
        ...saved,
        centroid,
        centroidNorm: vectorNorm(centroid),
        samples: saved.samples.map((sample) => ({ ...sample })),
        keepApartFrom: [...saved.keepApartFrom],
      });
    }
    engine.noise = snapshot.noise.map((item) => ({ ...item }));
    return engine;
  }

  // ---- internals -------------------------------------------------------------------------------

  private join(
    theme: ThemeState,
    item: FeedbackText,
    vector: SparseVector,
    weight: number,
    manual: boolean,
  ): void {
    this.store.addVector(theme, vector, weight);
    theme.size++;
    theme.updatedAt = this.itemCount;
    offerSample(
      theme,
      { id: item.id, text: item.text, manual },
      this.options.sampleCapacity,
      this.random,
    );
  }

  private moveOne(itemId: string, target: ThemeState, text?: string, onlyFrom?: ThemeState): void {
    const holders = onlyFrom ? [onlyFrom] : [...this.store.themes.values()];
    const source = holders.find((theme) => theme.samples.some((sample) => sample.id === itemId));
    let itemText = text;
    if (source) {
      const removed = removeSample(source, itemId);
      itemText = itemText ?? removed?.text;
      if (removed) {
        const weight = removed.manual ? this.options.manualWeight : 1;
        this.store.addVector(source, this.vectorOf(removed.text), -weight);
        source.size = Math.max(0, source.size - 1);
        source.seen = Math.max(source.samples.length, source.seen - 1);
      }
    } else {
      const noiseIndex = this.noise.findIndex((item) => item.id === itemId);
      if (noiseIndex >= 0) itemText = itemText ?? this.noise.splice(noiseIndex, 1)[0].text;
    }
    if (itemText === undefined) throw new Error(`Item ${itemId} is unknown; pass its text`);
    this.join(
      target,
      { id: itemId, text: itemText },
      this.vectorOf(itemText),
      this.options.manualWeight,
      true,
    );
  }

  private relabel(): Array<{ themeId: string; before: string; after: string }> {
    const live = this.store.active();
    const labels = labelThemes(
      live.map((theme) => ({
        themeId: theme.id,
        texts: theme.samples.map((sample) => sample.text),
        size: theme.size,
        ...(theme.labelSource === 'manual' || theme.pinned ? { fixedLabel: theme.label } : {}),
      })),
    );
    const changes: Array<{ themeId: string; before: string; after: string }> = [];
    for (const theme of live) {
      const label = labels.get(theme.id);
      if (label === undefined || label === theme.label) continue;
      changes.push({ themeId: theme.id, before: theme.label, after: label });
      theme.label = label;
    }
    return changes;
  }

  private provisionalLabel(vector: SparseVector): string {
    return [...topTerms(vector, 1).keys()][0] ?? 'untitled';
  }

  private vectorOf(text: string): SparseVector {
    return this.vectoriser.vectorise(text, false).vector;
  }

  private context(): ConsolidationContext {
    const cache = new Map<string, SparseVector>();
    return {
      store: this.store,
      options: this.options,
      random: this.random,
      itemCount: this.itemCount,
      threshold: this.joinThreshold,
      noise: this.noise,
      vectorOf: (text) => {
        let vector = cache.get(text);
        if (!vector) {
          vector = this.vectorOf(text);
          cache.set(text, vector);
        }
        return vector;
      },
    };
  }

  private view(theme: ThemeState): ThemeView {
    return {
      id: theme.id,
      label: theme.label,
      labelSource: theme.labelSource,
      status: theme.status,
      size: theme.size,
      pinned: theme.pinned,
      topTerms: [...topTerms(normaliseVector(theme.centroid), 8).keys()],
      ...(theme.mergedInto ? { mergedInto: theme.mergedInto } : {}),
      ...(theme.splitFrom ? { splitFrom: theme.splitFrom } : {}),
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
