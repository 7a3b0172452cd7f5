import { tokeniseText } from '../text/tokenise-text';
import { Phrase, extractPhrases } from './extract-phrases';

/** What the labeller needs to know about one theme. */
export interface LabelInput {
  readonly themeId: string;
  readonly texts: readonly string[];
  /** A label decided by a person (or frozen by a pin): kept as is and reserved. */
  readonly fixedLabel?: string;
  /** Larger themes choose first. */
  readonly size: number;
}

interface PhraseStats {
  samples: number;
  surfaces: Map<string, number>;
  length: number;
}

/** Extra credit per additional word: longer phrases read better when nearly as frequent. */
const LENGTH_BONUS = 0.3;

const phraseCache = new Map<string, Phrase[]>();
const PHRASE_CACHE_LIMIT = 20_000;

function phrasesOf(text: string): Phrase[] {
  let phrases = phraseCache.get(text);
  if (!phrases) {
    phrases = extractPhrases(tokeniseText(text));
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(text, phrases);
  }
  return phrases;
}

function phraseStatistics(texts: readonly string[]): Map<string, PhraseStats> {
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

function commonestSurface(surfaces: Map<string, number>): string {
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
 * Short, distinctive key phrases per theme (class-based TF-IDF over phrases): a phrase scores
 * by the share of the theme's samples holding it times how few themes use it, with a bonus
 * for longer phrases. Labels are made distinct greedily, largest theme first.
 */
export function labelThemes(inputs: readonly LabelInput[]): Map<string, string> {
  const perTheme = inputs.map((input) => ({ input, stats: phraseStatistics(input.texts) }));
  const themeFrequency = new Map<string, number>();
  for (const { stats } of perTheme) {
    for (const key of stats.keys()) themeFrequency.set(key, (themeFrequency.get(key) ?? 0) + 1);
  }
  const themeCount = Math.max(1, inputs.length);
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const input of inputs) {
    if (input.fixedLabel !== undefined) {
      labels.set(input.themeId, input.fixedLabel);
      used.add(input.fixedLabel);
    }
  }
  const ordered = [...perTheme].sort((a, b) => b.input.size - a.input.size);
  for (const { input, stats } of ordered) {
    if (input.fixedLabel !== undefined) continue;
    const sampleCount = Math.max(1, input.texts.length);
    const minimumSupport = sampleCount >= 3 ? 2 : 1;
    const ranked = [...stats.entries()]
      .filter(([, entry]) => entry.samples >= minimumSupport || entry.length === 1)
      .map(([key, entry]) => ({
        surface: commonestSurface(entry.surfaces),
        score:
          (entry.samples / sampleCount) *
          Math.log(1 + themeCount / (themeFrequency.get(key) ?? 1)) *
          (1 + LENGTH_BONUS * (entry.length - 1)),
      }))
      .sort((a, b) => b.score - a.score || a.surface.localeCompare(b.surface));
    let label = ranked.find((candidate) => !used.has(candidate.surface))?.surface;
    if (label === undefined) {
      const base = ranked[0]?.surface ?? 'untitled';
      let suffix = 2;
      while (used.has(`${base} (${suffix})`)) suffix++;
      label = `${base} (${suffix})`;
    }
    used.add(label);
    labels.set(input.themeId, label);
  }
  return labels;
}
