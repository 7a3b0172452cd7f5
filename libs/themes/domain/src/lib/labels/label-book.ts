import { tokeniseText } from '../text/tokenise-text';
import { Phrase, extractPhrases } from './extract-phrases';

/** How often a phrase occurs in one theme's samples, and how it is usually written. */
export interface PhraseStats {
  samples: number;
  readonly surfaces: Map<string, number>;
  readonly length: number;
}

/** A phrase of one theme, scored for how well it names the theme. */
export interface RankedPhrase {
  readonly key: string;
  readonly surface: string;
  readonly score: number;
}

/** Extra credit per additional word: longer phrases read better when nearly as frequent. */
const LENGTH_BONUS = 0.3;
const PHRASE_CACHE_LIMIT = 20_000;
const phraseCache = new Map<string, Phrase[]>();

function phrasesOf(text: string): Phrase[] {
  let phrases = phraseCache.get(text);
  if (!phrases) {
    phrases = extractPhrases(tokeniseText(text));
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(text, phrases);
  }
  return phrases;
}

/** Phrase statistics over a theme's sample texts. */
export function phraseStatistics(texts: readonly string[]): Map<string, PhraseStats> {
  const stats = new Map<string, PhraseStats>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const phrase of phrasesOf(text)) {
      let entry = stats.get(phrase.key);
      if (!entry) {
        entry = { samples: 0, surfaces: new Map(), length: phrase.length };
        stats.set(phrase.key, entry);
      }
      entry.surfaces.set(phrase.surface, (entry.surfaces.get(phrase.surface) ?? 0) + 1);
      if (!seen.has(phrase.key)) {
        entry.samples++;
        seen.add(phrase.key);
      }
    }
  }
  return stats;
}

function commonestSurface(surfaces: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfaces) {
    if (count > bestCount || (count === bestCount && surface < best)) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Class-based TF-IDF over phrases, kept incrementally across themes: a phrase scores by the
 * share of the theme's samples holding it times how few themes use it, with a bonus for longer
 * phrases. The book remembers which phrases each theme uses, so relabelling the themes that
 * changed does not require reading every other theme again.
 */
export class LabelBook {
  private readonly phrasesByTheme = new Map<string, readonly string[]>();
  private readonly themeFrequency = new Map<string, number>();

  get themeCount(): number {
    return this.phrasesByTheme.size;
  }

  /** Phrase keys a theme uses (for persistence). */
  phraseKeys(themeId: string): readonly string[] {
    return this.phrasesByTheme.get(themeId) ?? [];
  }

  /** Records the phrases a theme uses now, replacing what it used before. */
  setPhrases(themeId: string, keys: Iterable<string>): void {
    this.forget(themeId);
    const unique = [...new Set(keys)];
    this.phrasesByTheme.set(themeId, unique);
    for (const key of unique) this.themeFrequency.set(key, (this.themeFrequency.get(key) ?? 0) + 1);
  }

  /** Drops a theme (merged, set aside). */
  forget(themeId: string): void {
    const previous = this.phrasesByTheme.get(themeId);
    if (!previous) return;
    for (const key of previous) {
      const count = (this.themeFrequency.get(key) ?? 1) - 1;
      if (count <= 0) this.themeFrequency.delete(key);
      else this.themeFrequency.set(key, count);
    }
    this.phrasesByTheme.delete(themeId);
  }

  /** Ranks a theme's phrases, best name first. Call {@link setPhrases} with them first. */
  rank(stats: ReadonlyMap<string, PhraseStats>, sampleCount: number): RankedPhrase[] {
    const themes = Math.max(1, this.phrasesByTheme.size);
    const samples = Math.max(1, sampleCount);
    const minimumSupport = samples >= 3 ? 2 : 1;
    return [...stats.entries()]
      .filter(([, entry]) => entry.samples >= minimumSupport || entry.length === 1)
      .map(([key, entry]) => ({
        key,
        surface: commonestSurface(entry.surfaces),
        score:
          (entry.samples / samples) *
          Math.log(1 + themes / (this.themeFrequency.get(key) ?? 1)) *
          (1 + LENGTH_BONUS * (entry.length - 1)),
      }))
      .sort((a, b) => b.score - a.score || a.surface.localeCompare(b.surface));
  }
}

/** The best-ranked phrase not already taken, or the best one numbered to be unique. */
export function distinctLabel(ranked: readonly RankedPhrase[], taken: ReadonlySet<string>): string {
  const free = ranked.find((candidate) => !taken.has(candidate.surface));
  if (free) return free.surface;
  const base = ranked[0]?.surface ?? 'untitled';
  let suffix = 2;
  while (taken.has(`${base} (${suffix})`)) suffix++;
  return `${base} (${suffix})`;
}
