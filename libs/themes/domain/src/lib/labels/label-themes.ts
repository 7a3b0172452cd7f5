import { LabelBook, distinctLabel, phraseStatistics } from './label-book';

/** What the labeller needs to know about one theme. */
export interface LabelInput {
  readonly themeId: string;
  readonly texts: readonly string[];
  /** A label decided by a person (or frozen by a pin): kept as is and reserved. */
  readonly fixedLabel?: string;
  /** Larger themes choose first. */
  readonly size: number;
}

/**
 * Short, distinctive key phrases for a set of themes at once (see {@link LabelBook}). Labels are
 * made distinct greedily, largest theme first; fixed labels are kept and reserved.
 */
export function labelThemes(inputs: readonly LabelInput[]): Map<string, string> {
  const book = new LabelBook();
  const stats = new Map(inputs.map((input) => [input.themeId, phraseStatistics(input.texts)]));
  for (const [themeId, themeStats] of stats) book.setPhrases(themeId, themeStats.keys());
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  for (const input of inputs) {
    if (input.fixedLabel === undefined) continue;
    labels.set(input.themeId, input.fixedLabel);
    taken.add(input.fixedLabel);
  }
  for (const input of [...inputs].sort((a, b) => b.size - a.size)) {
    if (input.fixedLabel !== undefined) continue;
    const ranked = book.rank(stats.get(input.themeId) ?? new Map(), input.texts.length);
    const label = distinctLabel(ranked, taken);
    taken.add(label);
    labels.set(input.themeId, label);
  }
  return labels;
}
